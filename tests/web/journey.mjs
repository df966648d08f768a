// Browser tests of the personal budget journey's staff pages (people's records,
// assessment, support plan, Resource Allocation Group, reviews, carers, print).
// Registered by run.mjs, which starts the server and the browser.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// A request from inside the page with the signed-in session and its CSRF token,
// for setting up records the test is not about.
export async function apiCall(page, method, apiPath, body) {
  return page.evaluate(
    async ({ method, apiPath, body }) => {
      const session = await (await fetch('/api/v1/session')).json();
      const response = await fetch('/api/v1' + apiPath, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { method, apiPath, body },
  );
}

export async function apiOk(page, method, apiPath, body) {
  const reply = await apiCall(page, method, apiPath, body);
  if (reply.status >= 300) throw new Error(`${method} ${apiPath} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply.body;
}

// Every journey test needs the people's records API: a server without it fails them.
async function needJourneyApi(ctx, ...paths) {
  for (const apiPath of ['/people', ...paths]) {
    const response = await fetch(`${ctx.base}/api/v1${apiPath}`);
    if (response.status === 404) throw new Error(`the server has no ${apiPath} endpoint`);
  }
}

export const unique = () => crypto.randomBytes(3).toString('hex');
const ELIGIBLE = {
  framework: 'care_act',
  needs_from_impairment_or_illness: true,
  outcomes: { personal_hygiene: ['cannot_without_assistance'], nutrition: ['cannot_without_assistance'], home_safety: ['endangers_health_or_safety'] },
  significant_impact_on_wellbeing: true,
};

// A person created through the API and taken to `stage` (assessment or support_planning).
export async function personAt(page, stage, adults) {
  const person = await apiOk(page, 'POST', '/people', {
    given_name: 'Test',
    family_name: `Person${unique()}`,
    date_of_birth: '1948-05-06',
    primary_support_reason: 'physical_support_personal_care_support',
    client_group: 'older_people',
    locality: 'North',
    team: 'North Team',
  });
  await apiOk(page, 'POST', `/people/${person.id}/contacts`, { route_of_access: 'community_other_route', requested_by: 'self', joint_screening: false, reason: 'Asked for help at home' });
  let record = await apiOk(page, 'POST', `/people/${person.id}/steps/screen`, { outcome: 'assessment', joint: false, reason: 'Needs a full assessment' });
  if (stage === 'support_planning') {
    const answers = Object.fromEntries(adults.doc.questions.map((question) => [question.id, question.answers[Math.min(2, question.answers.length - 1)].id]));
    record = await apiOk(page, 'POST', `/people/${person.id}/steps/assess`, {
      rulebook_id: adults.doc.id,
      rulebook_version: adults.doc.version,
      answers,
      eligibility: ELIGIBLE,
      joint: false,
      professions: [],
    });
  }
  return record;
}

export async function signOut(page) {
  await page.click('text=Sign out');
  await page.waitForURL(/\/sign-in\?signed_out=1$/);
}

export async function stageIs(page, label) {
  await page.waitForFunction((text) => (document.querySelector('[data-testid=stage]') || {}).textContent === text, label);
}

export function registerJourneyTests(test, { assert, assertEqual, pounds, signIn, checkAccessibility, runCli }) {
  const adultsOf = (ctx) => ctx.rulebooks.get('example-adults');
  const carersOf = (ctx) => ctx.rulebooks.get('example-carers');

  test('journey: one person from contact to an agreed budget through the panel and a review', async ({ page, ctx }) => {
    await needJourneyApi(ctx, '/panel/queue', '/reviews/due', '/budgets/drift', '/carers');
    const adults = adultsOf(ctx);
    assert(adults, 'the example-adults rulebook is loaded');
    await signIn(page, ctx, 'assessor');
    assert(await page.isVisible('[data-role=assessor] a[href="/reviews"]'), 'the assessor’s home links to reviews due');
    await page.click('[data-role=assessor] a[href="/people"]');
    await page.waitForSelector('[data-testid=people-count]');
    await checkAccessibility(page, ctx, 'find a person');

    // Create the person: an empty form first shows the API's problems by field.
    await page.click('text=Add a person');
    await page.waitForSelector('#person-given_name');
    await page.click('text=Add the person');
    await page.waitForSelector('.error-summary');
    assert((await page.$$('.field-error')).length >= 3, 'problems are shown next to their fields');
    const summary = await page.textContent('.error-summary');
    assert(summary.includes('Given name') && !summary.includes('given_name'), `the summary names the fields in words: ${summary}`);
    await checkAccessibility(page, ctx, 'add a person with problems');
    const family = `Walker${unique()}`;
    await page.fill('#person-given_name', 'Edith');
    await page.fill('#person-family_name', family);
    await page.fill('#person-date_of_birth', '1941-02-03');
    await page.fill('#person-nhs_number', '943 476 5919');
    await page.fill('#person-postcode', 'ls1 4ap');
    await page.selectOption('#person-primary_support_reason', 'physical_support_personal_care_support');
    await page.selectOption('#person-client_group', 'older_people');
    await page.selectOption('#person-has_unpaid_carer', 'yes');
    await page.fill('#person-locality', 'North');
    await page.fill('#person-team', 'North Team');
    await page.click('text=Add the person');
    await page.waitForURL(/\/people\/\d+$/);
    const personId = page.url().match(/\/people\/(\d+)$/)[1];
    await page.waitForSelector('[data-testid=timeline]');

    // Search finds them by name.
    await page.goto(`${ctx.base}/people?q=${family}`);
    await page.waitForSelector(`[data-testid=people] >> text=${family}`);
    await page.click(`[data-testid=people] >> text=${family}`);
    await page.waitForURL(new RegExp(`/people/${personId}$`));

    // Change a detail; the old details stay in the timeline.
    await page.click('text=Change details');
    await page.waitForSelector('#person-team');
    assertEqual(await page.inputValue('#person-nhs_number'), '9434765919', 'the form starts from the record');
    await page.fill('#person-team', 'North Adults');
    await page.click('text=Save the details');
    await page.waitForURL(new RegExp(`/people/${personId}$`));
    await page.waitForSelector('[data-testid=timeline] li[data-kind=details_changed]');
    assert((await page.textContent('.facts')).includes('North Adults'), 'the new team is shown');

    // Contact, then screen to assessment.
    await page.click('button:has-text("Record a contact")');
    await page.selectOption('#step-contact-route_of_access', 'community_other_route');
    await page.selectOption('#step-contact-requested_by', 'family');
    await page.fill('#step-contact-reason', 'Daughter asked for help with washing and meals');
    await page.click('form[data-step=contact] button[type=submit]');
    await stageIs(page, 'Screening');
    await page.click('button:has-text("Screen")');
    await page.check('#step-screen-outcome--assessment');
    await page.fill('#step-screen-reason', 'Needs are long-term; assess');
    await page.click('form[data-step=screen] button[type=submit]');
    await stageIs(page, 'Assessment');
    await checkAccessibility(page, ctx, 'a person’s page');

    // The assessment, with the live budget equal to the CLI's.
    await page.click('text=Assess needs');
    await page.waitForSelector('#assess-rulebook');
    await page.selectOption('#assess-rulebook', adults.doc.id);
    await page.waitForFunction((count) => document.querySelectorAll('fieldset.question').length === count, adults.doc.questions.length);
    const answers = Object.fromEntries(adults.doc.questions.map((question, question_idx) => [question.id, question.answers[Math.min(question.answers.length - 1, 1 + (question_idx % 3))].id]));
    for (const [questionId, answerId] of Object.entries(answers)) await page.check(`#q-${questionId}--${answerId}`);
    // The version in force may be a calibrated one published by another test: score that one.
    const inForce = await page.getAttribute('[data-testid=assess-version]', 'data-version');
    const published = await apiOk(page, 'GET', `/rulebooks/${adults.doc.id}/versions/${inForce}`);
    const rulebookFile = path.join(ctx.work, `journey-rulebook-${unique()}.json`);
    fs.writeFileSync(rulebookFile, JSON.stringify(published));
    const answersFile = path.join(ctx.work, `journey-answers-${unique()}.json`);
    fs.writeFileSync(answersFile, JSON.stringify({ answers }));
    const cli = runCli(['ras', 'score', rulebookFile, answersFile, '--json']);
    await page.waitForFunction((text) => (document.querySelector('[data-testid=live-budget] [data-testid=annual]') || {}).textContent === text, pounds(cli.annual_pence));
    const derivation = await page.$$eval('[data-testid=live-budget] [data-testid=derivation] li', (items) => items.map((item) => item.textContent));
    assertEqual(derivation, cli.derivation, 'live derivation against `allot ras score --json`');
    // Changing an answer changes the live budget.
    const first = adults.doc.questions[0];
    await page.check(`#q-${first.id}--${first.answers[first.answers.length - 1].id}`);
    await page.waitForFunction((text) => (document.querySelector('[data-testid=live-budget] [data-testid=annual]') || {}).textContent !== text, pounds(cli.annual_pence));
    await page.check(`#q-${first.id}--${answers[first.id]}`);
    await page.waitForFunction((text) => (document.querySelector('[data-testid=live-budget] [data-testid=annual]') || {}).textContent === text, pounds(cli.annual_pence));
    await page.check('#needs-impairment');
    await page.check('#outcome-personal_hygiene--cannot_without_assistance');
    await page.check('#outcome-nutrition--significant_pain_distress_or_anxiety');
    await page.check('#outcome-home_safety--endangers_health_or_safety');
    await page.check('#significant-impact');
    await page.check('#assess-joint');
    await page.check('#profession-social_worker');
    await page.check('#profession-community_nurse');
    await checkAccessibility(page, ctx, 'assessment');
    await page.click('text=Complete the assessment');
    await page.waitForURL(new RegExp(`/people/${personId}$`));
    await stageIs(page, 'Support planning');
    assertEqual(await page.textContent('[data-testid=indicative-annual]'), pounds(cli.annual_pence), 'indicative budget on the person’s page');

    // A support plan above the range: a paid line and a zero-cost community line.
    await page.click('text=Build the support plan');
    await page.waitForSelector('#outcome-0');
    await page.fill('#outcome-0', 'I want to wash and dress in the morning without my daughter having to come round');
    const unitCost = 2450;
    const units = Math.ceil(cli.upper_annual_pence / 52 / unitCost) + 4;
    await page.fill('#line-0-description', 'Personal care, mornings');
    await page.selectOption('#line-0-service_component', 'home_support');
    await page.fill('#line-0-provider', 'Northside Care');
    await page.fill('#line-0-unit_cost', '24.50');
    await page.fill('#line-0-units_per_week', String(units));
    await page.click('text=Add a line');
    await page.fill('#line-1-description', 'Lunch club at the church hall (community)');
    await page.selectOption('#line-1-service_component', 'day_support');
    await page.selectOption('#line-1-unit', 'day');
    await page.fill('#line-1-unit_cost', '0');
    await page.fill('#line-1-units_per_week', '2');
    const annual = units * unitCost * 52;
    await page.waitForFunction((text) => document.querySelector('[data-testid=total-annual]').textContent === text, pounds(annual));
    assertEqual(await page.textContent('[data-testid=total-weekly]'), pounds(units * unitCost), 'weekly total');
    assertEqual(await page.textContent('[data-testid=range-position]'), 'above the indicative range', 'the bar shows the plan above the range');
    assertEqual(await page.textContent('[data-testid=total-difference]'), `${pounds(annual - cli.annual_pence)} above`, 'difference from the indicative budget');
    await checkAccessibility(page, ctx, 'support plan');
    await page.click('text=Save as version 1');
    await page.waitForSelector('[data-testid=plan-saved]');
    await page.click('text=Submit version 1 for sign-off');
    await page.waitForSelector('[data-testid=sign-off-route]');
    assert((await page.textContent('[data-testid=sign-off-route]')).includes('Resource Allocation Group'), 'a plan above the range goes to the panel');
    await signOut(page);

    // The panel approves it with a reason (required: it differs from the indicative budget).
    await signIn(page, ctx, 'panel_member');
    await page.click('[data-role=panel_member] a[href="/panel"]');
    await page.waitForSelector('[data-testid=agenda]');
    await page.goto(`${ctx.base}/panel?plan=${personId}`);
    await page.waitForSelector(`[data-testid=decision][data-person="${personId}"]`);
    const decision = `[data-testid=decision][data-person="${personId}"]`;
    await page.selectOption(`${decision} select`, 'approve');
    await page.fill('#member-0-name', 'Sam Patel');
    await page.fill('#member-0-role', 'Head of adult social care');
    await page.fill('#member-0-agency', 'Demo Council');
    await page.fill('#member-1-name', 'Jo Evans');
    await page.fill('#member-1-role', 'Continuing healthcare lead');
    await page.fill('#member-1-agency', 'Demo ICB');
    await page.click('button:has-text("Record the meeting")');
    await page.waitForSelector(`${decision} .field-error`);
    assert((await page.textContent(`${decision} .field-error`)).toLowerCase().includes('reason'), 'the form asks for the reason next to the decision');
    await checkAccessibility(page, ctx, 'panel with a missing reason');
    await page.fill(`${decision} textarea`, 'Two carers needed for safe moving and handling in the mornings');
    await page.click('button:has-text("Record the meeting")');
    await page.waitForSelector('[data-testid=meeting-recorded]');
    await page.waitForFunction((selector) => !document.querySelector(selector), decision);
    await signOut(page);

    // Active, with the agreed budget next to the indicative; record a review.
    await signIn(page, ctx, 'assessor');
    await page.goto(`${ctx.base}/people/${personId}`);
    await stageIs(page, 'Active (budget agreed)');
    assertEqual(await page.textContent('[data-testid=agreed-annual]'), pounds(annual), 'agreed budget');
    assertEqual(await page.textContent('[data-testid=indicative-annual]'), pounds(cli.annual_pence), 'indicative budget beside it');
    assert((await page.textContent('[data-testid=agreed-difference]')).includes('Two carers'), 'the reason for the difference is shown');
    await page.click('button:has-text("Record a review")');
    await page.check('#step-review-joint');
    await page.check('#step-review-outcome--no_change');
    await page.fill('#step-review-reason', 'Support is working; mornings are calmer');
    await page.click('form[data-step=review] button[type=submit]');
    await page.waitForSelector('[data-testid=timeline] li[data-kind=review]');
    assert(await page.isVisible('[data-testid=timeline] li[data-kind=panel_decision]'), 'the panel decision is in the timeline');
    ctx.activePersonId = personId;
    ctx.activeAnnual = annual;
    ctx.activeIndicative = cli;
  });

  test('journey: the printable budget and support plan', async ({ page, ctx }) => {
    await needJourneyApi(ctx, '/panel/queue', '/reviews/due', '/budgets/drift', '/carers');
    assert(ctx.activePersonId, 'needs the person from the journey test, which did not finish');
    await signIn(page, ctx, 'assessor');
    await page.goto(`${ctx.base}/people/${ctx.activePersonId}/print`);
    await page.waitForSelector('[data-testid=printable]');
    assertEqual(await page.textContent('[data-testid=print-indicative]'), pounds(ctx.activeIndicative.annual_pence), 'indicative budget');
    assertEqual(await page.$$eval('[data-testid=derivation] li', (items) => items.map((item) => item.textContent)), ctx.activeIndicative.derivation, 'derivation');
    assertEqual(await page.textContent('[data-testid=print-agreed]'), pounds(ctx.activeAnnual), 'agreed budget');
    assertEqual((await page.$$('[data-testid=print-lines] tbody tr')).length, 2, 'plan lines');
    assert((await page.textContent('[data-testid=print-plan-annual]')).includes(pounds(ctx.activeAnnual)), 'plan total');
    assert(await page.isVisible('[data-testid=splits]'), 'the splits of the agreed budget');
    await checkAccessibility(page, ctx, 'printable page');
    await page.emulateMedia({ media: 'print' });
    assert(!(await page.isVisible('.site-header')) && !(await page.isVisible('.site-footer')), 'printing drops the header and footer');
    assert(await page.isVisible('[data-testid=print-lines]'), 'printing keeps the plan');
    const pdf = await page.pdf({ format: 'A4' }).catch(() => null);
    if (pdf) assert(pdf.length > 1000, 'the page prints');
  });

  test('journey: a carer from the first stage to a carer’s budget', async ({ page, ctx }) => {
    await needJourneyApi(ctx, '/panel/queue', '/reviews/due', '/budgets/drift', '/carers');
    const carers = carersOf(ctx);
    assert(carers, 'the example-carers rulebook is loaded');
    await signIn(page, ctx, 'assessor');
    const cared = await personAt(page, 'assessment', adultsOf(ctx));
    await page.goto(`${ctx.base}/people/${cared.id}`);
    await page.click('text=Add a carer');
    await page.waitForSelector('#person-given_name');
    await page.fill('#person-given_name', 'Mary');
    const carerFamily = `Carer${unique()}`;
    await page.fill('#person-family_name', carerFamily);
    await page.fill('#person-date_of_birth', '1960-07-08');
    await page.selectOption('#person-primary_support_reason', 'unknown');
    assertEqual(await page.inputValue('#person-client_group'), 'carer', 'a carer’s client group is preset');
    await page.fill('#person-locality', 'North');
    await page.fill('#person-team', 'Carers Team');
    await page.click('text=Add the carer');
    await page.waitForURL(/\/people\/\d+$/);
    await page.click('text=Carer’s assessments');
    await page.waitForSelector('#carer-hours');
    await page.check('#completed-partner_organisation');
    await page.fill('#carer-hours', '60');
    for (const impact of ['health_impact', 'breaks_impact', 'work_learning_impact', 'relationships_impact', 'willingness_impact']) await page.check(`#${impact}--3`);
    await checkAccessibility(page, ctx, 'carer’s first stage');
    await page.click('text=Record the first stage');
    await page.waitForSelector('[data-testid=first-stage-result]');
    assert((await page.textContent('[data-testid=first-stage-result]')).includes('referred for a full assessment'), 'a heavy caring role is referred for a full assessment');
    await page.waitForFunction((count) => document.querySelectorAll('.carer-full fieldset.question').length === count, carers.doc.questions.length);
    const answers = Object.fromEntries(carers.doc.questions.map((question) => [question.id, question.answers[question.answers.length - 1].id]));
    for (const [questionId, answerId] of Object.entries(answers)) await page.check(`#q-${questionId}--${answerId}`);
    const answersFile = path.join(ctx.work, `carer-answers-${unique()}.json`);
    fs.writeFileSync(answersFile, JSON.stringify({ answers }));
    const cli = runCli(['ras', 'score', carers.file, answersFile, '--json']);
    await page.waitForFunction((text) => (document.querySelector('[data-testid=carer-live] [data-testid=annual]') || {}).textContent === text, pounds(cli.annual_pence));
    await page.click('text=Agree the carer’s budget');
    await page.waitForSelector('[data-testid=carer-budget-amount]');
    assertEqual(await page.textContent('[data-testid=carer-budget-amount]'), pounds(cli.annual_pence), 'the carer’s budget is the indicative amount');
    await checkAccessibility(page, ctx, 'carer’s budget');
    await page.goto(`${ctx.base}/people/${cared.id}`);
    await page.waitForSelector(`[data-testid=carers] >> text=${carerFamily}`);
  });

  test('journey: an assessment draft survives a reload, and a newer draft saved elsewhere is shown', async ({ page, ctx }) => {
    await needJourneyApi(ctx, '/panel/queue', '/reviews/due', '/budgets/drift', '/carers');
    const adults = adultsOf(ctx);
    await signIn(page, ctx, 'assessor');
    const person = await personAt(page, 'assessment', adults);
    await page.goto(`${ctx.base}/people/${person.id}/assessment`);
    await page.waitForSelector('#assess-rulebook');
    await page.selectOption('#assess-rulebook', adults.doc.id);
    await page.waitForSelector('fieldset.question');
    const chosen = adults.doc.questions.slice(0, 3).map((question) => [question.id, question.answers[1].id]);
    for (const [questionId, answerId] of chosen) await page.check(`#q-${questionId}--${answerId}`);
    await page.check('#outcome-toilet_needs--takes_significantly_longer');
    await page.waitForSelector('[data-testid=draft-status][data-status=saved]');
    await page.reload();
    await page.waitForSelector('fieldset.question');
    for (const [questionId, answerId] of chosen) assert(await page.isChecked(`#q-${questionId}--${answerId}`), `answer to ${questionId} kept after a reload`);
    assert(await page.isChecked('#outcome-toilet_needs--takes_significantly_longer'), 'eligibility kept after a reload');

    // Someone else saves the draft; the next change here is refused and nothing typed is lost.
    const theirs = await apiOk(page, 'GET', `/people/${person.id}/drafts/assessment`);
    await apiOk(page, 'PUT', `/people/${person.id}/drafts/assessment`, { row_version: theirs.row_version, document: { ...theirs.document, reason: 'saved elsewhere' } });
    const fourth = adults.doc.questions[3];
    const mineFirst = `#q-${fourth.id}--${fourth.answers[1].id}`;
    await page.check(mineFirst);
    await page.waitForSelector('[data-testid=draft-conflict]');
    assert(await page.isChecked(mineFirst), 'what was typed stays on the page');

    // Loading their draft takes away what was typed here; putting it back saves it over theirs.
    await page.click('text=Load their draft');
    await page.waitForSelector('text=Put my answers back');
    assert(!(await page.isChecked(mineFirst)), 'their draft, without the answer typed here, is on the page');
    await page.click('text=Put my answers back');
    assert(await page.isChecked(mineFirst), 'the answer typed here is back');
    let putBack = null;
    for (let attempt = 0; attempt < 50; attempt++) {
      putBack = await apiOk(page, 'GET', `/people/${person.id}/drafts/assessment`);
      if (putBack.document.answers && putBack.document.answers[fourth.id] === fourth.answers[1].id) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assertEqual(putBack.document.answers[fourth.id], fourth.answers[1].id, 'the answer put back was saved');

    // Another newer draft elsewhere: this time save mine over theirs.
    const again = await apiOk(page, 'GET', `/people/${person.id}/drafts/assessment`);
    await apiOk(page, 'PUT', `/people/${person.id}/drafts/assessment`, { row_version: again.row_version, document: { ...again.document, reason: 'saved elsewhere again' } });
    await page.check(`#q-${fourth.id}--${fourth.answers[0].id}`);
    await page.waitForSelector('[data-testid=draft-conflict]');
    await page.click('text=Save mine over theirs');
    await page.waitForSelector('[data-testid=draft-status][data-status=saved]');
    const after = await apiOk(page, 'GET', `/people/${person.id}/drafts/assessment`);
    assertEqual(after.document.answers[fourth.id], fourth.answers[0].id, 'the answer typed here was saved');

    // The sign-in times out (here: ended on the server behind the page's back) while
    // typing: after signing in again the page comes back with everything typed.
    await apiOk(page, 'DELETE', '/session');
    const fifth = adults.doc.questions[4];
    await page.check(`#q-${fifth.id}--${fifth.answers[2].id}`);
    await page.waitForSelector('text=You need to sign in');
    await page.click('main >> text=Sign in');
    await page.fill('#username', 'assessor');
    await page.fill('#password', ctx.password);
    await page.click('form button[type=submit]');
    await page.waitForURL(new RegExp(`/people/${person.id}/assessment$`));
    await page.waitForSelector('fieldset.question');
    assert(await page.isChecked(`#q-${fifth.id}--${fifth.answers[2].id}`), 'the answer typed as the sign-in ended is back');
    assert(await page.isChecked(`#q-${fourth.id}--${fourth.answers[0].id}`), 'earlier answers are back');
    await page.waitForSelector('[data-testid=draft-status][data-status=saved]');
    const restored = await apiOk(page, 'GET', `/people/${person.id}/drafts/assessment`);
    assertEqual(restored.document.answers[fifth.id], fifth.answers[2].id, 'and saved on the server once signed in again');
  });

  test('journey: a stale plan save shows the conflict and keeps the lines', async ({ page, ctx }) => {
    await needJourneyApi(ctx, '/panel/queue', '/reviews/due', '/budgets/drift', '/carers');
    await signIn(page, ctx, 'assessor');
    const person = await personAt(page, 'support_planning', adultsOf(ctx));
    assertEqual(person.stage, 'support_planning', 'the person is eligible and at support planning');
    // On a tablet held upright: nothing wider than the screen, the running total in view.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.goto(`${ctx.base}/people/${person.id}/plan`);
    await page.waitForSelector('#outcome-0');
    assert(await page.evaluate(() => document.documentElement.scrollWidth <= 768), 'the plan fits a tablet’s width');
    assert(await page.isVisible('.live-compact'), 'the running total stays in view on a tablet');
    await page.fill('#outcome-0', 'To get to the shops on my own');
    await page.fill('#line-0-description', 'Support worker for shopping');
    await page.selectOption('#line-0-service_component', 'home_support');
    await page.fill('#line-0-unit_cost', '21.00');
    await page.fill('#line-0-units_per_week', '3.5');
    await page.waitForFunction(() => document.querySelector('[data-testid=total-weekly]').textContent === '£73.50');
    assert((await page.textContent('.live-compact')).includes('£73.50 a week'), 'the compact total follows the lines');
    // Someone else saves version 1 first.
    await apiOk(page, 'POST', `/people/${person.id}/steps/save_plan`, {
      expected_version: 0,
      outcomes: ['Saved elsewhere'],
      lines: [{ description: 'Other', service_component: 'home_support', unit: 'hour', unit_cost_pence: 2000, units_per_week: '1', delivery: 'direct_payment', nhs_percent: 0 }],
    });
    await page.click('text=Save as version 1');
    await page.waitForSelector('[data-testid=plan-conflict]');
    assertEqual(await page.inputValue('#line-0-description'), 'Support worker for shopping', 'the line typed is kept');
    assertEqual(await page.inputValue('#line-0-units_per_week'), '3.5', 'the units typed are kept');
    await page.click('text=Save mine as the next version');
    await page.click('text=Save as version 2');
    await page.waitForSelector('[data-testid=plan-saved]');
    const plans = await apiOk(page, 'GET', `/people/${person.id}/plans`);
    assertEqual(plans.plans.length, 2, 'both versions are kept');
    assertEqual(plans.plans[1].totals.weekly_pence, 7350, 'the saved version is the one typed here');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=plan-versions] tbody tr').length === 2);
    await checkAccessibility(page, ctx, 'support plan with saved versions');
  });

  test('journey: the panel shows each problem the API finds next to its decision', async ({ page, ctx }) => {
    await needJourneyApi(ctx, '/panel/queue', '/reviews/due', '/budgets/drift', '/carers');
    await signIn(page, ctx, 'panel_member');
    await page.goto(`${ctx.base}/panel?view=list`);
    const decisions = await page.waitForSelector('[data-testid=decision]').then(() => page.$$('[data-testid=decision]'));
    assert(decisions.length >= 2, 'the demo queue has plans waiting');
    // Decide the second plan only: the API's decisions[0] is that plan.
    const second = await decisions[1].getAttribute('data-person');
    const decision = `[data-testid=decision][data-person="${second}"]`;
    await page.selectOption(`${decision} select`, 'approve_changed_amount');
    await page.fill(`${decision} input[inputmode=decimal]`, '12000');
    await page.fill(`${decision} textarea`, 'Agreed at a lower amount with the family');
    await page.fill('#member-0-name', 'Sam Patel');
    await page.fill('#member-0-role', 'Chair');
    await page.fill('#member-0-agency', 'Demo Council');
    await page.fill('#member-1-name', 'Ali Khan');
    await page.fill('#member-1-role', 'Housing officer');
    await page.fill('#member-1-agency', 'Demo Housing');
    // The server's refusal, as docs/api.md shapes it, stands in for a real one.
    await page.route('**/api/v1/panel/meetings', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 422,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'invalid_value', message: 'the meeting has problems', issues: [{ path: 'decisions[0].agreed_annual_pence', message: 'must not be more than the plan asks for' }] } }),
          })
        : route.continue(),
    );
    await page.click('button:has-text("Record the meeting")');
    await page.waitForSelector(`${decision} .field-error`);
    assert((await page.textContent(`${decision} .field-error`)).includes('must not be more than the plan asks for'), 'the issue is next to its decision');
    const listed = await page.textContent('.error-summary');
    assert(listed.includes('Agreed amount a year must not be more than the plan asks for') && !listed.includes('decisions[0]'), `and listed in the summary in words, by the person’s name: ${listed}`);
    const first = await decisions[0].getAttribute('data-person');
    assert(!(await page.$(`[data-testid=decision][data-person="${first}"] .field-error`)), 'no problem is shown against another plan');
  });

  test('journey: enablement first, then an equipment-only budget', async ({ page, ctx }) => {
    await needJourneyApi(ctx, '/panel/queue', '/reviews/due', '/budgets/drift', '/carers');
    await signIn(page, ctx, 'assessor');
    const person = await apiOk(page, 'POST', '/people', {
      given_name: 'Test',
      family_name: `Enable${unique()}`,
      date_of_birth: '1939-09-10',
      primary_support_reason: 'physical_support_access_mobility_only',
      client_group: 'older_people',
      locality: 'South',
      team: 'South Team',
    });
    await apiOk(page, 'POST', `/people/${person.id}/contacts`, { route_of_access: 'discharge_from_hospital', requested_by: 'hospital', joint_screening: true, reason: 'Home from hospital after a fall' });
    await page.goto(`${ctx.base}/people/${person.id}`);
    await stageIs(page, 'Screening');
    await page.click('button:has-text("Screen")');
    await page.check('#step-screen-outcome--enablement');
    await page.waitForSelector('#step-screen-planned_end');
    await page.check('#step-screen-joint');
    await page.fill('#step-screen-reason', 'Six weeks of enablement first');
    await page.click('form[data-step=screen] button[type=submit]');
    await stageIs(page, 'Enablement');
    await page.click('button:has-text("End enablement")');
    await page.check('#step-end_enablement-outcome--reduced_need');
    await page.fill('#step-end_enablement-reason', 'Walking again; needs a rail at the back door');
    await page.click('form[data-step=end_enablement] button[type=submit]');
    await stageIs(page, 'Assessment');
    await page.click('button:has-text("Agree an equipment budget")');
    await page.fill('#step-agree_equipment_budget-description', 'Grab rail and a perching stool');
    await page.fill('#step-agree_equipment_budget-amount', 'lots');
    await page.fill('#step-agree_equipment_budget-reason', 'Minor equipment is the only need');
    await page.click('form[data-step=agree_equipment_budget] button[type=submit]');
    await page.waitForSelector('form[data-step=agree_equipment_budget] .error-summary');
    await page.fill('#step-agree_equipment_budget-amount', '85.50');
    await page.click('form[data-step=agree_equipment_budget] button[type=submit]');
    await stageIs(page, 'Active (budget agreed)');
    assert((await page.textContent('[data-testid=budgets]')).includes('£85.50 one-off'), 'the one-off equipment budget is shown');
  });

  test('journey: team manager sign-off, reviews due and budgets’ drift', async ({ page, ctx }) => {
    await needJourneyApi(ctx, '/panel/queue', '/reviews/due', '/budgets/drift', '/carers');
    await signIn(page, ctx, 'assessor');
    const person = await personAt(page, 'support_planning', adultsOf(ctx));
    const low = person.indicative_budget.lower_annual_pence;
    const units = Math.ceil(low / 52 / 2000) + 1;
    await apiOk(page, 'POST', `/people/${person.id}/steps/save_plan`, {
      expected_version: 0,
      outcomes: ['Stay at home'],
      lines: [{ description: 'Home support', service_component: 'home_support', unit: 'hour', unit_cost_pence: 2000, units_per_week: String(units), delivery: 'council_arranged', nhs_percent: 0 }],
    });
    const submitted = await apiOk(page, 'POST', `/people/${person.id}/steps/submit_plan`, { version: 1 });
    assertEqual(submitted.sign_off && submitted.sign_off.route, 'team_manager', 'a plan within the range goes to a team manager');
    await page.goto(`${ctx.base}/reviews`);
    await page.waitForSelector('[role=status]');
    await checkAccessibility(page, ctx, 'reviews due');
    await signOut(page);

    await signIn(page, ctx, 'team_manager');
    await page.click('[data-role=team_manager] a[href="/sign-offs"]');
    await page.waitForSelector(`[data-testid=sign-offs] >> text=${person.family_name}`);
    await checkAccessibility(page, ctx, 'sign-offs');
    await page.check(`#decide-${person.id}-outcome--approve`);
    await page.fill(`#decide-${person.id}-reason`, 'Within the range; agreed');
    await page.click(`[data-testid=sign-off][data-person="${person.id}"] form[data-step=decide] button[type=submit]`);
    await page.waitForSelector('.success');
    await page.goto(`${ctx.base}/people/${person.id}`);
    await stageIs(page, 'Active (budget agreed)');
    await signOut(page);

    await signIn(page, ctx, 'finance_officer');
    await page.click('[data-role=finance_officer] a[href="/budgets/drift"]');
    await page.waitForSelector('[data-testid=drift]');
    await page.waitForSelector('[data-testid=drift-chart]');
    await checkAccessibility(page, ctx, 'budgets’ drift');
    await page.selectOption('#drift-group', 'older_people');
    await page.waitForURL(/client_group=older_people/);
    await page.selectOption('#drift-order', 'difference');
    await page.waitForURL(/order=difference/);
    await page.waitForSelector('[data-testid=drift]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download these budgets as CSV')]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    assert(csv.startsWith('Person id,Given name,Family name,Client group'), `the CSV has a header in words: ${csv.slice(0, 120)}`);
    const csvRows = csv.trim().split('\r\n').slice(1).map((row) => row.split(','));
    assert(csvRows.length >= 1, 'the CSV has rows');
    assert(csvRows.every((row) => row[3] === 'Older people'), `the CSV has the chosen client group only, by its label: ${csvRows.filter((row) => row[3] !== 'Older people').slice(0, 3).join(' | ')}`);
    const differences = csvRows.filter((row) => row[9] !== '').map((row) => Math.abs(Number(row[9])));
    assert(differences.every((value, index) => index === 0 || value <= differences[index - 1]), 'largest difference first');
  });
}
