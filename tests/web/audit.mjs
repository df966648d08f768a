// Browser tests for the audit log: the data protection officer finds who read a
// person's record, exports what was found as CSV and XLSX, and verifies the chain.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function registerAuditTests(test, { assert, assertEqual, signIn, checkAccessibility }) {
  test('data protection officer: who read a person’s record, exported as CSV and XLSX, and the chain verified', async ({ page, ctx }) => {
    // An assessor opens a record in the browser: that read is what the officer finds.
    await signIn(page, ctx, 'assessor');
    const people = await page.evaluate(async () => (await (await fetch('/api/v1/people?limit=1')).json()).people);
    const person = people[0];
    await page.goto(`${ctx.base}/people/${person.id}`);
    await page.waitForSelector('h1');
    await page.context().clearCookies();

    await signIn(page, ctx, 'data_protection_officer');
    await page.click('[data-role=data_protection_officer] a[href="/audit"]');
    await page.waitForSelector('#audit-person');
    // A date that does not read is named by its label, and focus moves to the message.
    await page.fill('#audit-from', '');
    await page.fill('#audit-person', 'x');
    await page.click('form button[type=submit]');
    await page.waitForSelector('#audit-error');
    const message = await page.textContent('#audit-error');
    assert(message.includes('Person (record number)') || message.includes('person'), `the field is named: ${message}`);

    await page.fill('#audit-person', String(person.id));
    await page.fill('#audit-user', 'assessor');
    await page.click('form button[type=submit]');
    await page.waitForSelector('[data-testid=audit-entries] tbody tr');
    const rows = await page.$$eval('[data-testid=audit-entries] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    assert(rows.length >= 1, 'at least one entry');
    assert(rows.some((row) => row[1] === 'assessor' && row[4] === 'read' && row[5] === `person:${person.id}`), `the assessor's read: ${JSON.stringify(rows)}`);
    assert(/^\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}$/.test(rows[0][0]), `UK date and time: ${rows[0][0]}`);

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Export CSV")')]);
    const csv = fs.readFileSync(await csvDownload.path(), 'utf8').trim().split(/\r?\n/);
    assertEqual(csv[0], 'When,User,Agency,Roles,Action,Subject,People returned,Detail,Reason,Chain position,Hash', 'CSV header');
    assertEqual(csv.length - 1, rows.length, 'one CSV row per entry');
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Export XLSX")')]);
    assert(xlsxDownload.suggestedFilename().endsWith('.xlsx'), 'an .xlsx file');
    const require = createRequire(path.join(sourceDir, 'web', 'package.json'));
    const ExcelJS = require('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsxDownload.path());
    assertEqual(workbook.worksheets[0].rowCount, rows.length + 1, 'XLSX rows');

    await page.click('button:has-text("Verify the audit log")');
    await page.waitForSelector('[data-testid=audit-verify]');
    const verdict = await page.textContent('[data-testid=audit-verify]');
    assert(verdict.includes('The log is intact'), `verified: ${verdict}`);
    await checkAccessibility(page, ctx, 'the audit log');
  });
}
