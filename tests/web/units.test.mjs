// Tests of the pages' plain modules (no browser): money formatting, CSV export,
// the API error messages and the rulebook diff. Run with `node --test`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError, errorFromBody } from '../../web/src/api.js';
import { versionInForce } from '../../web/src/data.js';
import { csvField, formatPence, parsePounds, toCsv } from '../../web/src/format.js';
import { diffRulebooks } from '../../web/src/pages/rulebooks/diff.js';
import { defaultAnswerId, questionsByDomain, unitsText } from '../../web/src/rulebook.js';

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
  assert.deepEqual(error.lines(), [
    'the answers do not fit this rulebook',
    'answers.mobility: unknown answer "sum"; expected one of none, some, lots',
    'answers.night: no answer given',
  ]);
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

test('support plan totals are worked out like the server: per-line weekly rounding, 52 weeks, NHS share per line', async () => {
  const { lineForApi, planTotals, weeklyPence } = await import('../../web/src/pages/plan/totals.js');
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
