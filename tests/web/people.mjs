// Browser tests of adding people's records: one person, one record. The
// new-person form shows the records Allot already keeps that the details may
// belong to, with links, and a confirmation that this is a different person,
// which the new record's history keeps. Registered by run.mjs.
import crypto from 'node:crypto';

// A request from inside the page with the signed-in session and its CSRF token.
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

const unique = () => crypto.randomBytes(3).toString('hex');

async function fillPerson(page, { given, family, born, nhs = '', postcode = '' }) {
  await page.fill('#person-given_name', given);
  await page.fill('#person-family_name', family);
  await page.fill('#person-date_of_birth', born);
  await page.fill('#person-nhs_number', nhs);
  await page.fill('#person-postcode', postcode);
  await page.selectOption('#person-primary_support_reason', 'physical_support_personal_care_support');
  await page.selectOption('#person-client_group', 'older_people');
  await page.fill('#person-locality', 'North');
  await page.fill('#person-team', 'North Team');
}

export function registerPeopleTests(test, { assert, assertEqual, signIn, checkAccessibility }) {
  test('people: a likely duplicate off the care teams shows who holds it and nothing of the person', async ({ page, ctx }) => {
    await signIn(page, ctx, 'assessor');
    const family = `Elsewhere${unique()}`;
    const kept = await apiCall(page, 'POST', '/people', {
      given_name: 'Iris',
      family_name: family,
      date_of_birth: '1944-02-29',
      postcode: 'DE22 1FT',
      address: '3 Kedleston Close',
      primary_support_reason: 'mental_health_support',
      client_group: 'mental_health',
      locality: 'North',
      team: 'Community mental health team',
    });
    assertEqual(kept.status, 201, 'the first record is added');
    const id = kept.body.id;
    assertEqual((await apiCall(page, 'POST', `/people/${id}/care-team`, { agency: 'demo-nhs', team_role: 'nhs_professional' })).status, 201, 'the trust joins');
    // The council leaves the care team: its workers' own memberships first, the agency last.
    const members = (await apiCall(page, 'GET', `/people/${id}/care-team`)).body.members.filter((member) => member.agency === 'demo-council' && !member.ended_on);
    members.sort((a, b) => (a.username === null) - (b.username === null));
    for (const member of members) {
      assertEqual((await apiCall(page, 'POST', `/people/${id}/care-team/${member.id}/end`, { reason: 'The trust holds this case now' })).status, 200, 'a council membership ends');
    }

    await page.goto(`${ctx.base}/people/new`);
    await page.waitForSelector('#person-given_name');
    await fillPerson(page, { given: 'Iris', family, born: '1944-02-29' });
    await page.click('text=Add the person');
    await page.waitForSelector(`[data-testid=candidate-${id}]`);
    const shown = await page.textContent(`[data-testid=candidate-${id}]`);
    assert(shown.includes('A record held by Community mental health team') && shown.includes('NHS') && shown.includes('the same name and date of birth'), `who holds the record is shown: ${shown}`);
    for (const hidden of [family, 'Kedleston', 'DE22 1FT', '29 Feb 1944']) assert(!shown.includes(hidden), `"${hidden}" of the record kept is not shown: ${shown}`);
    assert(!(await page.$(`[data-testid=candidate-${id}] a`)), 'no link to a record the user may not open');
    await checkAccessibility(page, ctx, 'add a person: a likely duplicate off the care teams');

    await page.check(`#different-${id}`);
    await page.click('[data-testid=add-different-person]');
    await page.waitForURL(/\/people\/\d+$/);
    const addedId = Number(page.url().match(/\/people\/(\d+)$/)[1]);
    const timeline = await apiCall(page, 'GET', `/people/${addedId}/timeline`);
    const confirmation = timeline.body.events.find((event) => event.kind === 'different_person_confirmed');
    assert(confirmation, 'the confirmation is in the history');
    assertEqual(confirmation.payload.different_from[0].person_id, id, 'the record confirmed different');
    assert(confirmation.payload.different_from[0].name.startsWith('a record held by '), `the history does not name them: ${JSON.stringify(confirmation.payload)}`);
  });

  test('people: a likely duplicate is shown with a link, and a different person is added with the confirmation kept', async ({ page, ctx }) => {
    await signIn(page, ctx, 'assessor');
    const family = `Duplicate${unique()}`;
    const kept = await apiCall(page, 'POST', '/people', {
      given_name: 'Rosa',
      family_name: family,
      date_of_birth: '1939-08-14',
      postcode: 'DE22 3LL',
      primary_support_reason: 'physical_support_personal_care_support',
      client_group: 'older_people',
      locality: 'North',
      team: 'North Team',
    });
    assertEqual(kept.status, 201, 'the first record is added');

    // The same name and date of birth: not added; the record kept is shown.
    await page.goto(`${ctx.base}/people/new`);
    await page.waitForSelector('#person-given_name');
    await fillPerson(page, { given: ' rosa ', family: family.toUpperCase(), born: '1939-08-14' });
    await page.click('text=Add the person');
    await page.waitForSelector('[data-testid=duplicate-candidates]');
    assertEqual(new URL(page.url()).pathname, '/people/new', 'the person is not added');
    await page.waitForFunction(() => document.activeElement && document.activeElement.dataset.testid === 'duplicate-candidates', null, { timeout: 5000 })
      .catch(() => { throw new Error('the candidates have the focus: they never took it'); });
    const shown = await page.textContent(`[data-testid=candidate-${kept.body.id}]`);
    assert(shown.includes(`Rosa ${family}`) && shown.includes('14 Aug 1939') && shown.includes('the same name and date of birth'), `the record kept is shown in words: ${shown}`);
    assert(!shown.includes('1939-08-14'), `dates are shown the UK way: ${shown}`);
    const link = await page.getAttribute(`[data-testid=candidate-${kept.body.id}] a`, 'href');
    assertEqual(link, `/people/${kept.body.id}`, 'the record kept can be opened');
    assert(await page.isDisabled('[data-testid=add-different-person]'), 'adding waits for the confirmation');
    await checkAccessibility(page, ctx, 'add a person: a likely duplicate');

    // Confirm this is a different person: the record is added, and its history says so.
    await page.check(`#different-${kept.body.id}`);
    await page.click('[data-testid=add-different-person]');
    await page.waitForURL(/\/people\/\d+$/);
    const addedId = Number(page.url().match(/\/people\/(\d+)$/)[1]);
    assert(addedId !== kept.body.id, 'a new record is added');
    const timeline = await apiCall(page, 'GET', `/people/${addedId}/timeline`);
    const confirmation = timeline.body.events.find((event) => event.kind === 'different_person_confirmed');
    assert(confirmation, `the confirmation is in the history: ${JSON.stringify(timeline.body.events.map((event) => event.kind))}`);
    assertEqual(confirmation.actor, 'assessor', 'the confirmation is attributed');
    assertEqual(confirmation.payload.different_from, [{ name: `Rosa ${family}`, person_id: kept.body.id }], 'the record confirmed different');

    // The same date of birth and postcode is a likely duplicate too.
    await page.goto(`${ctx.base}/people/new`);
    await page.waitForSelector('#person-given_name');
    await fillPerson(page, { given: 'Ruth', family: `Other${unique()}`, born: '1939-08-14', postcode: 'de223ll' });
    await page.click('text=Add the person');
    await page.waitForSelector(`[data-testid=candidate-${kept.body.id}]`);
    assert((await page.textContent(`[data-testid=candidate-${kept.body.id}]`)).includes('the same date of birth and postcode'), 'matched on date of birth and postcode');
  });

  test('people: an NHS number already on a record is refused with a link to that record', async ({ page, ctx }) => {
    await signIn(page, ctx, 'assessor');
    const family = `Nhs${unique()}`;
    // 401 023 2137 passes its check digit.
    const kept = await apiCall(page, 'POST', '/people', {
      given_name: 'Ivy',
      family_name: family,
      date_of_birth: '1950-01-02',
      nhs_number: '4010232137',
      primary_support_reason: 'physical_support_personal_care_support',
      client_group: 'older_people',
      locality: 'North',
      team: 'North Team',
    });
    assertEqual(kept.status, 201, `the first record is added: ${JSON.stringify(kept.body)}`);
    await page.goto(`${ctx.base}/people/new`);
    await page.waitForSelector('#person-given_name');
    await fillPerson(page, { given: 'Someone', family: `Else${unique()}`, born: '1960-05-06', nhs: '401 023 2137' });
    await page.click('text=Add the person');
    await page.waitForSelector('[data-testid=duplicate-candidates]');
    const text = await page.textContent('[data-testid=duplicate-candidates]');
    assert(text.includes('This NHS number is already on a record') && text.includes(`Ivy ${family}`) && text.includes('401 023 2137'), `the record with the NHS number is named: ${text}`);
    assertEqual(await page.getAttribute(`[data-testid=candidate-${kept.body.id}] a`, 'href'), `/people/${kept.body.id}`, 'and linked');
    assert(!(await page.$(`#different-${kept.body.id}`)), 'an NHS number cannot be confirmed as a different person');
    assert(!(await page.$('[data-testid=add-different-person]')), 'nothing offers to add it anyway');
    await page.click(`[data-testid=candidate-${kept.body.id}] a`);
    await page.waitForURL(new RegExp(`/people/${kept.body.id}$`));
  });

  test('people: a name of only spaces and control characters are refused next to their fields', async ({ page, ctx }) => {
    await signIn(page, ctx, 'assessor');
    await page.goto(`${ctx.base}/people/new`);
    await page.waitForSelector('#person-given_name');
    await fillPerson(page, { given: '   ', family: `Bell${unique()}\u0007`, born: '1950-01-02' });
    await page.click('text=Add the person');
    await page.waitForSelector('.error-summary');
    const summary = await page.textContent('.error-summary');
    assert(summary.includes('Given name must not be empty'), `a blank name is refused in words: ${summary}`);
    assert(summary.includes('Family name must not contain control characters'), `a control character is refused: ${summary}`);
    assertEqual(new URL(page.url()).pathname, '/people/new', 'nothing is added');
  });
}
