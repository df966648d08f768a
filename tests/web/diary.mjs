// Browser tests for the shared support diary: a council worker adds an entry on
// a person's page (a blank one first, refused with every problem in words); an
// NHS nurse sees it at once, adds two and cancels one with a reason; a provider's
// worker, on the diary's own page, sees all three with who they are from and the
// cancelled one's history, cannot change another agency's entries, and prints
// the person's week in large type.

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

// The shared signIn waits for the home page of a role named like the user; the
// nurse's role is assessor (at the NHS trust).
async function signInAs(page, ctx, username, role) {
  await page.goto(`${ctx.base}/sign-in`);
  await page.fill('#username', username);
  await page.fill('#password', ctx.password);
  await page.click('form button[type=submit]');
  await page.waitForURL(`${ctx.base}/home`);
  await page.waitForSelector(`[data-role="${role}"]`);
}

const entryText = (page, title) =>
  page.textContent(`[data-testid=diary-entry]:has(.diary-entry__title:text-is("${title}"))`);

async function addEntry(page, { title, start, end, where, kind }) {
  if (kind) await page.selectOption('#diary-kind', kind);
  await page.fill('#diary-title', title);
  if (start) await page.fill('#diary-start', start);
  if (end) await page.fill('#diary-end', end);
  if (where) await page.fill('#diary-where', where);
  await page.click('[data-testid=diary-form] button[type=submit]');
  await page.waitForSelector(`[data-testid=diary-entry] .diary-entry__title:text-is("${title}")`);
}

export function registerDiaryTests(test, { assert, assertEqual, signIn, checkAccessibility }) {
  test('diary: a council worker, an NHS nurse and a provider share one person’s diary', async ({ page, ctx }) => {
    await signIn(page, ctx, 'assessor');
    const created = await apiCall(page, 'POST', '/people', {
      given_name: 'Winifred',
      family_name: 'Diarybrowser',
      date_of_birth: '1938-05-17',
      primary_support_reason: 'physical_support_personal_care_support',
      client_group: 'older_people',
      locality: 'North',
      team: 'North adults team',
    });
    assertEqual(created.status, 201, `person created: ${JSON.stringify(created.body)}`);
    const id = created.body.id;
    // The NHS trust and the provider join the care team, with the person's consent.
    for (const [agency, role] of [['demo-nhs', 'nhs_professional'], ['demo-care', 'provider']]) {
      const joined = await apiCall(page, 'POST', `/people/${id}/care-team`, { agency, team_role: role });
      assertEqual(joined.status, 201, `${agency} joins the care team: ${JSON.stringify(joined.body)}`);
      const consent = await apiCall(page, 'POST', `/people/${id}/sharing-consents`, { agency, decision: 'given' });
      assertEqual(consent.status, 201, `consent to share with ${agency}: ${JSON.stringify(consent.body)}`);
    }

    // The council worker: the diary on the person's page, with its legend in words.
    await page.goto(`${ctx.base}/people/${id}`);
    await page.waitForSelector('[data-testid=diary-days]');
    const legend = await page.textContent('[data-testid=diary-legend]');
    for (const word of ['Council', 'NHS', 'Care provider', 'Voluntary sector']) assert(legend.includes(word), `legend names ${word}: ${legend}`);
    // A blank entry is refused, each problem named with its field's label, focus on the summary.
    await page.fill('#diary-start', '10:00');
    await page.click('[data-testid=diary-form] button[type=submit]');
    await page.waitForSelector('[data-testid=diary-form] .error-summary');
    const summary = await page.textContent('[data-testid=diary-form] .error-summary');
    assert(summary.includes('Title is needed'), `the title named by its label: ${summary}`);
    assert(summary.includes('End time'), `the missing end named by its label: ${summary}`);
    assert(!summary.includes('title'), `no API field names: ${summary}`);
    // Focus moves once the summary has rendered: wait for it (up to 5 s) rather than read it at once.
    await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('error-summary'), null, { timeout: 5000 })
      .catch(() => { throw new Error('focus moves to the problems: the error summary never took focus'); });
    assert(await page.$('#diary-title[aria-invalid=true]'), 'the title field is marked');
    await checkAccessibility(page, ctx, 'the diary with a refused entry');
    await addEntry(page, { title: 'Check-in call', start: '14:00', end: '14:30', where: 'By phone' });
    assert((await entryText(page, 'Check-in call')).includes('Demo City Council (assessor)'), 'the entry names the council worker');
    await signOut(page);

    // The NHS nurse sees it at once and adds two; cancels one with a reason.
    await signInAs(page, ctx, 'nhs_nurse', 'assessor');
    await page.goto(`${ctx.base}/people/${id}`);
    await page.waitForSelector('[data-testid=diary-days]');
    const councils = await entryText(page, 'Check-in call');
    assert(councils.includes('Demo City Council (assessor)') && councils.includes('(Council)'), `the nurse sees the council’s entry: ${councils}`);
    assert(!(await page.$('[data-testid=diary-entry]:has-text("Check-in call") >> text=Cancel this entry')), 'no cancelling another agency’s entry');
    await addEntry(page, { title: 'Leg dressing', start: '10:00', end: '10:30', where: 'Home' });
    await addEntry(page, { title: 'Falls clinic', start: '09:30', end: '10:15', where: 'Outpatients' });
    assert((await entryText(page, 'Leg dressing')).includes('Demo NHS Foundation Trust (nhs_nurse)'), 'the entry names the nurse and trust');
    const clinic = '[data-testid=diary-entry]:has(.diary-entry__title:text-is("Falls clinic"))';
    await page.click(`${clinic} >> text=Cancel this entry`);
    await page.click(`${clinic} [data-testid=diary-cancel-form] button[type=submit]`);
    await page.waitForSelector(`${clinic} .error-summary`);
    const reasonProblem = await page.textContent(`${clinic} .error-summary`);
    assert(reasonProblem.includes('Reason for cancelling'), `the reason named by its label: ${reasonProblem}`);
    await page.fill(`${clinic} textarea`, 'Clinic closed for staff training');
    await page.click(`${clinic} [data-testid=diary-cancel-form] button[type=submit]`);
    await page.waitForSelector(`${clinic} [data-testid=cancel-reason]`);
    await signOut(page);

    // The provider's worker, on the diary's own page, sees all three.
    await signIn(page, ctx, 'provider_user');
    await page.goto(`${ctx.base}/people/${id}/diary`);
    await page.waitForSelector('[data-testid=diary-days]');
    assertEqual(await page.textContent('h1'), 'Support diary: Winifred Diarybrowser', 'the page names the person');
    assert((await entryText(page, 'Check-in call')).includes('Demo City Council'), 'the provider sees the council’s entry');
    assert((await entryText(page, 'Leg dressing')).includes('Demo NHS Foundation Trust'), 'the provider sees the nurse’s entry');
    const cancelled = await entryText(page, 'Falls clinic');
    assert(cancelled.includes('Cancelled: Clinic closed for staff training'), `the cancellation and its reason: ${cancelled}`);
    assertEqual(await page.$$eval('text=Cancel this entry', (buttons) => buttons.length), 0, 'the provider changes no other agency’s entry');
    await page.click(`${clinic} >> text=History`);
    await page.waitForSelector(`${clinic} [data-testid=diary-history] li >> nth=1`);
    const history = await page.$$eval(`${clinic} [data-testid=diary-history] li`, (items) => items.map((item) => item.textContent));
    assertEqual(history.length, 2, 'two versions kept');
    assert(history[0].includes('Version 1') && history[0].includes('by nhs_nurse (demo-nhs)') && history[0].includes('Planned'), `first version: ${history[0]}`);
    assert(history[1].includes('Cancelled') && history[1].includes('Clinic closed for staff training'), `second version: ${history[1]}`);
    await checkAccessibility(page, ctx, 'the diary page with an entry’s history');

    // The printable week: every day, large type, plain words, no page furniture.
    await page.click('[data-testid=diary-print-link]');
    await page.waitForSelector('[data-testid=diary-print]');
    assertEqual(await page.textContent('h1'), 'Winifred Diarybrowser: your week', 'the printed week names the person');
    assertEqual(await page.$$eval('[data-testid=diary-print] section', (days) => days.length), 7, 'seven days');
    const printed = await page.textContent('[data-testid=diary-print]');
    assert(printed.includes('14:00 to 14:30: Check-in call, By phone. Appointment from Demo City Council.'), `plain words: ${printed}`);
    assert(printed.includes('CANCELLED: Falls clinic'), 'the cancelled clinic is marked');
    await checkAccessibility(page, ctx, 'the printable week');
    await page.emulateMedia({ media: 'print' });
    const fontSize = await page.$eval('.diary-print', (node) => parseFloat(getComputedStyle(node).fontSize));
    assert(fontSize >= 21, `large type in print (16pt is 21.3px): ${fontSize}px`);
    assert(await page.$eval('.site-header', (node) => getComputedStyle(node).display === 'none'), 'no header in print');
    await page.emulateMedia({ media: 'screen' });
  });
}
