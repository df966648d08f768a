#!/usr/bin/env node
// Browser tests for Allot's pages. They drive Debian's Chromium through
// playwright-core against the real `allot serve --demo`, started on a free port
// with a temporary database, and check what the pages show against the real CLI.
//
// Usage: node tests/web/run.mjs <allot binary> [output folder for logs and screenshots]
// Needs web/node_modules (npm ci in web/) and /usr/bin/chromium. The last line
// printed is "N passed, N failed".
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerAccessTests } from './access.mjs';
import { registerAccessPagesTests } from './access_pages.mjs';
import { registerAuditTests } from './audit.mjs';
import { registerBudgetsTests } from './budgets.mjs';
import { registerCareAtHomeReplanTests, registerCareAtHomeTests } from './care_at_home.mjs';
import { registerCommunityTests } from './community.mjs';
import { registerCostedPlanTests } from './costed_plans.mjs';
import { registerMapTests } from './map.mjs';
import { registerWeekTests } from './week.mjs';
import { registerCaseworkTests } from './casework.mjs';
import { registerChargingTests } from './charging.mjs';
import { registerDecidersTests } from './deciders.mjs';
import { registerDiaryTests } from './diary.mjs';
import { registerJourneyTests } from './journey.mjs';
import { registerRulebookGovernanceTests } from './rulebooks.mjs';
import { registerPeopleTests } from './people.mjs';
import { registerPageWalkTests } from './page_walk.mjs';
import { registerSchedulingTests } from './scheduling.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = path.resolve(here, '..', '..');
const webDir = path.join(sourceDir, 'web');
const rulebooksDir = path.join(sourceDir, 'data', 'rulebooks');
const CHROMIUM = process.env.ALLOT_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Generous: CTest runs this beside the C++ suites on a 2-core machine.
const STEP_TIMEOUT_MS = 30000;

const allot = process.argv[2] ? path.resolve(process.argv[2]) : '';
const outDir = path.resolve(process.argv[3] || path.join(os.tmpdir(), 'allot-web-tests'));

function giveUp(message) {
  console.log(`web tests could not start: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// ---------------------------------------------------------------- helpers

// Pence as the pages show money: "£1,234.56". Written out again here, not
// imported from the pages, so a formatting bug there is caught.
function pounds(pence) {
  const abs = Math.abs(pence);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${pence < 0 ? '-' : ''}£${whole}.${String(abs % 100).padStart(2, '0')}`;
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}:\n  expected ${e}\n  found    ${a}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function runCli(args) {
  try {
    return JSON.parse(execFileSync(allot, args, { cwd: sourceDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (error) {
    throw new Error(`allot ${args.join(' ')} failed: ${error.stderr || error.message}`);
  }
}

// The example rulebooks the demo loads, by id.
function readRulebooks() {
  const byId = new Map();
  for (const name of fs.readdirSync(rulebooksDir).filter((file) => file.endsWith('.json')).sort()) {
    const file = path.join(rulebooksDir, name);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    byId.set(doc.id, { file, doc });
  }
  return byId;
}

// A deterministic spread of answers: question i gets answer pick(i, n).
function chooseAnswers(doc, pick) {
  const answers = {};
  doc.questions.forEach((question, question_idx) => {
    answers[question.id] = question.answers[pick(question_idx, question.answers.length)].id;
  });
  return answers;
}

// A sample or population CSV for a rulebook: person_id,client_group,current_annual_pence,<question ids>.
function populationCsv(doc, people, seed) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const groups = ['Older people', 'Physical disability', 'Learning disability', 'Mental health'];
  const lines = [['person_id', 'client_group', 'current_annual_pence', ...doc.questions.map((question) => question.id)].join(',')];
  for (let person_idx = 0; person_idx < people; person_idx++) {
    const answers = doc.questions.map((question) => question.answers[Math.floor(next() * question.answers.length)].id);
    const current = 200000 + Math.floor(next() * 3000000);
    lines.push([`P${String(person_idx + 1).padStart(5, '0')}`, groups[person_idx % groups.length], current, ...answers].join(','));
  }
  return lines.join('\n') + '\n';
}

// The server's clock and the browser's both read this instant, so dates on the
// pages and in the answers are the same on any day the tests run.
const TEST_CLOCK_START = '2026-11-22T09:00:00.000Z';

// ---------------------------------------------------------------- the server

// `clockStart`: where the server's clock starts (a later one, on the same
// database, shows what is in force from a date).
async function startServer(work, { clockStart = TEST_CLOCK_START, logName = 'server.log' } = {}) {
  const port = await freePort();
  const password = 'web-' + crypto.randomBytes(9).toString('base64url');
  const log = path.join(outDir, logName);
  const args = ['serve', '--demo', '--port', String(port), '--database', path.join(work, 'allot.sqlite'),
    '--clock-start', clockStart];
  const env = {
    ...process.env,
    ALLOT_WEB_ROOT: path.join(webDir, 'dist'),
    ALLOT_RULEBOOKS_DIR: rulebooksDir,
    ALLOT_DEMO_PASSWORD: password,
  };
  const child = spawn(allot, args, { cwd: sourceDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = fs.createWriteStream(log);
  let printed = '';
  const collect = (chunk) => {
    printed += chunk.toString();
    out.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    if (exited) throw new Error(`allot serve exited (${exited.code ?? exited.signal}) before answering; its output:\n${printed}`);
    try {
      const response = await fetch(`${base}/api/v1/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`allot serve did not answer /api/v1/health within 30 s; its output:\n${printed}`);
    await sleep(100);
  }
  // The server prints the demo users' password on start
  // ("Demo users (every one has the password XYZ):"); use it if it differs.
  const shown = printed.match(/has the password (\S+?)\)?:?\s*$/m);
  return {
    base,
    password: shown ? shown[1] : password,
    printed: () => printed,
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      for (let wait_idx = 0; wait_idx < 50 && !exited; wait_idx++) await sleep(100);
      if (!exited) child.kill('SIGKILL');
      out.end();
    },
  };
}

// ---------------------------------------------------------------- the tests

const tests = [];
const test = (name, body) => tests.push({ name, body });

async function signIn(page, ctx, username) {
  await page.goto(`${ctx.base}/sign-in`);
  await page.fill('#username', username);
  await page.fill('#password', ctx.password);
  await page.click('form button[type=submit]');
  await page.waitForURL(`${ctx.base}/home`);
  await page.waitForSelector(`[data-role="${username}"]`);
}

async function derivationShown(page) {
  await page.waitForSelector('[data-testid=derivation] li');
  return page.$$eval('[data-testid=derivation] li', (items) => items.map((item) => item.textContent));
}

async function checkScoreAgainstCli(page, ctx, rulebook, answers) {
  const answersFile = path.join(ctx.work, `answers-${crypto.randomBytes(4).toString('hex')}.json`);
  fs.writeFileSync(answersFile, JSON.stringify({ answers }));
  const cli = runCli(['ras', 'score', rulebook.file, answersFile, '--json']);
  assertEqual(await derivationShown(page), cli.derivation, 'derivation on the page against `allot ras score --json`');
  assertEqual(await page.textContent('[data-testid=annual]'), pounds(cli.annual_pence), 'annual amount');
  assertEqual(await page.textContent('[data-testid=weekly]'), pounds(cli.weekly_pence), 'weekly amount');
  const range = await page.textContent('[data-testid=range]');
  assert(range.includes(pounds(cli.lower_annual_pence)) && range.includes(pounds(cli.upper_annual_pence)), `range "${range}" should show ${pounds(cli.lower_annual_pence)} to ${pounds(cli.upper_annual_pence)}`);
  return cli;
}

async function openCalculator(page, ctx, rulebook) {
  await page.goto(`${ctx.base}/calculator`);
  await page.waitForSelector('fieldset.question');
  if (await page.$('#rulebook-picker')) {
    await page.selectOption('#rulebook-picker', rulebook.doc.id);
  }
  await page.waitForFunction((count) => document.querySelectorAll('fieldset.question').length === count, rulebook.doc.questions.length);
  await page.waitForFunction((title) => document.body.textContent.includes(title), rulebook.doc.title);
}

test('calculator: choose answers, see the budget and a derivation equal to the CLI', async ({ page, ctx }) => {
  const rulebook = ctx.pointsRulebook;
  await openCalculator(page, ctx, rulebook);
  assert(await page.isVisible('text=not a limit'), 'the page should say the amount is not a limit');
  const answers = chooseAnswers(rulebook.doc, (question_idx, count) => (question_idx * 2 + 1) % count);
  for (const [questionId, answerId] of Object.entries(answers)) {
    await page.click(`label[for="q-${questionId}--${answerId}"]`);
  }
  await page.click('text=Work out my indicative budget');
  const cli = await checkScoreAgainstCli(page, ctx, rulebook, answers);
  assert((await page.textContent('[data-testid=score-result]')).includes('not a cap'), 'the result should say it is not a cap');
  await page.waitForFunction((text) => document.getElementById('result-announcement').textContent.includes(text), pounds(cli.annual_pence));
});

test('calculator: every example rulebook scores like the CLI (points, bands, rates)', async ({ page, ctx }) => {
  for (const rulebook of ctx.rulebooks.values()) {
    await openCalculator(page, ctx, rulebook);
    const answers = chooseAnswers(rulebook.doc, (question_idx, count) => (question_idx + 2) % count);
    for (const [questionId, answerId] of Object.entries(answers)) {
      await page.check(`#q-${questionId}--${answerId}`);
    }
    await page.click('text=Work out my indicative budget');
    await checkScoreAgainstCli(page, ctx, rulebook, answers);
  }
});

test('calculator: one question at a time, and unanswered questions are listed', async ({ page, ctx }) => {
  const rulebook = ctx.pointsRulebook;
  await openCalculator(page, ctx, rulebook);
  const unanswered = rulebook.doc.questions.filter((question) => question.default === undefined);
  await page.click('text=Work out my indicative budget');
  await page.waitForSelector('.error-summary');
  const listed = await page.$$eval('.error-summary li', (items) => items.length);
  assertEqual(listed, unanswered.length, 'questions listed as unanswered');
  await page.check('#mode-steps');
  const answers = chooseAnswers(rulebook.doc, (question_idx, count) => count - 1 - (question_idx % count));
  for (const [question_idx, question] of rulebook.doc.questions.entries()) {
    await page.waitForSelector(`text=Question ${question_idx + 1} of ${rulebook.doc.questions.length}`);
    await page.check(`#q-${question.id}--${answers[question.id]}`);
    await page.click('form.calculator button[type=submit]');
  }
  await checkScoreAgainstCli(page, ctx, rulebook, answers);
});

test('calculator: keyboard only, with focus visible', async ({ page, ctx }) => {
  const rulebook = ctx.pointsRulebook;
  await openCalculator(page, ctx, rulebook);
  const questions = rulebook.doc.questions;
  const firstGroup = `q-${questions[0].id}`;
  for (let press_idx = 0; press_idx < 60; press_idx++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((name) => document.activeElement && document.activeElement.name === name, firstGroup)) break;
  }
  const focus = await page.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return { name: element.name, visible: element.matches(':focus-visible'), outline: style.outlineStyle, shadow: style.boxShadow };
  });
  assertEqual(focus.name, firstGroup, 'Tab reaches the first question');
  assert(focus.visible && (focus.outline !== 'none' || focus.shadow !== 'none'), `focus should be visible: ${JSON.stringify(focus)}`);

  const answers = chooseAnswers(rulebook.doc, (question_idx, count) => (question_idx * 3) % count);
  for (const [question_idx, question] of questions.entries()) {
    const name = `q-${question.id}`;
    const state = await page.evaluate(() => {
      const element = document.activeElement;
      const group = [...document.querySelectorAll(`input[name="${element.name}"]`)];
      return { name: element.name, index: group.indexOf(element), checked: element.checked };
    });
    assertEqual(state.name, name, `keyboard focus on question ${question_idx + 1}`);
    if (!state.checked) await page.keyboard.press('Space');
    const want = question.answers.findIndex((answer) => answer.id === answers[question.id]);
    for (let move = state.index; move < want; move++) await page.keyboard.press('ArrowDown');
    for (let move = state.index; move > want; move--) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
  }
  const onButton = await page.evaluate(() => document.activeElement.textContent);
  assert(onButton.includes('Work out my indicative budget'), `after the last question Tab should reach the button; found "${onButton}"`);
  await page.keyboard.press('Enter');
  await checkScoreAgainstCli(page, ctx, rulebook, answers);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'result-heading');
});

test('criteria: every question, answer and the value of a point on one page', async ({ page, ctx }) => {
  const rulebook = ctx.pointsRulebook;
  await page.goto(`${ctx.base}/criteria?rulebook=${encodeURIComponent(rulebook.doc.id)}`);
  await page.waitForSelector('.criteria-question');
  const captions = await page.$$eval('.criteria-question caption', (items) => items.map((item) => item.firstChild.textContent));
  assertEqual(captions, rulebook.doc.questions.map((question) => question.text), 'questions on the criteria page');
  const rows = await page.$$eval('.criteria-question tbody tr', (items) => items.length);
  assertEqual(rows, rulebook.doc.questions.reduce((sum, question) => sum + question.answers.length, 0), 'answers on the criteria page');
  assertEqual(await page.textContent('.point-value'), `${pounds(rulebook.doc.allocation.pence_per_point)} a year`, 'value of a point');
  // Printed, the criteria keep their content and lose the navigation and buttons.
  await page.emulateMedia({ media: 'print' });
  assert(!(await page.isVisible('.site-header')) && !(await page.isVisible('text=Print the criteria')), 'printing hides the header and buttons');
  assert(await page.isVisible('.criteria-question >> nth=-1'), 'printing keeps every question');
  await page.emulateMedia({ media: 'screen' });
});

test('calculator, result and criteria fit a phone screen', async ({ page, ctx }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const rulebook = ctx.pointsRulebook;
  await openCalculator(page, ctx, rulebook);
  const answers = chooseAnswers(rulebook.doc, (question_idx, count) => count - 1);
  for (const [questionId, answerId] of Object.entries(answers)) await page.check(`#q-${questionId}--${answerId}`);
  await page.click('text=Work out my indicative budget');
  await checkScoreAgainstCli(page, ctx, rulebook, answers);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assertEqual(await overflow(), 0, 'calculator: sideways scrolling on a 360 px screen (px)');
  await page.goto(`${ctx.base}/criteria?rulebook=${encodeURIComponent(rulebook.doc.id)}`);
  await page.waitForSelector('.criteria-question');
  assertEqual(await overflow(), 0, 'criteria: sideways scrolling on a 360 px screen (px)');
});

// axe-core (web/ devDependency) checks a page against WCAG 2.1 A and AA: labels,
// contrast, landmarks, ARIA use.
async function checkAccessibility(page, ctx, what) {
  // Evaluated through the DevTools protocol: the server's Content-Security-Policy
  // (rightly) refuses injected script tags.
  await page.evaluate(ctx.axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`);
  });
  assert(violations.length === 0, `${what}: accessibility problems:\n    ${violations.join('\n    ')}`);
}

test('accessibility: public and analyst pages pass axe (WCAG 2.1 AA)', async ({ page, ctx }) => {
  const rulebook = ctx.pointsRulebook;
  await page.goto(`${ctx.base}/`);
  await page.waitForSelector('.cards');
  await checkAccessibility(page, ctx, 'start page');
  await openCalculator(page, ctx, rulebook);
  await checkAccessibility(page, ctx, 'calculator');
  await page.click('text=Work out my indicative budget');
  await page.waitForSelector('.error-summary');
  await checkAccessibility(page, ctx, 'calculator with unanswered questions');
  const answers = chooseAnswers(rulebook.doc, (question_idx, count) => question_idx % count);
  for (const [questionId, answerId] of Object.entries(answers)) await page.check(`#q-${questionId}--${answerId}`);
  await page.click('text=Work out my indicative budget');
  await page.waitForSelector('[data-testid=derivation] li');
  await checkAccessibility(page, ctx, 'calculator with a result');
  await page.goto(`${ctx.base}/criteria?rulebook=${encodeURIComponent(rulebook.doc.id)}`);
  await page.waitForSelector('.criteria-question');
  await checkAccessibility(page, ctx, 'criteria');
  await page.goto(`${ctx.base}/sign-in`);
  await page.waitForSelector('#username');
  await checkAccessibility(page, ctx, 'sign-in');
  await signIn(page, ctx, 'analyst');
  await checkAccessibility(page, ctx, 'analyst home');
  await page.goto(`${ctx.base}/rulebooks`);
  await page.waitForSelector('table.data');
  await checkAccessibility(page, ctx, 'rulebooks');
  const version = `${ctx.base}/rulebooks/${rulebook.doc.id}/versions/${rulebook.doc.version}`;
  await page.goto(version);
  await page.waitForSelector('.criteria-question');
  await checkAccessibility(page, ctx, 'rulebook version');
  await page.goto(`${ctx.base}/rulebooks/${rulebook.doc.id}/compare?from=${rulebook.doc.version}&to=${rulebook.doc.version}`);
  await page.waitForSelector('[data-testid=diff-summary]');
  await checkAccessibility(page, ctx, 'compare');
  await page.goto(`${version}/calibrate`);
  await page.waitForSelector('#sample-file');
  await checkAccessibility(page, ctx, 'calibrate');
  await page.goto(`${version}/simulate`);
  await page.waitForSelector('#population-file');
  await checkAccessibility(page, ctx, 'simulate');
});

test('sign in, home page per role, sign out', async ({ page, ctx }) => {
  await page.goto(`${ctx.base}/sign-in`);
  await page.fill('#username', 'analyst');
  await page.fill('#password', ctx.password + 'x');
  await page.click('form button[type=submit]');
  await page.waitForSelector('.error-summary');
  assert((await page.textContent('.error-summary')).includes('not right'), 'a wrong password is refused with a message');

  await signIn(page, ctx, 'analyst');
  assertEqual(await page.textContent('[data-testid=username]'), 'analyst', 'signed-in user');
  assert(await page.isVisible('nav >> text=Rulebooks'), 'an analyst sees the Rulebooks link');
  await page.reload();
  await page.waitForSelector('[data-role="analyst"]');

  await page.click('text=Sign out');
  await page.waitForURL(/\/sign-in\?signed_out=1$/);
  await page.waitForSelector('text=You have signed out');
  assert(!(await page.$('.error-inline')), 'signing out should not report a problem (CSRF header sent)');
  await page.goto(`${ctx.base}/home`);
  await page.waitForSelector('text=You need to sign in');
  const status = await page.evaluate(async () => (await fetch('/api/v1/session')).status);
  assertEqual(status, 401, 'the session is ended on the server');

  await signIn(page, ctx, 'assessor');
  assert(!(await page.isVisible('nav >> text=Rulebooks')), 'an assessor does not see the Rulebooks link');
  await page.goto(`${ctx.base}/rulebooks`);
  await page.waitForSelector('text=which you do not have');
});

// What a page offers follows the session's `allowed` actions from the server, not
// the roles: the session's replies are changed on their way to the page.
async function changeAllowed(page, change) {
  await page.route('**/api/v1/session', async (route) => {
    const response = await route.fetch();
    if (!response.ok()) return route.fulfill({ response });
    const body = await response.json();
    body.user.allowed = change(body.user.allowed || []);
    return route.fulfill({ response, json: body });
  });
}

test('links, buttons and pages follow the actions the server allows, not the roles', async ({ page, ctx }) => {
  await changeAllowed(page, (allowed) => [...allowed.filter((action) => action !== 'people.write' && action !== 'panel.read_queue'), 'rulebooks.read_drafts']);
  await signIn(page, ctx, 'team_manager');
  const links = await page.$$eval('[data-role="team_manager"] a', (items) => items.map((item) => item.getAttribute('href')));
  assert(links.includes('/people') && links.includes('/sign-offs'), `the team manager's allowed pages are linked: ${links}`);
  assert(!links.includes('/panel'), `no link to the panel queue without panel.read_queue: ${links}`);
  assert(await page.isVisible('nav >> text=Rulebooks'), 'rulebooks.read_drafts shows the Rulebooks link, whatever the role');
  await page.click('nav >> text=People');
  await page.waitForSelector('form.filters');
  assert(!(await page.isVisible('text=Add a person')), 'no "Add a person" without people.write');
  await page.goto(`${ctx.base}/people/new`);
  await page.waitForSelector('text=which you do not have');
  assert((await page.textContent('main')).includes('change people’s records'), 'the page says what it needs in words');
  await page.goto(`${ctx.base}/panel`);
  await page.waitForSelector('text=which you do not have');
  await page.goto(`${ctx.base}/rulebooks`);
  await page.waitForSelector('table.data');
  assert(!(await page.isVisible('table.data >> text=Calibrate')), 'no Calibrate link without rulebooks.calibrate');
});

test('analyst: simulate a population, see the table and export it as CSV', async ({ page, ctx }) => {
  const rulebook = ctx.pointsRulebook;
  const population = path.join(ctx.work, 'population.csv');
  fs.writeFileSync(population, populationCsv(rulebook.doc, 3000, 11));
  await signIn(page, ctx, 'analyst');
  await page.goto(`${ctx.base}/rulebooks/${rulebook.doc.id}/versions/${rulebook.doc.version}/simulate`);
  await page.setInputFiles('#population-file', population);
  // The progress bar may be on screen for only a moment: note when it appears.
  await page.evaluate(() => {
    window.sawProgress = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid=job-progress] progress')) window.sawProgress = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.click('form button[type=submit]');
  await page.waitForSelector('[data-testid=simulation-table]', { timeout: 60000 });
  assert(await page.evaluate(() => window.sawProgress), 'a progress bar is shown while the job runs');
  const cli = runCli(['ras', 'simulate', rulebook.file, population, '--json']);
  const overall = await page.$$eval('[data-testid=simulation-table] tr.total > *', (cells) => cells.map((cell) => cell.textContent));
  assertEqual(overall[1], cli.overall.people.toLocaleString('en-GB'), 'people simulated');
  assertEqual(overall[2], pounds(cli.overall.total_current_pence), 'total current cost');
  assertEqual(overall[3], pounds(cli.overall.total_indicative_pence), 'total indicative');
  const groupRows = await page.$$eval('[data-testid=simulation-table] tbody tr', (rows) => rows.length);
  assertEqual(groupRows, cli.groups.length + 1, 'one row per client group and a total');
  assert(await page.isVisible('svg.chart-svg'), 'a chart is shown');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download the table as CSV')]);
  const csv = fs.readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
  assert(csv[0].startsWith('Client group,People,Current cost a year (£)'), `CSV header in the page's words: ${csv[0]}`);
  assert(csv[0].includes('Gain (current cost below the range)') && csv[0].includes('Lose (current cost above the range)'), `gain and lose named: ${csv[0]}`);
  assertEqual(csv.length, cli.groups.length + 1, 'CSV lines: a header and a line per client group');
});

test('analyst: calibrate the value of a point from a sample file', async ({ page, ctx }) => {
  const rulebook = ctx.pointsRulebook;
  const sample = path.join(ctx.work, 'sample.csv');
  fs.writeFileSync(sample, populationCsv(rulebook.doc, 150, 7));
  await signIn(page, ctx, 'analyst');
  await page.click('nav >> text=Rulebooks');
  await page.click(`a[href="/rulebooks/${rulebook.doc.id}/versions/${rulebook.doc.version}"]`);
  await page.click('text=Calibrate the value of a point');
  await page.waitForSelector('#sample-file');
  await page.setInputFiles('#sample-file', sample);
  await page.fill('#budget', '12,500,000');
  await page.fill('#top-slice', '15');
  await page.fill('#population', '2000');
  await page.click('form button[type=submit]');
  await page.waitForSelector('[data-testid=calibration-result]', { timeout: 30000 });
  const cli = runCli([
    'ras', 'calibrate', rulebook.file, '--sample', sample, '--budget-pence', '1250000000', '--top-slice-percent', '15', '--population', '2000', '--json',
  ]);
  assertEqual(await page.textContent('[data-testid=protection-fund]'), pounds(187500000), 'protection fund (15% of £12,500,000)');
  assertEqual(cli.protection_fund_pence, 187500000, 'CLI protection fund');
  assertEqual(await page.textContent('[data-testid=point-value]'), `${pounds(cli.pence_per_point)} a year`, 'value of a point against `allot ras calibrate --json`');

  // Stored as a draft version, the calibrated rulebook is used by nobody until it
  // is proposed and approved: the calculator keeps the version in force.
  await page.check('#save-draft');
  await page.click('form button[type=submit]');
  await page.click('[data-testid=calibration-draft] a');
  await page.waitForSelector('[data-testid=draft-status]');
  assertEqual(await page.textContent('[data-testid=draft-status]'), 'Draft', 'the calibrated rulebook is a draft');
  const drafted = await page.evaluate(async () => (await fetch(`/api/v1${window.location.pathname}`)).json());
  assertEqual(drafted.origin, 'calibration', 'the draft says it was calibrated');
  assertEqual(drafted.document.allocation.pence_per_point, cli.pence_per_point, 'the draft carries the calibrated value of a point');
  const listed = await page.evaluate(async () => (await fetch('/api/v1/rulebooks')).json());
  const inForce = listed.rulebooks.find((candidate) => candidate.id === rulebook.doc.id);
  assertEqual(inForce.in_force_version, rulebook.doc.version, 'the version in force is unchanged');
  assert(!inForce.versions.some((candidate) => candidate.version === drafted.version), 'the draft is not published');
});

// ---------------------------------------------------------------- running

registerJourneyTests(test, { assert, assertEqual, pounds, signIn, checkAccessibility, runCli });
registerPeopleTests(test, { assert, assertEqual, signIn, checkAccessibility });
registerSchedulingTests(test, { assert, assertEqual, signIn, checkAccessibility });
registerBudgetsTests(test, { assert, assertEqual, signIn, checkAccessibility });
registerCareAtHomeTests(test, { assert, assertEqual, signIn, checkAccessibility });
registerCommunityTests(test, { assert, assertEqual, signIn, checkAccessibility });
registerMapTests(test, { assert, assertEqual, signIn, checkAccessibility });
registerWeekTests(test, { assert, assertEqual, signIn, checkAccessibility });
registerChargingTests(test, { assert, assertEqual, pounds, signIn, checkAccessibility });
registerRulebookGovernanceTests(test, { assert, assertEqual, signIn, checkAccessibility, startServer, populationCsv, clockStart: TEST_CLOCK_START });
registerDecidersTests(test, { assert, assertEqual, pounds, signIn, checkAccessibility, checkScoreAgainstCli });
registerCaseworkTests(test, { assert, assertEqual, signIn, checkAccessibility });
registerAuditTests(test, { assert, assertEqual, signIn, checkAccessibility });
registerCareAtHomeReplanTests(test, { assert, assertEqual, signIn, checkAccessibility });
registerCostedPlanTests(test, { assert, assertEqual, signIn, checkAccessibility });
registerDiaryTests(test, { assert, assertEqual, signIn, checkAccessibility });
registerAccessTests(test, { assert, signIn, checkAccessibility });
registerAccessPagesTests(test, { assert, assertEqual, signIn, checkAccessibility });
registerPageWalkTests(test, { assert, signIn });

// A full-page screenshot through the DevTools protocol. Playwright's own
// page.screenshot() waits for web fonts and was seen to hang with Debian's
// Chromium, so it is not used; a screenshot must never hold the run up.
async function screenshot(page, file) {
  const take = async () => {
    const session = await page.context().newCDPSession(page);
    const { cssContentSize } = await session.send('Page.getLayoutMetrics');
    const { data } = await session.send('Page.captureScreenshot', {
      format: 'png',
      captureBeyondViewport: true,
      clip: { x: 0, y: 0, width: Math.ceil(cssContentSize.width), height: Math.min(Math.ceil(cssContentSize.height), 16000), scale: 1 },
    });
    fs.writeFileSync(file, Buffer.from(data, 'base64'));
  };
  await Promise.race([take(), sleep(10000)]).catch((error) => console.log(`  (no screenshot: ${error.message})`));
}

async function main() {
  if (!allot || !fs.existsSync(allot)) giveUp(`usage: node run.mjs <allot binary> [output folder] (no binary at "${allot}")`);
  if (!fs.existsSync(CHROMIUM)) giveUp(`${CHROMIUM} is missing (apt-get install chromium)`);
  const require = createRequire(path.join(webDir, 'package.json'));
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch {
    giveUp('playwright-core is not installed: run `npm ci` in web/');
  }
  if (!fs.existsSync(path.join(webDir, 'dist', 'index.html'))) {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: webDir, stdio: 'inherit' });
  }
  fs.mkdirSync(path.join(outDir, 'screenshots'), { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'allot-web-'));
  const started = Date.now();
  let server;
  let browser;
  let passed = 0;
  let failed = 0;
  try {
    server = await startServer(work);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const rulebooks = readRulebooks();
    const pointsRulebook = [...rulebooks.values()].find((rulebook) => rulebook.doc.allocation.method === 'points' && rulebook.doc.adjustments && rulebook.doc.adjustments.length) ||
      [...rulebooks.values()].find((rulebook) => rulebook.doc.allocation.method === 'points');
    if (!pointsRulebook) throw new Error(`no points rulebook in ${rulebooksDir}`);
    const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const ctx = { base: server.base, password: server.password, work, rulebooks, pointsRulebook, axeSource };
    const only = process.env.ALLOT_WEB_TEST ? new RegExp(process.env.ALLOT_WEB_TEST) : null;
    for (const { name, body } of tests) {
      if (only && !only.test(name)) continue;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      // The pages' "today" is the server's: both start at the same fixed instant.
      await context.clock.setFixedTime(new Date(TEST_CLOCK_START));
      context.setDefaultTimeout(STEP_TIMEOUT_MS);
      const page = await context.newPage();
      const consoleErrors = [];
      page.on('pageerror', (error) => consoleErrors.push(String(error)));
      // Console errors fail a test too (a Content-Security-Policy refusal shows up
      // only there), except the browser's own note on each 4xx reply, which the
      // tests provoke on purpose (401 before sign-in, 422 for bad input).
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) consoleErrors.push(message.text());
      });
      const testStarted = Date.now();
      try {
        await body({ page, ctx });
        if (consoleErrors.length) throw new Error(`script errors in the page: ${consoleErrors.join('; ')}`);
        passed++;
        console.log(`ok   ${name} (${((Date.now() - testStarted) / 1000).toFixed(1)} s)`);
      } catch (error) {
        failed++;
        const shot = path.join(outDir, 'screenshots', name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') + '.png');
        await screenshot(page, shot);
        console.log(`FAIL ${name} (${((Date.now() - testStarted) / 1000).toFixed(1)} s)\n  ${String(error.stack || error).split('\n').join('\n  ')}\n  page: ${page.url()}\n  screenshot: ${shot}`);
      } finally {
        await context.close();
      }
    }
  } catch (error) {
    failed++;
    console.log(`FAIL setting up: ${error.stack || error}`);
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(`web tests took ${((Date.now() - started) / 1000).toFixed(1)} s; server log: ${path.join(outDir, 'server.log')}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main();
