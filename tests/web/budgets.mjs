// Browser tests of integrated budgets: a finance officer opens the demo pooled
// budget's monthly monitoring (totals, the uPlot trend chart, tables by month and
// line, CSV and XLSX exports that match the page), then imports a payments file
// with an unmatched line, sees it listed, and imports the same file again
// without anything counted twice. Registered by run.mjs.
import fs from 'node:fs';

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
}
