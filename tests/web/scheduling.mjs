// Browser tests of the visit scheduling page: a provider user runs the Leeds
// example as a job, sees the progress bar and best cost, then the routes on the
// map, a timeline per carer, the visits not done, and totals that match the
// job's result; a second run is stopped and keeps its best plan so far.
// Registered by run.mjs, which starts the server and the browser.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function jobJson(page, id) {
  return page.evaluate(async (jobId) => (await fetch(`/api/v1/jobs/${encodeURIComponent(jobId)}`)).json(), id);
}

// Notes when the progress bar and a best cost appear (they may be on screen only briefly).
async function watchProgress(page) {
  await page.evaluate(() => {
    window.sawProgressBar = false;
    window.sawBestCost = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid=solver-progress] progress')) window.sawProgressBar = true;
      const best = document.querySelector('[data-testid=solver-best] strong');
      if (best && /\d/.test(best.textContent)) window.sawBestCost = true;
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

export function registerSchedulingTests(test, { assert, assertEqual, signIn, checkAccessibility }) {
  test('provider: plan a day of visits in Leeds, see the map, the timeline and the totals', async ({ page, ctx }) => {
    await signIn(page, ctx, 'provider_user');
    await page.click('[data-role=provider_user] a[href="/scheduling"]');
    await page.waitForSelector('[data-testid=scheduling-form]');
    await checkAccessibility(page, ctx, 'visit scheduling form');

    await page.check('#problem-leeds-day-60');
    await page.fill('#time-limit', '2');
    await watchProgress(page);
    const [started] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/v1/solver/jobs') && response.request().method() === 'POST'),
      page.click('form button[type=submit]'),
    ]);
    assertEqual(started.status(), 202, 'the job is accepted');
    const jobId = (await started.json()).job_id;
    await page.waitForSelector('[data-testid=scheduling-result]', { timeout: 30000 });
    assert(await page.evaluate(() => window.sawProgressBar), 'a progress bar is shown while the job runs');
    assert(await page.evaluate(() => window.sawBestCost), 'the best cost so far is shown while the job runs');

    const job = await jobJson(page, jobId);
    assertEqual(job.status, 'done', 'job status');
    assert(job.result.check.ok, 'the checker accepts the solution');
    const totals = job.result.totals;
    const shown = await page.$$eval('[data-testid=scheduling-totals] dd', (cells) => Object.fromEntries(cells.map((cell) => [cell.dataset.total, cell.dataset.value])));
    assertEqual(Number(shown.carers_used), totals.carers_used, 'carers used');
    assertEqual(Number(shown.visits_routed), totals.visits_routed, 'visits on a route');
    assertEqual(Number(shown.visits_unassigned), totals.visits_unassigned, 'visits not done');
    assertEqual(shown.travel_time, totals.travel_time.toFixed(3), 'travel minutes');
    assertEqual(shown.visit_time, totals.visit_time.toFixed(3), 'minutes on visits');
    assertEqual(Number(shown.objective), job.result.solution.cost.objective, 'objective');
    assert(await page.isVisible('[data-testid=check-verdict]'), 'the checker’s verdict is shown');

    // The map: one line per carer used, a dot per routed place, the bases, and the unassigned highlighted.
    const routes = job.result.solution.routes;
    assertEqual(await page.$$eval('[data-testid=route-map] polyline', (lines) => lines.length), routes.length, 'route lines on the map');
    assert((await page.$$('[data-testid=map-base]')).length >= 1, 'bases on the map');
    assert((await page.$$('circle.route-map__visit')).length >= 10, 'visits on the map');
    if (totals.visits_unassigned > 0) assert((await page.$$('[data-testid=map-unassigned]')).length >= 1, 'unassigned visits marked on the map');
    const mapLabel = await page.$eval('[data-testid=route-map] svg', (svg) => svg.getAttribute('aria-describedby'));
    assertEqual(mapLabel, 'routes-table', 'the map points to its text alternative');

    // The timeline: a row per carer with visits, travel and time windows.
    assertEqual(await page.$$eval('[data-testid=timeline-row]', (rows) => rows.length), routes.length, 'timeline rows');
    const visitsDrawn = await page.$$eval('[data-testid=timeline] rect[data-kind=visit]', (rects) => rects.length);
    const visitStops = routes.reduce((sum, route) => sum + route.stops.filter((stop) => stop.type === 'visit').length, 0);
    assertEqual(visitsDrawn, visitStops, 'visits on the timeline');
    assert((await page.$$('[data-testid=timeline] rect[data-kind=travel]')).length > 0, 'travel on the timeline');
    assert((await page.$$('[data-testid=timeline] rect.timeline__window')).length > 0, 'time windows on the timeline');

    // Routes table (the text alternative) and the visits not done with reasons.
    assertEqual(await page.$$eval('[data-testid=routes-table] tbody tr', (rows) => rows.length), routes.length, 'routes table rows');
    if (totals.visits_unassigned > 0) {
      const reasons = await page.$$eval('[data-testid=unassigned-table] tbody td:last-child', (cells) => cells.map((cell) => cell.textContent));
      assertEqual(reasons.length, totals.visits_unassigned, 'unassigned rows');
      assert(reasons.every((text) => text.length > 10), `every unassigned visit has a reason: ${reasons.join(' | ')}`);
    }

    // The map's carer filter works from the keyboard.
    await page.focus('#map-focus');
    await page.keyboard.press('ArrowDown');
    assert((await page.$$('polyline.route-map__route--dim')).length === routes.length - 1, 'choosing one carer dims the other routes');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download visits per carer (CSV)')]);
    const csv = fs.readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
    assert(csv[0].startsWith('carer,order,visit,'), `CSV header: ${csv[0]}`);
    assertEqual(csv.length - 1, visitStops + totals.visits_unassigned, 'CSV rows: one per visit per carer, then the unassigned');
    const [solutionFile] = await Promise.all([page.waitForEvent('download'), page.click('text=Download the solution (JSON)')]);
    assertEqual(JSON.parse(fs.readFileSync(await solutionFile.path(), 'utf8')).routes.length, routes.length, 'downloaded solution');
    await checkAccessibility(page, ctx, 'visit scheduling result');

    // The same day with the fewest carers first: the option reaches the engine, and
    // freeing carers comes before travel, so no more carers are used than before.
    await page.check('#fewest-carers');
    const [again] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/v1/solver/jobs') && response.request().method() === 'POST'),
      page.click('form button[type=submit]'),
    ]);
    assertEqual(again.request().postDataJSON().problem.objective.fewest_routes_first, true, 'the problem sent asks for the fewest carers');
    const fewestId = (await again.json()).job_id;
    let fewest = await jobJson(page, fewestId);
    for (let attempt = 0; attempt < 300 && (fewest.status === 'running' || fewest.status === 'queued'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      fewest = await jobJson(page, fewestId);
    }
    assertEqual(fewest.status, 'done', 'the fewest-carers job ends');
    assert(fewest.result.check.ok, 'the checker accepts the fewest-carers plan');
    assert(fewest.result.totals.visits_unassigned <= totals.visits_unassigned, 'no more visits left out');
    assert(fewest.result.totals.carers_used <= totals.carers_used, `carers used: ${fewest.result.totals.carers_used} with the option, ${totals.carers_used} without`);
    await page.waitForSelector('[data-testid=scheduling-result]', { timeout: 15000 });
    const carersShown = await page.$eval('[data-testid=scheduling-totals] dd[data-total=carers_used]', (cell) => Number(cell.dataset.value));
    assertEqual(carersShown, fewest.result.totals.carers_used, 'the page shows the fewest-carers plan');
  });

  test('commissioner: upload a problem file, then stop a job and keep its best plan so far', async ({ page, ctx }) => {
    await signIn(page, ctx, 'commissioner');
    await page.click('[data-role=commissioner] a[href="/scheduling"]');
    await page.waitForSelector('[data-testid=scheduling-form]');

    // A file that is not JSON is refused beside the field; the worked example of docs/solver.md is solved.
    await page.check('#problem-upload');
    await page.setInputFiles('#problem-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"visits": [') });
    await page.click('form button[type=submit]');
    await page.waitForSelector('#problem-file-error');
    await page.setInputFiles('#problem-file', path.join(sourceDir, 'data/solver/example.json'));
    await page.fill('#time-limit', '1');
    await page.click('form button[type=submit]');
    await page.waitForSelector('[data-testid=scheduling-result]', { timeout: 15000 });
    const reasons = await page.$$eval('[data-testid=unassigned-table] tbody tr', (rows) => rows.map((row) => row.textContent));
    assertEqual(reasons.length, 2, 'the two visits nobody can do');
    assert(reasons.some((text) => text.startsWith('mr-d-catheter') && /skill/.test(text)), `catheter visit and its reason: ${reasons.join(' | ')}`);
    assertEqual(await page.$$eval('[data-testid=routes-table] tbody tr', (rows) => rows.length), 2, 'two carers’ routes');

    await page.check('#problem-mankowska-style-10');
    await page.fill('#time-limit', '60');
    await page.click('form button[type=submit]');
    await page.waitForFunction(() => /\d/.test((document.querySelector('[data-testid=solver-best] strong') || {}).textContent || ''));
    await page.click('[data-testid=solver-cancel]');
    await page.waitForSelector('[data-testid=scheduling-result]', { timeout: 15000 });
    const heading = await page.textContent('#plan-heading');
    assert(/before stopping/.test(heading), `the result says it was stopped: ${heading}`);
    assertEqual(await page.$$eval('[data-testid=timeline-row]', (rows) => rows.length) > 0, true, 'the best plan so far is drawn');

    // Leaving the page stops a job that is still running.
    await page.fill('#time-limit', '60');
    const [started] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/v1/solver/jobs') && response.request().method() === 'POST'),
      page.click('form button[type=submit]'),
    ]);
    const jobId = (await started.json()).job_id;
    await page.waitForSelector('[data-testid=solver-progress]');
    await page.click('a[href="/home"]');
    await page.waitForSelector('[data-role=commissioner]');
    let status = 'running';
    for (let attempt = 0; attempt < 50 && status === 'running'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await jobJson(page, jobId)).status;
    }
    assertEqual(status, 'cancelled', 'the job after leaving the page');
  });
}
