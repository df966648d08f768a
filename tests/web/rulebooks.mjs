// Browser test of a rulebook's governance, on a server of its own so its clock can
// move on: an analyst uploads a new version of the adults' rulebook (after a bad
// file, its problems listed in words), simulates it and proposes it from the next
// day; a commissioner approves it; the calculator keeps the version in force until
// that day and uses the new one from it (the server restarted with its clock a day
// later, on the same database). Registered by run.mjs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function registerRulebookGovernanceTests(test, { assert, assertEqual, signIn, checkAccessibility, startServer, populationCsv, clockStart }) {
  test('rulebook governance: proposed by an analyst, approved by a commissioner, in force from its date', async ({ page, ctx }) => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'allot-governance-'));
    let server = await startServer(work, { clockStart, logName: 'server-governance.log' });
    try {
      const here = { ...ctx, base: server.base, password: server.password };
      const adults = JSON.parse(fs.readFileSync(path.join(sourceDir, 'data', 'rulebooks', 'example-adults.json'), 'utf8'));
      // Version 2 is the demo council's own proposal; this one is version 3, £300.00 a point.
      const next = { ...adults, version: 3, title: `${adults.title}, £300 a point`, allocation: { ...adults.allocation, pence_per_point: 30000 } };
      const nextFile = path.join(work, 'example-adults-v3.json');
      fs.writeFileSync(nextFile, JSON.stringify(next, null, 2));
      const badFile = path.join(work, 'bad.json');
      fs.writeFileSync(badFile, JSON.stringify({ ...next, version: 0, questions: [{ ...adults.questions[0], answers: [{ id: 'x', text: 'X', points: -1 }] }] }));
      const population = path.join(work, 'population.csv');
      fs.writeFileSync(population, populationCsv(adults, 400, 5));

      await signIn(page, here, 'analyst');
      await page.goto(`${here.base}/rulebooks`);
      await page.waitForSelector('[data-testid=drafts]');
      assert((await page.textContent('[data-testid=drafts]')).includes('Proposed, awaiting approval'), "the demo council's draft awaits approval");

      // A bad file: every problem listed, placed in words.
      await page.setInputFiles('#rulebook-file', badFile);
      await page.click('text=Upload as a draft');
      await page.waitForSelector('.upload .error-summary li');
      const problems = await page.$$eval('.upload .error-summary li', (items) => items.map((item) => item.textContent));
      assert(problems.length >= 2, `every problem is listed: ${JSON.stringify(problems)}`);
      assert(problems.some((line) => line.startsWith('Version ')), `the version's problem names the field: ${JSON.stringify(problems)}`);
      assert(problems.some((line) => line.startsWith('Question 1')), `a problem inside a question says where, in words: ${JSON.stringify(problems)}`);
      assert(problems.every((line) => !line.includes('[')), `no raw paths: ${JSON.stringify(problems)}`);

      await page.setInputFiles('#rulebook-file', nextFile);
      await page.click('text=Upload as a draft');
      await page.waitForURL(`${here.base}/rulebooks/example-adults/drafts/3`);
      await page.waitForSelector('[data-testid=draft-status]');
      assertEqual(await page.textContent('[data-testid=draft-status]'), 'Draft', 'an upload is a draft');

      // The simulation shows who gains and who loses; then the proposal, from tomorrow.
      await page.setInputFiles('#population-file', population);
      await page.click('text=Run the simulation');
      await page.waitForSelector('[data-testid=simulation-table] tr.total', { timeout: 60000 });
      await page.fill('#effective-from', '2026-11-23');
      await page.click('text=Propose for approval');
      await page.waitForFunction(() => document.querySelector('[data-testid=draft-status]')?.textContent === 'Proposed, awaiting approval');
      assertEqual(await page.textContent('[data-testid=draft-effective]'), '23 Nov 2026', 'the effective date as proposed');
      assert(await page.isVisible('text=Who gains and who loses'), 'the proposal carries its simulation');
      assert(!(await page.isVisible('text=Approve version 3')), 'the analyst is not offered the approval');
      await checkAccessibility(page, here, 'a proposed draft version');

      // A second person with the approving role approves it.
      await page.context().clearCookies();
      await signIn(page, here, 'commissioner');
      await page.click('nav >> text=Rulebooks');
      await page.click('text=example-adults draft version 3');
      await page.waitForSelector('text=Approve version 3');
      assert((await page.textContent('[data-testid=simulation-table] tr.total')).includes('All people'), 'the approver sees the totals');
      // The changes table appears once the version in force has loaded.
      await page.waitForSelector('[data-testid=draft-changes] tbody tr');
      const changes = await page.$$eval('[data-testid=draft-changes] tr', (rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
      const pointRow = changes.find((cells) => cells[0].startsWith('Value of a point'));
      assertEqual(pointRow && pointRow.slice(1), ['£250.00', '£300.00'], 'the approver sees the value of a point, before and after');
      await page.click('text=Approve version 3');
      await page.waitForFunction(() => document.querySelector('[data-testid=draft-status]')?.textContent === 'Approved');
      const history = await page.textContent('[data-testid=history-example-adults]');
      for (const expected of ['Drafted', 'Proposed', 'Approved', 'analyst', 'commissioner', '23 Nov 2026']) {
        assert(history.includes(expected), `the history shows "${expected}": ${history}`);
      }

      // Today (22 November) the calculator keeps version 1, even when asked for 3.
      await page.goto(`${here.base}/calculator?rulebook=example-adults&version=3`);
      await page.waitForSelector('text=(version 1)');
      await page.goto(`${here.base}/rulebooks`);
      await page.waitForSelector('[data-testid=in-force-example-adults]');
      assert((await page.textContent('[data-testid=in-force-example-adults]')).includes('version 1 is in force today'), 'the rulebooks page says which version is in force');

      // On 23 November, by the server's clock, version 3 is in force with no other step.
      await server.stop();
      server = await startServer(work, { clockStart: '2026-11-23T09:00:00.000Z', logName: 'server-governance-later.log' });
      await page.context().clock.setFixedTime(new Date('2026-11-23T09:00:00.000Z'));
      await page.goto(`${server.base}/calculator?rulebook=example-adults`);
      await page.waitForSelector('text=(version 3)');
      await page.goto(`${server.base}/criteria?rulebook=example-adults`);
      await page.waitForSelector('text=(version 3)');
    } finally {
      await server.stop();
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}
