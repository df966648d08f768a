// Tests of the pages' plain modules (no browser): money and date formatting, CSV
// export, the API error messages, permissions from the session, the capabilities'
// links, the rulebook diff, and the layout's one rule (a capability's pages use
// only shared/ and their own folder). Run with `node --test`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ApiError, errorFromBody } from '../../web/src/shared/api.js';
import { issuesByPath, issuesFor, jobError, pageError } from '../../web/src/shared/errors.js';
import { can } from '../../web/src/shared/permissions.js';
import { plainIssue, plainText } from '../../web/src/shared/messages.js';
import { tableCsv } from '../../web/src/shared/exports.js';
import { actionText, homeLinks, navLinks, registerCapabilities } from '../../web/src/shared/registry.js';
import { pickVersion, versionInForce } from '../../web/src/shared/data.js';
import { csvField, formatDate, formatPence, parsePounds, poundsText, toCsv, toPence } from '../../web/src/shared/format.js';
import { diffRulebooks } from '../../web/src/ras/rulebooks/diff.js';
import { rulebookPathLabel } from '../../web/src/ras/governance/words.js';
import { defaultAnswerId, questionsByDomain, unitsText } from '../../web/src/shared/rulebook.js';

test('money is formatted from whole pence without floating point', () => {
  assert.equal(formatPence(0), '£0.00');
  assert.equal(formatPence(5), '£0.05');
  assert.equal(formatPence(1710938), '£17,109.38');
  assert.equal(formatPence(-250000), '-£2,500.00');
  assert.equal(formatPence(123456789012), '£1,234,567,890.12');
});

test('pounds typed by a person become pence, or null', () => {
  assert.equal(parsePounds('12,500,000'), 1250000000);
  assert.equal(parsePounds('£17.5'), 1750);
  assert.equal(parsePounds(' 3.07 '), 307);
  assert.equal(parsePounds('3.071'), null);
  assert.equal(parsePounds('ten'), null);
  assert.equal(parsePounds(''), null);
});

test('CSV cells are quoted and formula-like text is defused', () => {
  assert.equal(csvField('Older people'), 'Older people');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('=SUM(A1)'), "'=SUM(A1)");
  assert.equal(csvField(-300000), '-300000');
  assert.equal(toCsv([['a', 'b'], [1, 2]]), 'a,b\r\n1,2\r\n');
});

test('an error body becomes its message and one line per issue', () => {
  const error = errorFromBody(422, {
    error: {
      code: 'invalid_value',
      message: 'the answers do not fit this rulebook',
      issues: [
        { path: 'answers.mobility', message: 'unknown answer "sum"; expected one of none, some, lots' },
        { path: 'answers.night', message: 'no answer given' },
      ],
    },
  });
  assert.ok(error instanceof ApiError);
  assert.equal(error.status, 422);
  assert.equal(error.code, 'invalid_value');
  // Plain words with the field's label; the error keeps the API's paths.
  assert.deepEqual(error.lines(), ['The answers do not fit this rulebook', 'Choose mobility from the list', 'Night: no answer given']);
  assert.deepEqual(
    error.issues.map((issue) => issue.path),
    ['answers.mobility', 'answers.night'],
  );
});

test('a 500 shows its incident id; a body that is not the error shape still reads well', () => {
  assert.deepEqual(errorFromBody(500, { error: { code: 'internal', message: 'Something went wrong', incident_id: 'inc-42' } }).lines(), [
    'Something went wrong',
    'Incident reference: inc-42',
  ]);
  assert.deepEqual(errorFromBody(502, null).lines(), ['Request failed (HTTP 502).']);
  assert.deepEqual(errorFromBody(403, 'Forbidden').lines(), ['You are not allowed to do this.']);
});

const base = {
  format: 'allot-rulebook/1',
  id: 'demo',
  version: 1,
  title: 'Demo',
  effective_from: '2026-04-01',
  questions: [
    { id: 'care', domain: 'Personal care', text: 'Care?', answers: [{ id: 'none', text: 'None', points: 0 }, { id: 'some', text: 'Some', points: 5, units_per_week: { home_care_hour: 3.5 } }] },
    { id: 'home', domain: 'Household', text: 'Home?', default: 'no', answers: [{ id: 'no', text: 'No', points: 0 }, { id: 'yes', text: 'Yes', points: 2 }] },
  ],
  allocation: { method: 'points', pence_per_point: 25000 },
  adjustments: [{ kind: 'informal_support', label: 'Informal support', question: 'home', factors: { no: 1, yes: 0.75 } }],
  range_percent: 10,
};

// The same document with every object's keys in another order.
function reordered(value) {
  if (Array.isArray(value)) return value.map(reordered);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).reverse().map((key) => [key, reordered(value[key])]));
  return value;
}

test('the diff ignores the order of keys and finds nothing in an equal document', () => {
  const diff = diffRulebooks(base, reordered(base));
  assert.deepEqual(diff.summary, { questionsAdded: 0, questionsRemoved: 0, questionsChanged: 0, answerChanges: 0, otherChanges: 0 });
});

test('the diff finds changed points, an added question and a new value of a point', () => {
  const next = structuredClone(base);
  next.version = 2;
  next.questions[0].answers[1].points = 6;
  next.questions.push({ id: 'night', domain: 'Night', text: 'Night?', answers: [{ id: 'no', text: 'No', points: 0 }] });
  next.allocation.pence_per_point = 24000;
  const diff = diffRulebooks(base, next);
  assert.equal(diff.summary.questionsChanged, 1);
  assert.equal(diff.summary.questionsAdded, 1);
  const care = diff.questions.find((question) => question.id === 'care');
  const some = care.answers.find((answer) => answer.id === 'some');
  assert.deepEqual([some.points.before, some.points.after, some.points.status], [5, 6, 'changed']);
  const point = diff.allocation.find((entry) => entry.label.startsWith('Value of a point'));
  assert.deepEqual([point.before, point.after, point.status], ['£250.00', '£240.00', 'changed']);
});

test('rulebook helpers: domains in order, default answers, units a week', () => {
  assert.deepEqual(questionsByDomain(base).map((group) => group.domain), ['Personal care', 'Household']);
  assert.equal(defaultAnswerId(base.questions[1]), 'no');
  assert.equal(defaultAnswerId(base.questions[0]), undefined);
  assert.equal(unitsText({ home_care_hour: 3.5 }), '3.5 home care hours a week');
  assert.equal(unitsText({ sleepover_night: 1 }), '1 sleepover night a week');
});

test('the calculator uses the newest version already in force', () => {
  const rulebook = {
    id: 'demo',
    latest_version: 3,
    versions: [
      { version: 1, effective_from: '2025-04-01' },
      { version: 2, effective_from: '2026-04-01' },
      { version: 3, effective_from: '2027-04-01' },
    ],
  };
  assert.equal(versionInForce(rulebook, '2026-11-22'), 2);
  assert.equal(versionInForce(rulebook, '2027-04-01'), 3);
  assert.equal(versionInForce(rulebook, '2020-01-01'), 3);
});

test("the server's version in force wins over the browser's date", () => {
  // Version 3 was approved to take effect on 2027-04-01; the server, judging on
  // its own date, says version 2 is in force, whatever the browser's clock says.
  const rulebook = {
    id: 'demo',
    latest_version: 3,
    in_force_version: 2,
    versions: [
      { version: 2, effective_from: '2026-04-01' },
      { version: 3, effective_from: '2027-04-01' },
    ],
  };
  assert.equal(versionInForce(rulebook, '2027-05-01'), 2);
  // A version approved for a later date is not offered even when asked for.
  const withToday = { ...rulebook, today: '2026-11-22' };
  assert.deepEqual(pickVersion([withToday], new URLSearchParams('rulebook=demo&version=3')).version, 2);
  // A rulebook with no version in force yet is offered to nobody.
  const waiting = { id: 'new', in_force_version: null, today: '2026-11-22', versions: [{ version: 1, effective_from: '2026-12-01' }] };
  assert.equal(pickVersion([waiting], new URLSearchParams('rulebook=new')), null);
  assert.equal(pickVersion([waiting, withToday], new URLSearchParams('rulebook=new')).rulebook.id, 'demo');
});

test("a rulebook document's problems are placed in words", () => {
  assert.equal(rulebookPathLabel('questions[2].answers[0].points'), 'Question 3, answer 1, points');
  assert.equal(rulebookPathLabel('effective_from'), 'Effective from');
  assert.equal(rulebookPathLabel('allocation.pence_per_point'), 'Allocation, pence per point');
  assert.equal(rulebookPathLabel(''), '');
});

test('support plan totals are worked out like the server: per-line weekly rounding, 52 weeks, NHS share per line', async () => {
  const { lineForApi, planTotals, weeklyPence } = await import('../../web/src/journey/plan/totals.js');
  assert.equal(weeklyPence('3.5', 2100), 7350);
  assert.equal(weeklyPence('7/3', 1000), 2333);
  assert.equal(weeklyPence('0.125', 4), 1);
  assert.equal(weeklyPence('1.15', 1000), 1150);
  const lines = [
    { description: 'Care', service_component: 'home_support', unit: 'hour', unit_cost: '24.50', units_per_week: '10', delivery: 'direct_payment', nhs_percent: '25' },
    { description: 'Lunch club', service_component: 'day_support', unit: 'day', unit_cost: '0', units_per_week: '2', delivery: 'council_arranged', nhs_percent: '0' },
    { description: 'Rail', service_component: 'equipment', unit: 'one_off', one_off: '120', delivery: 'council_arranged', nhs_percent: '0' },
  ];
  const totals = planTotals(lines);
  assert.equal(totals.weekly_pence, 24500);
  assert.equal(totals.one_off_pence, 12000);
  assert.equal(totals.annual_pence, 24500 * 52 + 12000);
  assert.equal(totals.annual_nhs_pence, (24500 * 52) / 4);
  assert.equal(totals.annual_council_pence + totals.annual_nhs_pence, totals.annual_pence);
  assert.deepEqual(lineForApi(lines[2]).line, { description: 'Rail', service_component: 'equipment', unit: 'one_off', unit_cost_pence: 0, delivery: 'council_arranged', nhs_percent: 0, one_off_pence: 12000 });
  assert.deepEqual(Object.keys(lineForApi({ ...lines[0], unit_cost: '24.5.0', units_per_week: 'lots', nhs_percent: '120' }).problems).sort(), ['nhs_percent', 'unit_cost_pence', 'units_per_week']);
});

test('dates are shown the UK way and pounds typed become pence', () => {
  assert.equal(formatDate('1941-03-12'), '12 Mar 1941');
  assert.equal(formatDate(''), '');
  assert.equal(formatDate('not a date'), 'not a date');
  assert.equal(toPence('£1,200.5'), 120050);
  assert.equal(toPence(''), null);
  assert.equal(poundsText(120050), '1200.50');
});

test('a failed job and a problem found on the page read like an API error', () => {
  const failed = jobError({ status: 'failed', error: { code: 'invalid_value', message: 'bad file', issues: [{ path: 'line 3', message: 'no client group', code: 'required' }] } }, 'The job failed.');
  assert.deepEqual(failed.lines(), ['Bad file', 'line 3: no client group']);
  assert.deepEqual(jobError({ status: 'failed' }, 'The simulation failed.').lines(), ['The simulation failed.']);
  assert.deepEqual(pageError('Check the form.', ['Enter a budget']).lines(), ['Check the form.', 'Enter a budget']);
});

test('issues are found by field path, and can be labelled in plain words', () => {
  const error = errorFromBody(422, {
    error: { code: 'invalid_value', message: 'the meeting has problems', issues: [{ path: 'decisions[0].reason', message: 'give a reason', code: 'required' }, { path: 'held_on', message: 'not a date' }] },
  });
  const map = issuesByPath(error);
  assert.deepEqual(issuesFor(map, 'decisions[0]'), ['Reason: give a reason']);
  assert.deepEqual(issuesFor(map, 'decisions[1]'), []);
  assert.deepEqual(error.lines({ held_on: 'Meeting date' }), ['The meeting has problems', 'Decision 1: Reason: give a reason', 'Meeting date must be a date, like 29 Nov 2026']);
  assert.deepEqual(error.lines((where) => (where.endsWith('.reason') ? 'Why' : null)), ['The meeting has problems', 'Why: give a reason', 'Date of the meeting must be a date, like 29 Nov 2026']);
});

test('what a user may do is the session’s allowed list, never the roles', () => {
  const user = { username: 'tm', roles: ['team_manager'], allowed: ['people.read', 'people.decide'] };
  assert.equal(can({ loading: false, user }, 'people.decide'), true);
  assert.equal(can(user, 'people.read'), true);
  assert.equal(can(user, 'people.write'), false);
  assert.equal(can({ loading: false, user: null }, 'people.read'), false);
  assert.equal(can({ username: 'old', roles: ['administrator'] }, 'audit.read'), false);
});

test('the capabilities’ links are gathered in order, links for everyone last', () => {
  registerCapabilities([
    { order: 30, nav: [{ href: '/b', text: 'B', order: 40 }], homeLinks: { analyst: [{ href: '/b', text: 'B' }] }, actions: { 'b.read': 'read bees' } },
    { order: 10, nav: [{ href: '/a', text: 'A', order: 50 }, { href: '/c', text: 'C', order: 5 }], homeLinks: { analyst: [{ href: '/a', text: 'A' }], everyone: [{ href: '/p', text: 'P' }] } },
  ]);
  assert.deepEqual(navLinks().map((link) => link.href), ['/c', '/b', '/a']);
  assert.deepEqual(homeLinks('analyst').map((link) => link.href), ['/a', '/b', '/p']);
  assert.deepEqual(homeLinks('commissioner').map((link) => link.href), ['/p']);
  assert.equal(actionText('b.read'), 'read bees');
  assert.equal(actionText('c.write'), 'c.write');
  registerCapabilities([]);
});

// The layout (web/README.md): shared/ uses nothing from a capability, and a
// capability's files use only shared/ and their own folder.
test('each capability folder imports only from shared/ and itself', () => {
  const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'src');
  const files = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(path.join(dir, entry.name)) : /\.jsx?$/.test(entry.name) ? [path.join(dir, entry.name)] : []));
  const folders = fs.readdirSync(src, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  assert.ok(folders.includes('shared') && folders.includes('identity'), `folders: ${folders}`);
  const problems = [];
  for (const folder of folders) {
    for (const file of files(path.join(src, folder))) {
      for (const [, target] of fs.readFileSync(file, 'utf8').matchAll(/^import (?:[^'"]* from )?['"]([^'"]+)['"]/gm)) {
        if (!target.startsWith('.')) continue;
        const resolved = path.relative(src, path.resolve(path.dirname(file), target));
        if (resolved.startsWith('..')) {
          if (!resolved.endsWith('.json')) problems.push(`${path.relative(src, file)} imports ${target} from outside web/src`);
          continue;
        }
        const top = resolved.split(path.sep)[0];
        if (top !== folder && top !== 'shared') problems.push(`${path.relative(src, file)} imports ${resolved}`);
        if (folder === 'shared' && top !== 'shared') problems.push(`${path.relative(src, file)} (shared) imports ${resolved}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('API issues read as plain words with the field’s label, from one mapping', () => {
  const cases = [
    [{ path: 'previous_package_annual_pence', code: 'wrong_type', message: 'expected a whole number; found 12.5' }, 'Previous package cost must be a whole number of pounds and pence, like 18.50'],
    [{ path: 'lines[2].unit_cost_pence', code: 'invalid_value', message: 'must not be negative; found -3' }, 'Line 3: Cost per unit cannot be negative'],
    [{ path: 'lines[0].units_per_week', code: 'invalid_value', message: 'must be from 0 to 168; found 200' }, 'Line 1: Units a week must be from 0 to 168'],
    [{ path: 'decisions[0].reason', code: 'missing_field', message: 'is required' }, 'Decision 1: Reason is needed'],
    [{ path: 'given_name', code: 'invalid_value', message: 'must be at most 100 characters; found 150' }, 'Given name must be 100 characters or fewer'],
    [{ path: 'client_group', code: 'invalid_value', message: 'expected one of older_people, mental_health; found "x"' }, 'Choose client group from the list'],
    [{ path: 'start', code: 'invalid_value', message: 'found "tomorrow"; expected a date YYYY-MM-DD' }, 'Start must be a date, like 29 Nov 2026'],
    [{ path: 'step', code: 'conflict', message: 'cannot decide: the stage is awaiting_sign_off' }, 'Cannot decide: the stage is awaiting sign off'],
    [{ path: 'visits.csv:42', code: 'invalid_value', message: 'no such carer' }, 'visits.csv:42: no such carer'],
  ];
  for (const [issue, plain] of cases) assert.equal(plainIssue(issue), plain, issue.path);
  assert.equal(plainIssue({ path: 'agreed_annual_pence', code: 'invalid_value', message: 'is required' }, { agreed_annual_pence: 'Amount agreed' }), 'Amount agreed is needed');
  assert.equal(plainText('the plan is with the resource_allocation_group'), 'The plan is with the resource allocation group');
});

test('a table exports as CSV with pounds (never pence), codes by label, a header row and no totals row', () => {
  const table = {
    name: 't',
    title: 'T',
    columns: [
      { title: 'Name', kind: 'text', value: (row) => row.name },
      { title: 'Group', kind: 'code', value: (row) => row.group },
      { title: 'Start', kind: 'date', value: (row) => row.start },
      { title: 'Agreed', kind: 'money', value: (row) => row.pence },
    ],
    rows: [
      { name: 'Ann', group: 'Older people', start: '2026-11-29', pence: 123456 },
      { name: 'Bob, Jr', group: 'Mental health', start: '2026-04-01', pence: -5 },
      { name: 'Cy', group: 'Older people', start: '', pence: null },
    ],
    totals: { 0: 'Total', 3: 123451 },
  };
  assert.equal(
    tableCsv(table),
    'Name,Group,Start,Agreed (£)\r\nAnn,Older people,2026-11-29,1234.56\r\n"Bob, Jr",Mental health,2026-04-01,-0.05\r\nCy,Older people,,\r\n',
  );
});
