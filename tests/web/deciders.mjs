// Browser tests of what deciders and analysts read: a team manager deciding
// with the plan on screen, the Resource Allocation Group's agenda with a problem
// shown next to its decision, the calculator's Back and reload, and budgets'
// drift whose totals reconcile and whose XLSX export is read back by an
// independent reader. Registered by run.mjs.
import fs from 'node:fs';
import { apiOk, personAt, signOut, stageIs } from './journey.mjs';
import { readWorkbook, serialDate } from './xlsx-reader.mjs';

// "£1,234.56" or "-£5.00" -> pence.
function pence(text) {
  const match = /(-?)£([\d,]+)\.(\d\d)/.exec(String(text));
  if (!match) throw new Error(`no amount in "${text}"`);
  return (match[1] ? -1 : 1) * (Number(match[2].replace(/,/g, '')) * 100 + Number(match[3]));
}

const focusedId = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

export function registerDecidersTests(test, { assert, assertEqual, pounds, signIn, checkAccessibility, checkScoreAgainstCli }) {
  const adultsOf = (ctx) => ctx.rulebooks.get('example-adults');

  // A person at support planning with a saved and submitted plan of two lines.
  async function submittedPlan(page, ctx, nhsPercent) {
    const person = await personAt(page, 'support_planning', adultsOf(ctx));
    const low = person.indicative_budget.lower_annual_pence;
    const hours = Math.ceil((low - 78000) / 104000) + 1;
    const lines = [
      { description: 'Help to get up and dressed', service_component: 'home_support', provider: 'Demo Care at Home Ltd', unit: 'hour', unit_cost_pence: 2000, units_per_week: String(hours), delivery: 'direct_payment', nhs_percent: nhsPercent },
      { description: 'Day centre on Wednesdays', service_component: 'day_support', unit: 'week', unit_cost_pence: 1500, units_per_week: '1', delivery: 'individual_service_fund', nhs_percent: 0 },
    ];
    await apiOk(page, 'POST', `/people/${person.id}/steps/save_plan`, { expected_version: 0, outcomes: ['To stay in my own home', 'To see my friends every week'], lines });
    const record = await apiOk(page, 'POST', `/people/${person.id}/steps/submit_plan`, { version: 1 });
    return { person: record, hours, annual: hours * 104000 + 78000 };
  }

  test('deciders: a team manager decides with the plan on screen; the plan is read-only once submitted', async ({ page, ctx }) => {
    await signIn(page, ctx, 'assessor');
    const { person, hours, annual } = await submittedPlan(page, ctx, 0);
    assertEqual(person.sign_off.route, 'team_manager', 'a plan within the range without NHS funding goes to a team manager');
    const indicative = person.indicative_budget;

    // Submitted: the plan page is read-only and says where the plan is and who decides.
    await page.goto(`${ctx.base}/people/${person.id}/plan`);
    await page.waitForSelector('[data-testid=sign-off-route]');
    const status = await page.textContent('[data-testid=sign-off-route]');
    assert(status.includes('Version 1 was submitted') && status.includes('waiting for a decision by a team manager'), `the page says where the plan is: ${status}`);
    assert(!(await page.$('text=Save as version')) && !(await page.$('#line-0-description')), 'nothing on the page can change the submitted plan');
    await page.waitForSelector('[data-testid=plan-summary]');
    // The assessor may not sign off: the step is not offered to them.
    await page.goto(`${ctx.base}/people/${person.id}`);
    await stageIs(page, 'Awaiting sign-off');
    assert(!(await page.$('[data-testid=allowed-steps] >> text=Sign off the plan')), 'the assessor is not offered the sign-off');
    await signOut(page);

    // A finance officer reads the record but is offered no step.
    await signIn(page, ctx, 'finance_officer');
    await page.goto(`${ctx.base}/people/${person.id}`);
    await page.waitForSelector('[data-testid=allowed-steps]');
    const steps = await page.textContent('[data-testid=allowed-steps]');
    assert(steps.includes('no step for you') && !steps.includes('Close the case'), `a reader is offered no step: ${steps}`);
    await signOut(page);

    await signIn(page, ctx, 'team_manager');
    await page.click('.site-header a[href="/sign-offs"]');
    const card = `[data-testid=sign-off][data-person="${person.id}"]`;
    await page.waitForSelector(`${card} [data-testid=plan-summary]`);
    // The person, the outcomes, every line with cost, delivery and funding.
    assert((await page.textContent(`${card} [data-testid=decision-person]`)).includes(person.family_name), 'the person is named');
    assertEqual(await page.$$eval(`${card} [data-testid=plan-outcomes] li`, (items) => items.map((item) => item.textContent)), ['To stay in my own home', 'To see my friends every week'], 'outcomes');
    const rows = await page.$$eval(`${card} [data-testid=plan-line-row]`, (items) => items.map((row) => [...row.cells].map((cell) => cell.textContent)));
    assertEqual(rows.length, 2, 'every line is shown');
    assertEqual(rows[0].slice(2), [`£20.00 an hour × ${hours}`, pounds(2000 * hours), pounds(104000 * hours), 'Direct payment', 'Council'], 'the first line’s cost, delivery and funding');
    assert(rows[0][0].includes('Demo Care at Home Ltd'), 'the provider is shown');
    assertEqual(rows[1].slice(1), ['Day Support', '£15.00 a week × 1', '£15.00', '£780.00', 'Individual service fund', 'Council'], 'the second line');
    // The totals, the indicative budget and range, and the difference.
    assertEqual(await page.textContent(`${card} [data-testid=summary-annual]`), pounds(annual), 'the plan a year');
    assertEqual(await page.textContent(`${card} [data-testid=summary-indicative]`), `${pounds(indicative.annual_pence)} a year`, 'indicative budget');
    assertEqual(await page.textContent(`${card} [data-testid=summary-range]`), `${pounds(indicative.lower_annual_pence)} to ${pounds(indicative.upper_annual_pence)}`, 'indicative range');
    const difference = annual - indicative.annual_pence;
    assertEqual(
      await page.textContent(`${card} [data-testid=summary-difference]`),
      difference === 0 ? 'the same as the indicative budget' : `${pounds(Math.abs(difference))} ${difference > 0 ? 'above' : 'below'} the indicative budget`,
      'difference',
    );
    await checkAccessibility(page, ctx, 'sign-offs with the plan on screen');

    // The decision beside it: a changed amount with no reason is refused in words.
    const agreed = annual - 10000;
    await page.check(`#decide-${person.id}-outcome--approve_changed_amount`);
    await page.fill(`#decide-${person.id}-agreed_annual`, (agreed / 100).toFixed(2));
    await page.click(`${card} form[data-step=decide] button[type=submit]`);
    await page.waitForSelector(`${card} .field-error`);
    const fieldError = await page.textContent(`${card} .field-error`);
    assert(fieldError.includes('Reason is needed'), `the problem is next to the reason, in words: ${fieldError}`);
    const summary = await page.textContent(`${card} .error-summary`);
    assert(summary.includes('Reason is needed') && !/\breason:/.test(summary), `the summary uses the field’s label: ${summary}`);
    await page.fill(`#decide-${person.id}-reason`, 'Family will cover the Wednesday transport');
    await page.click(`${card} form[data-step=decide] button[type=submit]`);
    await page.waitForSelector('.success');
    const record = await apiOk(page, 'GET', `/people/${person.id}`);
    assertEqual([record.stage, record.agreed_budget.annual_pence], ['active', agreed], 'the budget agreed on the page');
    // The timeline reads as a history.
    await page.goto(`${ctx.base}/people/${person.id}`);
    await page.waitForSelector('[data-testid=timeline] li[data-kind=sign_off_decision]');
    const entry = await page.textContent('[data-testid=timeline] li[data-kind=sign_off_decision]');
    assert(entry.includes('Team manager’s decision on plan version 1: approved with a changed amount') && entry.includes(`Agreed ${pounds(agreed)} a year`) && entry.includes('Demo City Council') && entry.includes('Demo Team manager'), `a sentence a person can follow: ${entry}`);
    assert(!entry.includes('demo-council') && !entry.includes('team_manager') && !entry.includes('approve_changed_amount'), 'no codes in the history');
  });

  test('deciders: a panel meeting as an agenda, with each problem next to its decision and focused', async ({ page, ctx }) => {
    await signIn(page, ctx, 'assessor');
    const first = (await submittedPlan(page, ctx, 100)).person;
    const second = (await submittedPlan(page, ctx, 100)).person;
    assertEqual([first.sign_off.route, second.sign_off.route], ['resource_allocation_group', 'resource_allocation_group'], 'NHS-funded plans go to the panel');
    await signOut(page);

    await signIn(page, ctx, 'panel_member');
    await page.click('.site-header a[href="/panel"]');
    await page.waitForSelector('[data-testid=agenda]');
    // One plan at a time: choose the first from the agenda.
    await page.click(`[data-testid=agenda] button:has-text("Test ${first.family_name}")`);
    await page.waitForURL(new RegExp(`plan=${first.id}`));
    const firstItem = `[data-testid=agenda-item][data-person="${first.id}"]`;
    await page.waitForSelector(`${firstItem} [data-testid=plan-summary]`);
    assertEqual(await page.$$eval('[data-testid=agenda-item]', (items) => items.length), 1, 'one plan at a time');
    assertEqual(await page.$$eval(`${firstItem} [data-testid=plan-line-row]`, (items) => items.length), 2, 'the plan’s lines are on screen');
    assert((await page.textContent(`${firstItem} [data-testid=plan-lines]`)).includes('NHS'), 'the funding is shown');
    await page.selectOption(`#decision-${first.id}-1-outcome`, 'approve');
    await page.click('button:has-text("Next plan")');
    await page.waitForURL(new RegExp(`plan=${second.id}`));
    await page.selectOption(`#decision-${second.id}-1-outcome`, 'return');
    await page.fill(`#decision-${second.id}-1-reason`, 'The NHS share needs the continuing healthcare assessment first');
    // The members, once for the meeting.
    assertEqual(await page.$$eval('[data-testid=member]', (items) => items.length), 2, 'members are asked once, at the top');
    await page.fill('#member-0-name', 'Sam Patel');
    await page.fill('#member-0-role', 'Chair');
    await page.fill('#member-0-agency', 'Demo City Council');
    await page.fill('#member-1-name', 'Jo Evans');
    await page.fill('#member-1-role', 'Continuing healthcare lead');
    await page.fill('#member-1-agency', 'Demo NHS Foundation Trust');

    // A problem the page finds: the first plan comes back on screen, the reason focused.
    await page.click('button:has-text("Record the meeting")');
    await page.waitForURL(new RegExp(`plan=${first.id}`));
    await page.waitForSelector(`${firstItem} .field-error`);
    await page.waitForFunction((id) => document.activeElement && document.activeElement.id === id, `decision-${first.id}-1-reason`);
    assert((await page.textContent('[data-testid=meeting-problems]')).includes(`Decision on Test ${first.family_name}: Reason is needed`), 'the summary names the person');
    await checkAccessibility(page, ctx, 'panel agenda with a problem');
    await page.fill(`#decision-${first.id}-1-reason`, 'Two carers needed in the mornings');

    // A problem the server finds: the second plan was decided elsewhere meanwhile.
    await apiOk(page, 'POST', '/panel/meetings', {
      held_on: '2026-11-22',
      members: [{ name: 'Ali Khan', role: 'Chair', agency: 'Demo City Council' }],
      decisions: [{ person_id: second.id, plan_version: 1, outcome: 'return', reason: 'Returned at an earlier sitting' }],
    });
    await page.click('button:has-text("Record the meeting")');
    await page.waitForURL(new RegExp(`plan=${second.id}`));
    const secondDecision = `[data-testid=decision][data-person="${second.id}"]`;
    await page.waitForSelector(`${secondDecision} .field-error`);
    assert((await page.textContent(`${secondDecision} .field-error`)).includes('no support plan version 1 awaiting'), 'the server’s problem is next to the decision it concerns');
    await page.waitForFunction((id) => document.activeElement && document.activeElement.id === id, `decision-${second.id}-1-outcome`);
    assert((await page.textContent('[data-testid=meeting-problems]')).includes(`Decision on Test ${second.family_name}`), 'and listed by the person’s name');
    assert(!(await page.$(`${firstItem}`)), 'one plan at a time: the plan with the problem replaces the other');

    await page.selectOption(`#decision-${second.id}-1-outcome`, '');
    await page.click('button:has-text("Record the meeting")');
    await page.waitForSelector('[data-testid=meeting-recorded]');
    const meetings = await apiOk(page, 'GET', '/panel/meetings');
    const meeting = meetings.meetings[0];
    assertEqual(meeting.members.map((member) => member.name), ['Sam Patel', 'Jo Evans'], 'the members recorded once for the meeting');
    assertEqual(meeting.decisions.map((decision) => [decision.person_id, decision.outcome]), [[first.id, 'approve']], 'the decision recorded');
    // Decided, the plan has left the panel: the trust's panel member, not on this
    // person's care team, no longer opens the record (docs/api.md, "Who may see whose record").
    assertEqual(await page.evaluate(async (id) => (await fetch(`/api/v1/people/${id}`)).status, first.id), 403,
      'the record is closed to the panel once decided');

    // The compact list lives in the address: a reload keeps it.
    await page.check('#view-list');
    await page.waitForURL(/view=list/);
    await page.reload();
    await page.waitForSelector('[data-testid=decision]');
    assert(await page.isChecked('#view-list'), 'the list view is kept over a reload');
    const queued = (await apiOk(page, 'GET', '/panel/queue')).plans.length;
    assertEqual(await page.$$eval('[data-testid=decision]', (items) => items.length), queued, 'the compact list has every plan with its decision');
  });

  test('deciders: the calculator’s one question at a time goes back on Back and keeps its answers over a reload', async ({ page, ctx }) => {
    const rulebook = ctx.pointsRulebook;
    const questions = rulebook.doc.questions;
    // The version in the file, which the CLI scores with (another test may publish a newer one).
    await page.goto(`${ctx.base}/calculator?rulebook=${encodeURIComponent(rulebook.doc.id)}&version=${rulebook.doc.version}`);
    await page.waitForSelector('fieldset.question');
    await page.check('#mode-steps');
    await page.waitForURL(/mode=steps/);
    const answers = Object.fromEntries(questions.map((question, question_idx) => [question.id, question.answers[(question_idx + 1) % question.answers.length].id]));
    const at = (question_idx) => page.waitForSelector(`text=Question ${question_idx + 1} of ${questions.length}`);
    for (let question_idx = 0; question_idx < 3; question_idx++) {
      await at(question_idx);
      await page.check(`#q-${questions[question_idx].id}--${answers[questions[question_idx].id]}`);
      await page.click('form.calculator button[type=submit]');
    }
    await at(3);
    await page.goBack();
    await at(2);
    assert(await page.isChecked(`#q-${questions[2].id}--${answers[questions[2].id]}`), 'Back shows the previous question with its answer');
    await page.goBack();
    await at(1);
    await page.reload();
    await at(1);
    assert(await page.isChecked(`#q-${questions[1].id}--${answers[questions[1].id]}`), 'a reload keeps the question and its answer');
    await page.click('button:has-text("Previous question")');
    await at(0);
    assert(await page.isChecked(`#q-${questions[0].id}--${answers[questions[0].id]}`), 'the first answer is kept too');
    for (let question_idx = 0; question_idx < questions.length; question_idx++) {
      await at(question_idx);
      await page.check(`#q-${questions[question_idx].id}--${answers[questions[question_idx].id]}`);
      await page.click('form.calculator button[type=submit]');
    }
    await checkScoreAgainstCli(page, ctx, rulebook, answers);
  });

  test('deciders: budgets’ drift reconciles under a filter kept in the address, and its XLSX reads back', async ({ page, ctx }) => {
    await signIn(page, ctx, 'finance_officer');
    await page.click('.site-header a[href="/budgets/drift"]');
    await page.waitForSelector('[data-testid=drift]');
    await page.selectOption('#drift-group', 'older_people');
    await page.waitForURL(/client_group=older_people/);
    await page.reload();
    await page.waitForSelector('[data-testid=drift] tbody tr');
    assertEqual(await page.inputValue('#drift-group'), 'older_people', 'the filter is kept over a reload');
    if (await page.$('button:has-text("Show all")')) await page.click('button:has-text("Show all")');
    const api = await apiOk(page, 'GET', '/budgets/drift?client_group=older_people');
    const cells = await page.$$eval('[data-testid=drift] tbody tr', (rows) => rows.map((row) => [...row.cells].map((cell) => cell.textContent)));
    assertEqual(cells.length, api.budgets.length, 'every row is shown');
    const sum = (column) => cells.reduce((total, row) => total + (row[column].includes('£') && !row[column].includes('none') ? pence(row[column]) : 0), 0);
    assertEqual(sum(5), pence(await page.textContent('[data-testid=total-agreed]')), 'the agreed total is the sum of the rows');
    assertEqual(sum(4), pence(await page.textContent('[data-testid=total-indicative]')), 'the indicative total is the sum of the rows that have one');
    assertEqual(sum(6), pence(await page.textContent('[data-testid=total-difference]')), 'the difference is the sum of the rows’ differences');
    assertEqual(
      pence(await page.textContent('[data-testid=total-compared-agreed]')) - pence(await page.textContent('[data-testid=total-indicative]')),
      pence(await page.textContent('[data-testid=total-difference]')),
      'the difference shown is agreed minus indicative',
    );

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download these budgets as XLSX')]);
    assert(download.suggestedFilename().endsWith('.xlsx'), 'an .xlsx file');
    const book = readWorkbook(fs.readFileSync(await download.path()));
    assertEqual(book.rows[0][0].value, 'Budgets’ drift: agreed personal budgets against indicative budgets', 'the title');
    assert(book.rows[1][0].value.includes('Older people'), 'the filter is noted under the title');
    const headerAt = book.rows.findIndex((row) => row[0] && row[0].value === 'Person id');
    assertEqual(book.rows[headerAt].map((cell) => cell.value), ['Person id', 'Given name', 'Family name', 'Client group', 'Locality', 'Start', 'Decided by', 'Indicative a year', 'Agreed a year', 'Difference', 'Reason'], 'the header row');
    assert(book.frozen && book.autoFilter, 'the header row is frozen with a filter');
    const data = book.rows.slice(headerAt + 1, headerAt + 1 + api.budgets.length);
    const byColumn = (row) => Object.fromEntries(row.map((cell) => [cell.ref.replace(/\d+$/, ''), cell]));
    for (const [row_idx, budget] of api.budgets.entries()) {
      const row = byColumn(data[row_idx]);
      assertEqual(row.A.value, budget.person_id, `row ${row_idx + 1}: person`);
      assertEqual(row.D.value, 'Older people', `row ${row_idx + 1}: the client group by its label`);
      assertEqual([row.F.type, row.F.format, serialDate(row.F.value)], ['n', 'd mmm yyyy', budget.start], `row ${row_idx + 1}: the start as a date`);
      assertEqual([row.I.type, Math.round(row.I.value * 100)], ['n', budget.agreed_annual_pence], `row ${row_idx + 1}: agreed in pounds, a number`);
      assert(row.I.format.includes('£') && row.I.format.includes('#,##0.00'), `row ${row_idx + 1}: money formatted as money (${row.I.format})`);
      if (budget.difference_pence === null) assert(!row.J || row.J.value === null, `row ${row_idx + 1}: no difference without an indicative budget`);
      else assertEqual(Math.round(row.J.value * 100), budget.difference_pence, `row ${row_idx + 1}: difference`);
    }
    const totals = byColumn(book.rows[headerAt + 1 + api.budgets.length]);
    assertEqual([totals.B.value, Math.round(totals.I.value * 100), Math.round(totals.J.value * 100)], ['Total', api.totals.agreed_annual_pence, api.totals.compared.difference_pence], 'the totals row');

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('text=Download these budgets as CSV')]);
    const csv = fs.readFileSync(await csvDownload.path(), 'utf8').trim().split('\r\n');
    assert(csv[0].includes('Agreed a year (£)'), 'the CSV header says pounds');
    assertEqual(csv[1].split(',')[8], (api.budgets[0].agreed_annual_pence / 100).toFixed(2), 'the CSV has pounds, not pence');
  });
}
