// Browser tests for casework: a worker's caseload and its tasks (each opening
// the page where it is done), a team manager reallocating a case, a case note
// and its correction on the person's page and in the timeline, and a carer's
// budget reviewed.

async function apiCall(page, method, apiPath, body) {
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

async function signOut(page) {
  await page.click('text=Sign out');
  await page.waitForURL(/\/sign-in\?signed_out=1$/);
}

// UK dates as the pages show them ("29 Nov 2026"), written out here again.
function ukDate(iso) {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [year, month, day] = String(iso).slice(0, 10).split('-').map(Number);
  return `${day} ${months[month - 1]} ${year}`;
}

export function registerCaseworkTests(test, { assert, assertEqual, signIn, checkAccessibility }) {
  test('casework: an assessor’s caseload and tasks, each task opening the page where it is done', async ({ page, ctx }) => {
    await signIn(page, ctx, 'assessor');
    await page.click('header >> text=Caseload');
    await page.waitForURL(`${ctx.base}/caseload`);
    await page.waitForSelector('[data-testid=caseload-summary]');
    const caseload = (await apiCall(page, 'GET', '/caseload')).body;
    assert(caseload.cases.length > 0 && caseload.tasks.length > 0, 'the demo assessor has cases and tasks');
    const summary = await page.textContent('[data-testid=caseload-summary]');
    assert(summary.includes(`${caseload.cases.length} open cases are allocated to you`), `summary names the cases: ${summary}`);
    assertEqual((await page.$$('[data-testid=cases] tbody tr')).length, caseload.cases.length, 'one row per open case');
    assertEqual((await page.$$('[data-testid=tasks] li')).length, caseload.tasks.length, 'one line per task');
    // The groups come in the server's order, each named in words with its count.
    const groups = await page.$$eval('[data-testid=tasks] h3', (headings) => headings.map((heading) => heading.textContent));
    assert(groups.length > 0 && groups.every((text) => /\(\d+\)$/.test(text)), `task groups with counts: ${groups}`);

    // An assessment task opens the assessment page for that person.
    const assessment = caseload.tasks.find((task) => task.kind === 'assessment_to_do' || task.kind === 'assessment_in_progress');
    assert(assessment, 'the demo assessor has an assessment to do');
    await page.click(`[data-testid=tasks] li[data-person="${assessment.person_id}"] a[href="${assessment.href}"]`);
    await page.waitForURL(`${ctx.base}/people/${assessment.person_id}/assessment`);
    await page.goBack();
    await page.waitForSelector('[data-testid=tasks]');
    // A plan task opens the support plan page.
    const plan = caseload.tasks.find((task) => task.href.endsWith('/plan'));
    assert(plan, 'the demo assessor has a support plan to write');
    await page.click(`[data-testid=tasks] li[data-person="${plan.person_id}"] a[href="${plan.href}"]`);
    await page.waitForURL(`${ctx.base}/people/${plan.person_id}/plan`);
    await page.goto(`${ctx.base}/caseload`);
    await page.waitForSelector('[data-testid=tasks]');
    await checkAccessibility(page, ctx, 'my caseload');
    await signOut(page);

    // A team manager sees the team's caseload and reallocates a case, with a reason.
    await signIn(page, ctx, 'team_manager');
    await page.goto(`${ctx.base}/caseload`);
    await page.click('[data-testid=managed-teams] a:has-text("North adults team")');
    await page.waitForSelector('[data-testid=cases]');
    const teamId = page.url().match(/\/teams\/(\d+)\/caseload/)[1];
    const team = (await apiCall(page, 'GET', `/teams/${teamId}/caseload`)).body;
    const moving = team.cases.find((entry) => entry.worker === 'assessor');
    assert(moving, 'a North case with the assessor');
    await page.click(`[data-testid=cases] tr[data-person="${moving.person_id}"] button:has-text("Reallocate")`);
    await page.waitForSelector('[data-testid=reallocate-form]');
    await page.selectOption('#reallocate-worker', 'assessor_north');
    await page.click('[data-testid=reallocate-form] button[type=submit]');
    await page.waitForSelector('.error-summary');
    assert((await page.textContent('.error-summary')).includes('Reason for reallocating'), 'the error names the field by its label');
    assert((await page.textContent('#reallocate-reason-error')).length > 0, 'the problem is shown next to the reason');
    await checkAccessibility(page, ctx, 'reallocation with a missing reason');
    await page.fill('#reallocate-reason', 'Balancing caseloads before leave');
    await page.click('[data-testid=reallocate-form] button[type=submit]');
    await page.waitForSelector('[data-testid=reallocated]');
    await page.waitForFunction(
      (id) => (document.querySelector(`[data-testid=cases] tr[data-person="${id}"]`) || {}).textContent?.includes('assessor_north'),
      moving.person_id,
    );
    // The person's page shows the allocation and the one before it; the timeline has it.
    await page.goto(`${ctx.base}/people/${moving.person_id}`);
    await page.waitForSelector('[data-testid=allocation]');
    assert((await page.textContent('[data-testid=allocation]')).includes('assessor_north'), 'allocated to the new worker');
    await page.click('summary:has-text("Earlier allocations")');
    assert((await page.textContent('[data-testid=allocation-history]')).includes('assessor'), 'the earlier allocation is kept');
    await page.waitForSelector('[data-testid=timeline] li[data-kind=allocated]');
    assert((await page.textContent('[data-testid=timeline] li[data-kind=allocated]')).includes('Balancing caseloads before leave'), 'the reason is in the history');
  });

  test('casework: a case note and its correction, on the person’s page and in the timeline', async ({ page, ctx }) => {
    await signIn(page, ctx, 'assessor');
    const caseload = (await apiCall(page, 'GET', '/caseload')).body;
    const person = caseload.cases[0];
    await page.goto(`${ctx.base}/people/${person.person_id}`);
    await page.waitForSelector('[data-testid=note-form]');
    const before = (await apiCall(page, 'GET', `/people/${person.person_id}/notes`)).body.notes.length;

    // A blank note is refused with the field's label.
    await page.fill('#case-note-text', '   ');
    await page.click('[data-testid=note-form] button[type=submit]');
    await page.waitForSelector('[data-testid=note-form] .error-summary');
    const noteProblem = await page.textContent('[data-testid=note-form] .error-summary');
    assert(noteProblem.includes('Note is needed'), `the error uses the label: ${noteProblem}`);
    await checkAccessibility(page, ctx, 'a blank case note');

    await page.fill('#case-note-text', 'Spoke to her son; the GP visit is on Monday.');
    await page.click('[data-testid=note-form] button[type=submit]');
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid=case-notes] li').length === count, before + 1);
    const notes = (await apiCall(page, 'GET', `/people/${person.person_id}/notes`)).body.notes;
    const note = notes[notes.length - 1];
    const shown = await page.textContent(`[data-note="${note.id}"]`);
    assert(shown.includes('Spoke to her son') && shown.includes('by assessor') && shown.includes(ukDate(note.written_at)), `the note is dated and signed: ${shown}`);

    // The correction is a new note; the first stays as written, shown as corrected.
    await page.click(`[data-note="${note.id}"] button:has-text("Correct note ${note.id}")`);
    assertEqual(await page.inputValue('#case-note-text'), 'Spoke to her son; the GP visit is on Monday.', 'the correction starts from the note');
    await page.fill('#case-note-text', 'Spoke to her son; the GP visit is on Tuesday, not Monday.');
    await page.click('[data-testid=note-form] button:has-text("Save the correction")');
    await page.waitForSelector(`[data-note="${note.id}"] [data-testid=corrected]`);
    assert((await page.textContent(`[data-note="${note.id}"]`)).includes('GP visit is on Monday'), 'the corrected note keeps its words');
    assertEqual(await page.$$(`[data-note="${note.id}"] button`), [], 'a corrected note offers no second correction');
    const correction = (await apiCall(page, 'GET', `/people/${person.person_id}/notes`)).body.notes.find((item) => item.corrects === note.id);
    assert(correction, 'the correction points to the note');
    assert((await page.textContent(`[data-note="${correction.id}"]`)).includes(`corrects note ${note.id}`), 'the correction names the note it corrects');
    // Both are in the timeline.
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid=timeline] li[data-kind=case_note]').length >= count, 2);
    await checkAccessibility(page, ctx, 'case notes with a correction');
  });

  test('casework: a carer’s budget is signed off like any other and its review recorded', async ({ page, ctx }) => {
    await signIn(page, ctx, 'assessor');
    const carers = (await apiCall(page, 'GET', '/carers')).body.carers;
    const carerIds = new Set(carers.map((carer) => carer.person_id));
    // The demo's carers with a budget have reviews due: on the reviews page with everyone else's.
    await page.goto(`${ctx.base}/reviews?by=2027-03-31`);
    await page.waitForSelector('[data-testid=reviews-due]');
    const due = (await apiCall(page, 'GET', '/reviews/due?by=2027-03-31')).body.reviews.filter((row) => carerIds.has(row.person_id));
    assert(due.length > 0, 'carers’ budgets are among the reviews due');
    const carer = due[0];
    await page.click(`[data-testid=reviews-due] a[href="/people/${carer.person_id}"]`);
    await page.waitForURL(`${ctx.base}/people/${carer.person_id}`);
    await page.waitForSelector('[data-testid=agreed-annual]');
    assert(await page.isVisible('#carer-heading'), 'a carer’s record');
    await page.waitForSelector('[data-testid=timeline] li[data-kind=sign_off_decision]');
    const timeline = await page.$$eval('[data-testid=timeline] li', (rows) => rows.map((row) => row.dataset.kind));
    for (const kind of ['carer_full_assessment', 'plan_submitted', 'sign_off_decision']) assert(timeline.includes(kind), `the carer’s history has ${kind}`);
    await page.click('button:has-text("Record a review")');
    await page.check('#step-review-outcome--no_change');
    await page.fill('#step-review-reason', 'Breaks are working; the carer wants to keep the same');
    await page.click('form[data-step=review] button[type=submit]');
    await page.waitForSelector('[data-testid=timeline] li[data-kind=review]');
    const after = (await apiCall(page, 'GET', `/people/${carer.person_id}`)).body;
    assert(after.agreed_budget.review_due > carer.review_due, 'the next review is later');
    assert((await page.textContent('[data-testid=budgets]')).includes(ukDate(after.agreed_budget.review_due)), 'the next review date is shown');
    // A carer's budget is in the budgets' drift too.
    const drift = (await apiCall(page, 'GET', '/budgets/drift')).body.budgets;
    assert(drift.some((row) => row.person_id === carer.person_id), 'the carer’s budget is in the drift');
  });

  test('casework: an existing person is linked as the carer of another from the person’s page', async ({ page, ctx }) => {
    await signIn(page, ctx, 'assessor');
    const details = { date_of_birth: '1958-02-03', primary_support_reason: 'unknown', client_group: 'carer', locality: 'North', team: 'Carers team' };
    const cared = (await apiCall(page, 'POST', '/people', { ...details, given_name: 'Albert', family_name: 'Linktest', primary_support_reason: 'physical_support_personal_care_support', client_group: 'older_people' })).body;
    const carer = (await apiCall(page, 'POST', '/people', { ...details, given_name: 'Rosa', family_name: 'Carerlinktest' })).body;
    assert(cared.id && carer.id, 'two records made');
    await page.goto(`${ctx.base}/people/${cared.id}`);
    await page.click('[data-testid=link-carer] summary');
    await page.fill('#link-carer-search', 'Carerlinktest');
    await page.click('[data-testid=link-carer] button:has-text("Find")');
    await page.click('[data-testid=link-carer] li:has-text("Rosa Carerlinktest") button:has-text("Link as carer")');
    await page.waitForSelector('[data-testid=link-carer] .notice');
    const linked = (await apiCall(page, 'GET', `/people/${carer.id}`)).body;
    assertEqual(linked.cares_for, cared.id, 'the carer’s record names the person cared for');
    assertEqual(linked.allowed_steps, ['carer_first_stage'], 'the carer’s assessments can start');
    await checkAccessibility(page, ctx, 'linking a carer');
  });
}
