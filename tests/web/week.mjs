// Browser tests of a provider's carers' week: a provider's user plans a day of
// their own carers' visits from their own packages and reads the plan by name
// (carers by name, people by name and town, never the solver's ids),
// with its cost explained; a commissioner opens another provider's week.
// Registered by run.mjs.
export function registerWeekTests(test, { assert, assertEqual, signIn, checkAccessibility }) {
  test('provider user: plans a day of their carers’ week by name, with the cost explained', async ({ page, ctx }) => {
    await signIn(page, ctx, 'provider_user');
    await page.click('[data-role=provider_user] a[href="/carers-week"]');
    await page.waitForSelector('[data-testid=week-summary]');
    const heading = await page.textContent('#week-day-heading');
    assertEqual(heading.trim(), 'Allanbank Home Care: Monday', 'their own provider, Monday first');
    assertEqual(await page.$('#week-provider'), null, 'a provider’s staff are not offered other providers');
    await page.selectOption('#week-day', '2');
    await page.waitForFunction(() => document.querySelector('#week-day-heading')?.textContent.includes('Wednesday'));
    const summary = await page.textContent('[data-testid=week-summary]');
    assert(/\d+ visits for \d+ carers on shift/.test(summary), `the day's work is counted: ${summary}`);
    await checkAccessibility(page, ctx, 'carers week');
    await page.click('text=Plan Wednesday');
    await page.waitForSelector('[data-testid=week-cost]', { timeout: 60000 });
    const cost = await page.textContent('[data-testid=week-cost]');
    assert(/Travel: [\d,]+ minutes/.test(cost) && cost.includes('Lateness:') && cost.includes('Left out:'), `the cost is explained: ${cost}`);
    const captions = await page.$$eval('[data-testid=week-route] caption', (items) => items.map((c) => c.textContent));
    assert(captions.length > 3, `each carer's day is listed: ${captions.length}`);
    for (const caption of captions) {
      assert(!/carer-\d/.test(caption) && /^[A-Z][a-z]+ [A-Z][A-Za-z'-]+ \(\d+\), \d\d:\d\d to \d\d:\d\d from /.test(caption), `a carer by name, shift and base: ${caption}`);
    }
    const people = await page.$$eval('[data-testid=week-route] tbody td:nth-child(2)', (cells) => cells.map((c) => c.textContent));
    assert(people.length > 10 && people.every((p) => /^[A-Z][a-z]+ [A-Z][A-Za-z'-]+ in [A-Z]/.test(p)), `people by name and town: ${people.slice(0, 3)}`);
    const soFar = await page.$$eval('[data-testid=week-so-far] tbody tr', (rows) => rows.map((row) => row.textContent));
    assertEqual(soFar.length, 7, 'the week so far has a row a day');
    assert(/^Wednesday[\d,]+ of [\d,]+/.test(soFar[2]) && soFar[0].includes('Not planned yet'), `the planned day is in the week so far: ${soFar[2]} / ${soFar[0]}`);
    const body = await page.textContent('main');
    assert(!/package-\d+-visit-\d+/.test(body) && !/carer-\d+/.test(body), 'no solver ids are shown');
  });

  test('commissioner: opens any provider’s week', async ({ page, ctx }) => {
    await signIn(page, ctx, 'commissioner');
    await page.goto(`${ctx.base}/carers-week`);
    await page.waitForSelector('#week-provider');
    const options = await page.$$eval('#week-provider option', (items) => items.length);
    assert(options >= 17, `every provider can be chosen (the demo's 16 and any added since): ${options - 1}`);
    await page.selectOption('#week-provider', { label: 'Musselburgh Mental Health Support' });
    await page.waitForFunction(() => document.querySelector('#week-day-heading')?.textContent.startsWith('Musselburgh Mental Health Support'));
  });
}
