// Browser tests of the map of care: the area drawn from the data's own points
// with its localities labelled, filters by provider and service that change what
// is drawn, the table that lists exactly what is drawn, layers switched off, and
// a provider's own staff seeing only their provider. Registered by run.mjs.
import fs from 'node:fs';

export function registerMapTests(test, { assert, assertEqual, signIn, checkAccessibility }) {
  const drawn = (page) => page.$$eval('[data-testid=care-map] circle.map-package', (dots) => dots.map((dot) => dot.getAttribute('data-provider')));
  const tableRows = (page, layer) => page.$$eval(`[data-testid=map-table] tbody tr[data-layer="${layer}"]`, (rows) => rows.length);
  const settle = (page) => page.waitForSelector('[data-testid=care-map]');

  test('commissioner: the map of care filtered by provider and service, with the table matching what is drawn', async ({ page, ctx }) => {
    await signIn(page, ctx, 'commissioner');
    await page.click('[data-role=commissioner] a[href="/care-at-home/map"]');
    await settle(page);
    await checkAccessibility(page, ctx, 'map of care');
    const title = await page.textContent('[data-testid=care-map] > title');
    const desc = await page.textContent('[data-testid=care-map] > desc');
    assert(title.startsWith('Map of care') && desc.includes('Dunbar') && desc.includes('Musselburgh'), `the map says what it shows: ${title} / ${desc}`);
    const labels = await page.$$eval('[data-testid=care-map] .map-labels text', (texts) => texts.map((t) => t.textContent));
    assert(labels.includes('North Berwick') && labels.includes('Haddington') && labels.length >= 14, `localities are labelled: ${labels}`);
    assertEqual((await page.$$('[data-testid=care-map] .map-localities path')).length, labels.length, 'a shape for each locality');
    const everyone = await drawn(page);
    assert(everyone.length > 1000, `the county's packages are drawn: ${everyone.length}`);
    assert(new Set(everyone).size >= 12, 'in many providers’ colours');
    const opportunities = (await page.$$('[data-testid=care-map] .map-opportunity')).length;
    assert(opportunities >= 16, `the community opportunities are a layer (the demo's 16 and any added since): ${opportunities}`);
    assert((await page.$$('[data-testid=care-map] .map-base')).length >= 16, 'providers’ bases are drawn');

    await page.selectOption('#map-provider', { label: 'Brunton Care Services' });
    await page.waitForFunction(() => new URLSearchParams(location.search).get('provider'));
    await page.waitForFunction(() => document.querySelector('[data-testid=care-map] > title')?.textContent.includes('Brunton Care Services'));
    const brunton = await drawn(page);
    const id = new URL(page.url()).searchParams.get('provider');
    assert(brunton.length > 50 && brunton.every((p) => p === id), `only the chosen provider's packages are drawn: ${brunton.length}`);
    assertEqual((await page.$$('[data-testid=care-map] .map-cluster')).length, 1, 'one cluster: the provider’s hull');
    assertEqual(await tableRows(page, 'Package'), brunton.length, 'the table lists exactly the packages drawn');
    const bases = (await page.$$('[data-testid=care-map] .map-base')).length;
    assertEqual(await tableRows(page, 'Base'), bases, 'and the bases');

    await page.selectOption('#map-provider', '');
    await page.selectOption('#map-service', 'specialist_support');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('service') === 'specialist_support' && !new URLSearchParams(location.search).get('provider'));
    await page.waitForFunction(() => document.querySelector('[data-testid=care-map] > title')?.textContent.includes('Specialist support'));
    const specialist = await drawn(page);
    assert(specialist.length > 0 && specialist.length < everyone.length, `the service filter changes what is drawn: ${specialist.length}`);
    assertEqual(await tableRows(page, 'Package'), Math.min(specialist.length, 500 - (await tableRows(page, 'Base'))) , 'the table follows the service');

    await page.uncheck('#map-layer-community');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=care-map] .map-opportunity').length === 0);
    assertEqual(await tableRows(page, 'Community opportunity'), 0, 'a layer switched off leaves the table too');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download these points as CSV')]);
    const csv = fs.readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
    assertEqual(csv.length - 1, specialist.length + (await page.$$('[data-testid=care-map] .map-base')).length, 'the export has every point drawn');
    assert(csv[0].startsWith('Layer,Name,Provider,Service,Locality'), `the CSV header: ${csv[0]}`);
  });

  test('provider user: the map shows only their own provider’s packages', async ({ page, ctx }) => {
    await signIn(page, ctx, 'provider_user');
    await page.goto(`${ctx.base}/care-at-home/map`);
    await settle(page);
    const own = await drawn(page);
    const providers = await page.$$eval('#map-provider option', (options) => options.map((o) => o.textContent));
    assertEqual(providers.join('|'), 'Every provider|Allanbank Home Care', 'only their own provider is offered');
    assert(own.length > 50 && new Set(own).size === 1, `only their provider's packages are drawn: ${own.length}`);
  });
}
