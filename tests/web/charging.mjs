// Browser tests for charging (a financial assessment shown with its arithmetic)
// and grant programmes (seed 001's report, its exports and a refused import).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const sourceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

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

export function registerChargingTests(test, { assert, assertEqual, pounds, signIn, checkAccessibility }) {
  test('finance officer: record a financial assessment and see what the person pays with the arithmetic', async ({ page, ctx }) => {
    await signIn(page, ctx, 'finance_officer');
    // A demo person with a weekly agreed budget and no financial assessment yet.
    const people = (await apiCall(page, 'GET', '/people?limit=200')).body.people;
    let person = null;
    for (const candidate of people) {
      const charging = (await apiCall(page, 'GET', `/people/${candidate.id}/charging`)).body;
      if (charging.agreed_weekly_pence > 0 && charging.current === null) {
        person = { id: candidate.id, weekly: charging.agreed_weekly_pence };
        break;
      }
    }
    assert(person, 'a demo person with an agreed budget and no financial assessment');

    // Reached from the person's page through the link charging offers there.
    await page.goto(`${ctx.base}/people/${person.id}`);
    await page.click('[data-testid=person-links] a:has-text("What the person pays")');
    await page.waitForSelector('[data-testid=no-assessment]');
    await page.waitForSelector('#charging-status');
    await page.fill('#charging-effective', '2026-11-22');
    await page.fill('#charging-age', '70'); // used only when the date of birth is not recorded
    await page.selectOption('#income-0-type', 'state_pension');
    await page.fill('#income-0-pounds', '230.00');
    await page.fill('#charging-capital', '14500.01');
    const [recorded] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith(`/people/${person.id}/financial-assessments`) && response.request().method() === 'POST'),
      page.click('form button[type=submit]'),
    ]);
    assertEqual(recorded.status(), 201, 'the assessment is recorded');
    const assessment = await recorded.json();
    await page.waitForSelector('[data-testid=charging-amounts]');
    assertEqual(await page.textContent('[data-testid=weekly-cost]'), pounds(person.weekly), 'cost of care shown');
    assertEqual(await page.textContent('[data-testid=contribution]'), pounds(assessment.contribution_pence), 'what the person pays');
    assertEqual(await page.textContent('[data-testid=public-share]'), pounds(person.weekly - assessment.contribution_pence), 'what the council and NHS pay');
    const lines = await page.$$eval('[data-testid=charging-derivation] li', (items) => items.map((item) => item.textContent));
    assertEqual(lines, assessment.calculation.derivation.map((line) => line.replace(/^\d+\.\s*/, '')), 'the arithmetic line by line');
    assert(lines.some((line) => line.includes('2 bands of £250.00 or part of £250.00 at £1.00 = tariff income £2.00 a week')), 'tariff income for £14,500.01');
    // The page's sums agree with each other, from the pence the server gave.
    const calc = assessment.calculation;
    assertEqual(calc.assessable_income_pence, 23000 + 200, 'assessable income');
    const available = Math.max(0, calc.assessable_income_pence - calc.minimum_income_guarantee_pence - calc.allowable_expenses_pence);
    assertEqual(assessment.contribution_pence, Math.min(available, person.weekly), 'contribution = min(available, cost)');
    // Cost, contribution, council share and NHS share side by side, with the arithmetic.
    const { shares } = (await apiCall(page, 'GET', `/people/${person.id}/charging`)).body;
    assertEqual(await page.textContent('[data-testid=share-cost]'), pounds(person.weekly), 'cost of care beside the shares');
    assertEqual(await page.textContent('[data-testid=share-person]'), pounds(shares.person_pence), 'the person’s share');
    assertEqual(await page.textContent('[data-testid=share-council]'), pounds(shares.council_pence), 'the council’s share');
    assertEqual(await page.textContent('[data-testid=share-nhs]'), pounds(shares.nhs_pence), 'the NHS’s share');
    assertEqual(shares.person_pence + shares.council_pence + shares.nhs_pence, person.weekly, 'the three shares add up to the cost');
    assertEqual(shares.person_pence, Math.min(assessment.contribution_pence, shares.social_care_pence), 'the person pays towards the social care part only');
    const arithmetic = await page.$$eval('[data-testid=share-arithmetic] li', (items) => items.map((item) => item.textContent));
    assertEqual(arithmetic, shares.arithmetic, 'the shares’ arithmetic line by line');
    await checkAccessibility(page, ctx, 'a person’s financial assessment');
  });

  test('finance officer: publish a new charging rules version from a date; a broken document is refused', async ({ page, ctx }) => {
    await signIn(page, ctx, 'finance_officer');
    await page.click('[data-role=finance_officer] a[href="/charging-rules"]');
    await page.waitForSelector('#rules-document');
    assertEqual(await page.$$eval('[data-testid=charging-rules-versions] tbody tr', (rows) => rows.length), 1, 'one version published');
    await page.fill('#rules-document', '{"format": "allot-charging-rules/1", ');
    await page.click('text=Publish this version');
    await page.waitForSelector('.error-summary');
    assert((await page.textContent('.error-summary')).includes('Rules document: this is not valid JSON'), 'a broken document is named');
    // Focus moves once the summary has rendered; waiting for it (up to 5 s) rather than
    // reading it at once keeps a slow machine from failing a page that works.
    await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('error-summary'), null, { timeout: 5000 })
      .catch(() => { throw new Error('focus moves to the problem: the error summary never took focus'); });
    // A version with a bad tariff band: refused by the server, every problem by its field.
    await page.reload();
    await page.waitForSelector('#rules-document');
    const text = await page.inputValue('#rules-document');
    const doc = JSON.parse(text);
    doc.capital.tariff.band_pence = 0;
    await page.fill('#rules-document', JSON.stringify(doc, null, 2));
    await page.fill('#rules-version', '2');
    await page.fill('#rules-effective', '2027-04-01');
    await page.click('text=Publish this version');
    await page.waitForSelector('.error-summary');
    assert((await page.textContent('.error-summary')).includes('Rules document, capital.tariff.band_pence'), 'the bad field is named');
    doc.capital.tariff.band_pence = 25000;
    await page.fill('#rules-document', JSON.stringify(doc, null, 2));
    await page.fill('#rules-title', 'England non-residential charging 2027/28');
    await page.click('text=Publish this version');
    await page.waitForSelector('[data-testid=rules-published]');
    assert((await page.textContent('[data-testid=rules-published]')).includes('version 2, in force from 1 Apr 2027'), 'published with its date');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=charging-rules-versions] tbody tr').length === 2);
    const versions = (await apiCall(page, 'GET', '/charging-rules')).body.rules;
    const published = versions.find((v) => v.version === 2);
    assertEqual([published.effective_from, published.published_by], ['2027-04-01', 'finance_officer'], 'dated and attributed');
    await checkAccessibility(page, ctx, 'charging rules');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=charging-rules-versions-csv]')]);
    const csv = fs.readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
    assertEqual(csv.length, 3, 'the versions CSV has a header and both versions');
  });

  test('finance officer: seed 001 programme report by source, year and workstream, its exports, and a refused import', async ({ page, ctx }) => {
    await signIn(page, ctx, 'finance_officer');
    await page.click('[data-role=finance_officer] a[href="/programmes"]');
    await page.waitForSelector('[data-testid=programmes] a');
    await page.click('[data-testid=programmes] a:has-text("East Midlands JIP")');
    await page.waitForSelector('[data-testid=programme-years]');
    assertEqual(await page.textContent('[data-testid="year-2008/09"]'), '£662,000.00', '2008/09 total');
    assertEqual(await page.textContent('[data-testid="year-2009/10"]'), '£400,000.00', '2009/10 total');
    const bySource = await page.$$eval('[data-testid=table-by-source] tbody tr', (rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent)));
    const firstYearTotal = Object.fromEntries(bySource.map((row) => [row[0], row[3]]));
    assertEqual(firstYearTotal['Reform grant'], '£200,000.00', 'reform grant 2008/09');
    assertEqual(firstYearTotal['Match funding'], '£250,000.00', 'match funding 2008/09');
    assertEqual(firstYearTotal['Regional allocation'], '£212,000.00', 'regional allocation 2008/09');
    assertEqual(firstYearTotal.Total, '£662,000.00', 'total 2008/09');
    const reform = bySource.find((row) => row[0] === 'Reform grant');
    assertEqual([reform[4], reform[5]], ['£200,000.00', '£0.00'], 'reform grant 2009/10 confirmed, nothing to be confirmed');
    const regional = bySource.find((row) => row[0] === 'Regional allocation');
    assertEqual([regional[4], regional[5]], ['£0.00', '£200,000.00'], 'regional allocation 2009/10 to be confirmed');
    const subtotals = await page.$$eval('[data-testid=table-by-workstream] tbody tr', (rows) =>
      rows.map((row) => [...row.children].map((cell) => cell.textContent)).filter((cells) => cells[1] === 'Subtotal').map((cells) => [cells[0], cells[4], cells[7]]),
    );
    assertEqual(
      subtotals,
      [
        ['Personalisation', '£352,000.00', '£330,000.00'],
        ['Safeguarding', '£70,000.00', '£0.00'],
        ['Health and well-being', '£120,000.00', '£0.00'],
        ['Learning disabilities', '£50,000.00', '£50,000.00'],
        ['Cross-cutting workforce and leadership', '£70,000.00', '£20,000.00'],
      ],
      'every workstream subtotal, 2008/09 and 2009/10',
    );
    assert(await page.isVisible('[data-testid=programme-chart] svg'), 'a chart of funding by source and year');
    await checkAccessibility(page, ctx, 'programme report');

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('section[aria-label="By source"] button:has-text("CSV")')]);
    const csv = fs.readFileSync(await csvDownload.path(), 'utf8').trim().split(/\r?\n/);
    assert(csv[0].startsWith('Source,2008/09 confirmed'), `CSV header: ${csv[0]}`);
    assert(csv.includes('Total,662000,0,662000,200000,200000,400000,1062000'), `CSV total row: ${csv[csv.length - 1]}`);

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Download every table (XLSX)")')]);
    assert(xlsxDownload.suggestedFilename().endsWith('.xlsx'), 'an .xlsx file');
    const require = createRequire(path.join(sourceDir, 'web', 'package.json'));
    const ExcelJS = require('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsxDownload.path());
    assertEqual(workbook.worksheets.map((sheet) => sheet.name), ['By source', 'By workstream', 'By project'], 'XLSX sheets');
    const sheet = workbook.getWorksheet('By source');
    const totalRow = sheet.getRow(sheet.rowCount).values.slice(1);
    assertEqual(totalRow, ['Total', 662000, 0, 662000, 200000, 200000, 400000, 1062000], 'XLSX total row');

    // Seed 001 as an XLSX workbook (made here with ExcelJS, amounts as numbers) imports through the page.
    const seedRows = fs
      .readFileSync(path.join(sourceDir, 'data', 'programmes', 'seed-001-jip-programme.csv'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.match(/("[^"]*"|[^,]*)(,|$)/g).slice(0, 8).map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '')));
    const upload = new ExcelJS.Workbook();
    const uploadSheet = upload.addWorksheet('Appendix 2');
    seedRows.forEach((row, index) => uploadSheet.addRow(index === 0 ? row : row.map((cell, column) => (column === 6 ? Number(cell.replace(/,/g, '')) : cell))));
    const xlsxBuffer = Buffer.from(await upload.xlsx.writeBuffer());
    await page.goto(`${ctx.base}/programmes`);
    await page.setInputFiles('#programme-file', { name: 'seed-001.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsxBuffer });
    await page.click('form button[type=submit]');
    await page.waitForSelector('text=every total checked');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=programmes] tbody tr').length === 2); // the list reloads

    // An import whose lines do not add up is refused with every difference.
    await page.goto(`${ctx.base}/programmes`);
    const bad = [
      'record,programme,workstream,project,source,financial_year,amount,status',
      'line,Carers,Breaks,Sitting service,Reform grant,2008/09,10000,',
      'line,Carers,Advice,Helpline,Reform grant,2008/09,2500,',
      'total,Carers,Breaks,,,2008/09,11000,',
      'total,Carers,,,,2008/09,13000,',
    ].join('\n');
    await page.setInputFiles('#programme-file', { name: 'carers.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.click('form button[type=submit]');
    await page.waitForSelector('text=The programme was not imported');
    const shown = await page.textContent('main');
    assert(shown.includes('stated total for workstream "Breaks", 2008/09 is £11,000.00; the lines add up to £10,000.00'), 'the workstream difference is shown');
    assert(shown.includes('stated total for 2008/09 is £13,000.00; the lines add up to £12,500.00'), 'the year difference is shown');
  });
}
