// Browser tests for who may see whose record: a person signs in and sees their
// own budget, plan and contribution and nothing else; a worker off the care team
// is refused a record until they break glass, and the manager sees the grant.
export function registerAccessTests(test, { assert, signIn, checkAccessibility }) {
  test('a person sees their own support and no one else’s record', async ({ page, ctx }) => {
    await signIn(page, ctx, 'person');
    await page.click('[data-role=person] a[href="/my-support"]');
    await page.waitForSelector('#my-budget');
    const heading = await page.textContent('h1');
    assert(heading.startsWith('My support: '), `their name in the heading: ${heading}`);
    const budget = await page.textContent('section[aria-labelledby=my-budget]');
    assert(/£[\d,]+\.\d\d a year/.test(budget), `the budget in pounds: ${budget}`);
    assert(await page.$('section[aria-labelledby=my-plan]'), 'the plan section');
    assert(await page.$('section[aria-labelledby=my-contribution]'), 'the contribution section');
    // Another record, by guessing its id, is refused.
    const statuses = await page.evaluate(async () => {
      const mine = (await (await fetch('/api/v1/people?limit=200')).json()).people;
      const other = mine[0].id === 1 ? 2 : 1;
      return { count: mine.length, other: (await fetch(`/api/v1/people/${other}`)).status };
    });
    assert(statuses.count === 1, `only their own record is listed: ${statuses.count}`);
    assert(statuses.other === 403, `another record is refused: ${statuses.other}`);
    await checkAccessibility(page, ctx, 'my support');
  });

  test('break glass: refused outside the care team, opened with a reason, listed for the manager', async ({ page, ctx }) => {
    await signIn(page, ctx, 'team_manager');
    // A joint case the council hands over to the trust: the council's workers leave its care team.
    const id = await page.evaluate(async () => {
      const csrf = (await (await fetch('/api/v1/session')).json()).csrf_token;
      const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf };
      const person = (await (await fetch('/api/v1/people?limit=1&client_group=mental_health&stage=assessment')).json()).people[0];
      const team = (await (await fetch(`/api/v1/people/${person.id}/care-team`)).json()).members;
      const lead = team.find((member) => member.agency === 'demo-council' && member.team_role === 'lead_agency');
      await fetch(`/api/v1/people/${person.id}/care-team/${lead.id}/end`, { method: 'POST', headers, body: JSON.stringify({ reason: 'Care transferred to the trust' }) });
      return person.id;
    });
    await page.context().clearCookies();
    await signIn(page, ctx, 'assessor');
    const refused = await page.evaluate(async (id) => (await fetch(`/api/v1/people/${id}`)).status, id);
    assert(refused === 403, `refused before break glass: ${refused}`);
    const granted = await page.evaluate(async (id) => {
      const csrf = (await (await fetch('/api/v1/session')).json()).csrf_token;
      const response = await fetch(`/api/v1/people/${id}/break-glass`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: JSON.stringify({ reason: 'Safeguarding call from the police at night' }),
      });
      return response.status;
    }, id);
    assert(granted === 201, `break glass granted: ${granted}`);
    await page.goto(`${ctx.base}/people/${id}`);
    await page.waitForSelector('h1');
    const opened = await page.evaluate(async (id) => (await fetch(`/api/v1/people/${id}`)).status, id);
    assert(opened === 200, `opened after break glass: ${opened}`);
    await page.context().clearCookies();
    await signIn(page, ctx, 'team_manager');
    const grants = await page.evaluate(async () => (await (await fetch('/api/v1/break-glass')).json()).grants);
    assert(grants.some((grant) => grant.person_id === id && grant.username === 'assessor' && grant.reason.includes('Safeguarding')),
      `the manager sees the grant: ${JSON.stringify(grants)}`);
  });
}
