// Browser tests of the directory of community opportunities: an assessor
// searches it by locality, kind and words (the search kept in the address),
// exports what is shown, imports a spreadsheet (a bad row refused with every
// problem), adds an opportunity with its problems named next to the fields, and changes it with the earlier version kept. Registered by run.mjs.
import fs from 'node:fs';

export function registerCommunityTests(test, { assert, assertEqual, signIn, checkAccessibility }) {
  test('assessor: the community directory searched, exported, added to and changed with its versions kept', async ({ page, ctx }) => {
    await signIn(page, ctx, 'assessor');
    await page.click('[data-role=assessor] a[href="/community"]');
    await page.waitForSelector('[data-testid=community-entries] tbody tr');
    await checkAccessibility(page, ctx, 'community directory');
    const rows = async () => (await page.$$('[data-testid=community-entries] tbody tr')).length;
    assert((await rows()) >= 16, 'the demo directory is listed');
    await page.selectOption('#community-group', 'children');
    await page.waitForFunction(() => document.querySelector('[data-testid=community-count]')?.textContent.startsWith('4 '));
    assert(page.url().includes('client_group=children'), `the search is kept in the address: ${page.url()}`);
    const children = await page.textContent('[data-testid=community-entries]');
    assert(children.includes('Prestonpans Youth Club') && children.includes('Gullane Walking Group') && children.includes('Everyone'),
      `groups for children and those open to everyone are shown: ${children}`);
    await page.fill('#community-words', 'football');
    await page.click('form[role=search] button[type=submit]');
    await page.waitForFunction(() => document.querySelector('[data-testid=community-count]')?.textContent.startsWith('1 '));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download these opportunities as CSV')]);
    const csv = fs.readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
    assertEqual(csv.length, 2, 'the export is the table on the screen: a header and one row');
    assert(csv[0].startsWith('Name,Kind,Locality') && csv[1].startsWith('Tranent Wheelchair Football,Activity,Tranent'), `the CSV row: ${csv.join(' / ')}`);

    const header = 'name,kind,locality,opening_times,contact,client_groups';
    await page.setInputFiles('#community-import-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nTea dance,dance,Dunbar,Fridays,01368 1,everyone\n`) });
    await page.click('text=Add opportunities >> xpath=ancestor-or-self::button');
    await page.waitForSelector('.error-summary');
    const problems = await page.textContent('.error-summary');
    assert(problems.includes('bad.csv:2') && problems.includes('dance') && problems.includes('everyone'), `every problem in the row is named: ${problems}`);
    await page.setInputFiles('#community-import-file', { name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nDunbar Tea Dance,activity,Dunbar,Fridays 14:00,01368 400300,older_people\n`) });
    await page.click('text=Add opportunities >> xpath=ancestor-or-self::button');
    await page.waitForSelector('[data-testid=community-import-added]');
    assert((await page.textContent('[data-testid=community-import-added]')).includes('Dunbar Tea Dance'), 'the import says what it added');

    await page.goto(`${ctx.base}/community/new`);
    await page.waitForSelector('[data-testid=community-form]');
    await page.fill('#community-name', 'Longniddry Lunch Club');
    await page.selectOption('#community-kind', 'lunch_club');
    await page.fill('#community-locality', 'Longniddry');
    await page.fill('#community-charge', '75');
    await page.click('text=Add the opportunity');
    await page.waitForSelector('.error-summary');
    const summary = await page.textContent('.error-summary');
    assert(summary.includes('Opening times') && summary.includes('Contact') && summary.includes('Charge'), `every problem is named by its label: ${summary}`);
    assert((await page.textContent('#community-opening_times-error')).length > 0, 'the problem is shown next to its field');
    await page.fill('#community-opening_times', 'Wednesdays 12:00 to 13:30');
    await page.fill('#community-contact', '01875 400200');
    await page.fill('#community-charge', '3.50');
    await page.fill('#community-latitude', '55.9700');
    await page.fill('#community-longitude', '-2.8900');
    await page.check('text=Older people >> input');
    await page.click('text=Add the opportunity');
    await page.waitForSelector('[data-testid=community-entry]');
    const entry = await page.textContent('[data-testid=community-entry]');
    assert(entry.includes('£3.50') && entry.includes('Older people') && entry.includes('55.9700, -2.8900 (as given)'), `the entry as kept: ${entry}`);
    await checkAccessibility(page, ctx, 'community opportunity');

    await page.fill('#community-opening_times', 'Wednesdays and Fridays 12:00 to 13:30');
    await page.click('text=Save the change');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=community-history] tbody tr').length === 2);
    const history = await page.textContent('[data-testid=community-history]');
    assert(history.includes('Wednesdays and Fridays') && history.includes('Wednesdays 12:00 to 13:30'), `both versions are kept: ${history}`);
  });
}
