// Browser tests of integrated budgets: a finance officer opens the demo pooled
// budget's monthly monitoring (totals, the uPlot trend chart, tables by month and
// line, CSV and XLSX exports that match the page), then imports a payments file
// with an unmatched line, sees it listed, and imports the same file again
// without anything counted twice; a payment that takes a budget over is flagged
// on the budgets and monitoring pages at once; an assessor sees only their own
// locality's remaining budget. Registered by run.mjs.
import fs from 'node:fs';

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

export function registerBudgetsTests(test, { assert, assertEqual, signIn, checkAccessibility }) {
  test('finance officer: monthly monitoring with a trend chart and CSV and XLSX exports', async ({ page, ctx }) => {
    await signIn(page, ctx, 'finance_officer');
    await page.click('[data-role=finance_officer] a[href="/finance/budgets"]');
    await page.waitForSelector('[data-testid=budgets] tbody tr');
    await page.click('text=Mental health and learning disability pooled budget');
    await page.waitForSelector('[data-testid=monitoring-totals]');
    await page.waitForSelector('[data-testid=trend-chart] canvas');
    await checkAccessibility(page, ctx, 'budget monitoring');
    const budget = await page.textContent('[data-testid=monitoring-totals] div:first-child dd');
    assertEqual(budget.trim(), '£13,400,000.00', 'the pooled budget is £13.4M (seed 000)');
    const monthRows = await page.$$('[data-testid=by-month] tbody tr');
    assertEqual(monthRows.length, 13, 'twelve months and the year');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid$=by-month-csv]')]);
    const csv = fs.readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
    assertEqual(csv.length, 13, 'the CSV has a header and twelve months');
    assert(csv[0].startsWith('Month,Budget'), 'the CSV header names the columns');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid$=by-line-xlsx]')]);
    const bytes = fs.readFileSync(await xlsx.path());
    assert(xlsx.suggestedFilename().endsWith('.xlsx'), 'an XLSX file is offered');
    assertEqual(bytes.subarray(0, 2).toString(), 'PK', 'the XLSX is a zip package');
  });

  test('finance officer: a payments import lists the unmatched line and a repeat counts nothing twice', async ({ page, ctx }) => {
    await signIn(page, ctx, 'finance_officer');
    await page.goto(`${ctx.base}/finance/budgets`);
    await page.waitForSelector('[data-testid=budgets] tbody tr');
    await page.click('text=Mental health placement budget');
    await page.waitForSelector('[data-testid=monitoring-totals]');
    const file = [
      'date,payee,person_reference,amount,budget_line,reference',
      '2026-11-05,Demo Care Homes Ltd,,1000.00,residential,WEB-1',
      '2026-11-05,Somebody Else,,12.34,not-a-line,WEB-2',
    ].join('\n');
    await page.fill('#payments-text', file);
    await page.click('text=Import payments >> xpath=ancestor-or-self::button');
    await page.waitForSelector('[data-testid=import-report]');
    const report = await page.textContent('[data-testid=import-report] .notice');
    assert(report.includes('2 lines: 1 posted (£1,000.00), 0 already posted, 1 unmatched'), `the report says what happened: ${report}`);
    const unmatched = await page.textContent('[data-testid=unmatched] tbody');
    assert(unmatched.includes('WEB-2') && unmatched.includes('not-a-line'), 'the unmatched line is listed with its reason');
    await page.click('text=Import payments >> xpath=ancestor-or-self::button');
    await page.waitForFunction(() => {
      const notice = document.querySelector('[data-testid=import-report] .notice');
      return notice && notice.textContent.includes('2 already posted');
    });
    await checkAccessibility(page, ctx, 'payments import');
  });

  test('team manager: approves a fast-access request as the named approver', async ({ page, ctx }) => {
    await signIn(page, ctx, 'team_manager');
    await page.click('[data-role=team_manager] a[href="/finance/fast-access"]');
    await page.waitForSelector('[data-testid=fast-access-requests] tbody tr');
    await checkAccessibility(page, ctx, 'fast-access budget');
    await page.click('[data-testid=fast-access-requests] button:text("Approve")');
    await page.waitForFunction(() => !document.querySelector('[data-testid=fast-access-requests] button'));
    const rows = await page.$$eval('[data-testid=fast-access-requests] tbody tr', (trs) => trs.map((tr) => tr.textContent));
    assert(rows.every((row) => row.includes('approved by team_manager')), `every request is decided: ${rows.join(' | ')}`);
  });

  test('finance officer: a payment that takes a budget over is flagged to its managers at once, with exports', async ({ page, ctx }) => {
    await signIn(page, ctx, 'finance_officer');
    await page.goto(`${ctx.base}/finance/budgets`);
    await page.waitForSelector('[data-testid=budgets] tbody tr');
    const budgets = (await apiCall(page, 'GET', '/budgets')).body.budgets;
    const placements = budgets.find((b) => b.code === 'MH-PLACEMENTS');
    const posted = await apiCall(page, 'POST', `/budgets/${placements.id}/payments`, {
      date: '2026-11-20',
      payee: 'Demo Care Homes Ltd',
      amount_pence: 200000000,
      budget_line: 'supported-living',
      reference: 'WEB-OVER-1',
    });
    assertEqual(posted.status, 201, 'the payment is posted');
    await page.goto(`${ctx.base}/finance/budgets/${placements.id}`);
    await page.waitForSelector('[data-testid=budget-alerts-standing]');
    const standing = await page.textContent('[data-testid=budget-alerts-standing]');
    assert(standing.includes('Supported living placements is forecast to overspend'), `the line's overspend is flagged: ${standing}`);
    assert(standing.includes('after payment WEB-OVER-1 posted by finance_officer'), `attributed to the posting: ${standing}`);
    await checkAccessibility(page, ctx, 'monitoring with an overspend alert');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=budget-alerts-csv]')]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    assert(csv.startsWith('When,Budget,Line,Alert'), 'the alerts CSV names its columns');
    assert(csv.includes('WEB-OVER-1'), 'the alerts CSV holds the new alert');
    await page.goto(`${ctx.base}/finance/budgets`);
    await page.waitForSelector('[data-testid=overspend-alerts-standing]');
    assert((await page.textContent('[data-testid=overspend-alerts-standing]')).includes('WEB-OVER-1'), 'the budgets page shows it too');
  });

  test('assessor: my locality’s budget shows the North lines only', async ({ page, ctx }) => {
    await signIn(page, ctx, 'assessor');
    await page.click('[data-role=assessor] a[href="/finance/my-locality"]');
    await page.waitForSelector('[data-testid=my-locality-name]');
    assert((await page.textContent('[data-testid=my-locality-name]')).includes('North'), 'the assessor’s locality is named');
    const lines = await page.$$eval('[data-testid=my-locality] tbody tr', (rows) => rows.map((row) => row.children[1].textContent));
    assert(lines.length > 0, 'the North lines are listed');
    assert(lines.every((line) => line.includes('North')), `only North lines: ${lines.join(' | ')}`);
    await checkAccessibility(page, ctx, 'my locality’s budget');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=my-locality-xlsx]')]);
    assert(download.suggestedFilename().endsWith('.xlsx'), 'an XLSX file is offered');
  });
}
