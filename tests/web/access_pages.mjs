// Browser tests for the staff pages of who may see whose record: the care team
// and consent on a person's page, break glass from a refused record, the
// managers' review of break-glass accesses, sharing agreements, who may see
// what and unusual volumes.
import fs from 'node:fs';
import { readWorkbook } from './xlsx-reader.mjs';

// A call to the API from the signed-in page (its cookie and CSRF token).
async function apiCall(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const csrf = (await (await fetch('/api/v1/session')).json()).csrf_token;
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, path, body },
  );
}

// The error summary has the focus, so a keyboard or screen reader user starts there.
async function errorSummaryFocused(page, within) {
  await page.waitForFunction((within) => {
    const box = document.querySelector(`${within} .error-summary`);
    return box && document.activeElement === box;
  }, within);
}

export function registerAccessPagesTests(test, { assert, assertEqual, signIn, checkAccessibility }) {
  test('care team: a team manager adds a worker, ends another with a reason, and a withdrawal of consent shows at once', async ({ page, ctx }) => {
    await signIn(page, ctx, 'team_manager');
    // A mental health case (the trust is on its care team), not the one the break glass API test hands over.
    const person = await page.evaluate(async () => {
      const handedOver = (await (await fetch('/api/v1/people?limit=1&client_group=mental_health&stage=assessment')).json()).people[0];
      const people = (await (await fetch('/api/v1/people?limit=200&client_group=mental_health')).json()).people;
      return people.filter((one) => !handedOver || one.id !== handedOver.id).at(-1);
    });
    await page.goto(`${ctx.base}/people/${person.id}`);
    await page.waitForSelector('[data-testid=care-team-current] tr[data-member]');
    const before = await page.textContent('[data-testid=care-team-current]');
    assert(before.includes('Lead agency') && before.includes('NHS professional'), `the council leads and the trust is on the team: ${before}`);
    assert(/\d{1,2} [A-Z][a-z]{2} \d{4}/.test(before), `UK dates: ${before}`);

    // Nothing chosen: each problem in words next to its field, and the summary has the focus.
    await page.click('[data-testid=add-member] summary');
    await page.click('[data-testid=add-member] button[type=submit]');
    await errorSummaryFocused(page, '[data-testid=add-member]');
    const roleError = await page.textContent('#member-role-error');
    assert(/role on the team/i.test(roleError) && !/team_role|expected/.test(roleError), `the role's problem in plain words: ${roleError}`);

    await page.selectOption('#member-agency', 'demo-council');
    await page.selectOption('#member-username', 'assessor');
    await page.selectOption('#member-role', 'allocated_worker');
    await page.click('[data-testid=add-member] button[type=submit]');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid=care-team-current] tr[data-member]')];
      return rows.some((row) => row.textContent.includes('Allocated worker') && row.textContent.includes('Demo Assessor'));
    });

    // The trust leaves the team, with a reason kept in its history.
    await page.click('[data-testid=care-team-current] tr:has-text("NHS professional") button');
    await page.waitForSelector('[data-testid=end-member-form]');
    await page.click('[data-testid=end-member-form] button[type=submit]');
    await errorSummaryFocused(page, '[data-testid=end-member-form]');
    await page.fill('#end-member-reason', 'Discharged from the community mental health team');
    await page.click('[data-testid=end-member-form] button[type=submit]');
    // The form and its button are gone: the focus moves to what was done.
    await page.waitForFunction(() => {
      const done = document.querySelector('[data-testid=care-team-done]');
      return done && document.activeElement === done && done.textContent.includes('ended on');
    });
    await page.waitForSelector('[data-testid=care-team] details summary:has-text("Past members")');
    await page.click('[data-testid=care-team] details summary:has-text("Past members")');
    await page.waitForSelector('[data-testid=care-team-past]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=care-team-current]').textContent.includes('NHS professional'));
    const past = await page.textContent('[data-testid=care-team-past]');
    assert(past.includes('Discharged from the community mental health team') && past.includes('NHS professional'), `the ended membership and its reason: ${past}`);
    const team = (await apiCall(page, 'GET', `/people/${person.id}/care-team`)).body.members;
    const ended = team.find((member) => member.agency === 'demo-nhs' && member.team_role === 'nhs_professional');
    assertEqual([ended.ended_by, ended.end_reason], ['team_manager', 'Discharged from the community mental health team'], 'the ending as stored');
    assert(team.some((member) => member.username === 'assessor' && member.team_role === 'allocated_worker' && !member.ended_on), 'the worker added as stored');

    // The demo records the person's consent to share with the trust; they withdraw it,
    // and the table shows the withdrawal as soon as it is recorded.
    await page.waitForSelector('[data-testid=consent-table] tr[data-agency="demo-nhs"]');
    const given = await page.textContent('[data-testid=consent-table] tr[data-agency="demo-nhs"]');
    assert(given.includes('Consent given'), `consent given before: ${given}`);
    const decisionsBefore = (await apiCall(page, 'GET', `/people/${person.id}/sharing-consents`)).body.consents.length;
    await page.click('[data-testid=consent-form] button[type=submit]');
    await errorSummaryFocused(page, '[data-testid=consent-form]');
    assert((await page.textContent('#consent-decision-error')).includes('given or withdrawn'), 'the decision is asked for in words');
    await page.selectOption('#consent-agency', 'demo-nhs');
    await page.check('#consent-withdrawn');
    await page.fill('#consent-note', 'Told us by phone she no longer wants the trust to see her plan');
    await page.click('[data-testid=consent-form] button[type=submit]');
    await page.waitForFunction(() => {
      const row = document.querySelector('[data-testid=consent-table] tr[data-agency="demo-nhs"]');
      return row && row.textContent.includes('Consent withdrawn') && row.textContent.includes('no longer wants');
    });
    await page.click('[data-testid=consents] details summary');
    const history = await page.textContent('[data-testid=consent-history]');
    const [withdrawnAt, givenAt] = [history.indexOf('consent withdrawn for'), history.indexOf('consent given for')];
    assert(withdrawnAt >= 0 && givenAt > withdrawnAt, `every decision, newest first: ${history}`);
    const consents = (await apiCall(page, 'GET', `/people/${person.id}/sharing-consents`)).body.consents;
    assertEqual(consents.length, decisionsBefore + 1, 'one decision added, none changed');
    assertEqual([consents.at(-1).agency, consents.at(-1).decision, consents.at(-1).recorded_by], ['demo-nhs', 'withdrawn', 'team_manager'], 'the withdrawal as stored');
    await checkAccessibility(page, ctx, 'care team and consent on a person’s page');

    // The trust's panel member sees the care team of a joint case, and nothing to change it with.
    const joint = await page.evaluate(async (skip) => {
      const people = (await (await fetch('/api/v1/people?limit=200&client_group=mental_health')).json()).people;
      return people.find((one) => one.id !== skip).id;
    }, person.id);
    await page.waitForLoadState('networkidle');
    await page.context().clearCookies();
    await signIn(page, ctx, 'panel_member');
    await page.goto(`${ctx.base}/people/${joint}`);
    await page.waitForSelector('[data-testid=care-team-current] tr[data-member]');
    await page.waitForSelector('[data-testid=consents]');
    assert(!(await page.$('[data-testid=add-member]')) && !(await page.$('[data-testid=consent-form]')), 'no forms without access.manage_care_team');
    assert(!(await page.$('[data-testid=care-team-current] button')), 'no ending without access.manage_care_team');
  });

  test('break glass from the person’s page: an assessor refused a record opens it with a reason; the manager reviews it', async ({ page, ctx }) => {
    await signIn(page, ctx, 'team_manager');
    // The council hands this person's care over: everyone of the council leaves the team.
    const person = await page.evaluate(async () => (await (await fetch('/api/v1/people?limit=3&client_group=older_people')).json()).people[2]);
    const team = (await apiCall(page, 'GET', `/people/${person.id}/care-team`)).body.members;
    for (const member of team.filter((one) => one.agency === 'demo-council' && !one.ended_on)) {
      const ended = await apiCall(page, 'POST', `/people/${person.id}/care-team/${member.id}/end`, { reason: 'Care handed over to another council' });
      assertEqual(ended.status, 200, `ending ${member.team_role}`);
    }
    // A finance officer of the council is refused too, and may not break glass: no offer.
    await page.context().clearCookies();
    await signIn(page, ctx, 'finance_officer');
    await page.goto(`${ctx.base}/people/${person.id}`);
    await page.waitForSelector('.error-summary');
    await page.waitForLoadState('networkidle');
    assert(!(await page.$('[data-testid=break-glass]')), 'no break glass for a role that may not');

    await page.context().clearCookies();
    await signIn(page, ctx, 'assessor');
    await page.goto(`${ctx.base}/people/${person.id}`);
    // How long is the council's rule (GET /api/v1/access/rules), read once the page has it.
    await page.waitForFunction(() => (document.querySelector('[data-testid=break-glass]') || { textContent: '' }).textContent.includes('8 hours'));
    const offer = await page.textContent('[data-testid=break-glass]');
    assert(offer.includes('8 hours') && offer.includes('reported to your manager'), `the offer says how long and who is told: ${offer}`);
    assert(!(await page.$('h1.page-title')), 'the record is not shown before break glass');
    await checkAccessibility(page, ctx, 'a refused record with break glass offered');

    await page.fill('#break-glass-reason', 'urgent');
    await page.click('[data-testid=break-glass] button[type=submit]');
    await errorSummaryFocused(page, '[data-testid=break-glass]');
    const short = await page.textContent('#break-glass-reason-error');
    assert(/10/.test(short) && !/found/.test(short), `a short reason in plain words: ${short}`);
    const reason = 'Police called at night with a safeguarding concern';
    await page.fill('#break-glass-reason', reason);
    await page.click('[data-testid=break-glass] button[type=submit]');
    await page.waitForFunction((family) => {
      const heading = document.querySelector('h1.page-title');
      return heading && heading.textContent.includes(family);
    }, person.family_name);
    assert(!(await page.$('[data-testid=break-glass]')), 'the offer is gone once the record is open');
    await page.waitForSelector('[data-testid=care-team-current]');
    // The record's sections finish loading before the assessor's session goes.
    await page.waitForLoadState('networkidle');

    await page.context().clearCookies();
    await signIn(page, ctx, 'team_manager');
    await page.click('[data-role=team_manager] a[href="/access/break-glass"]');
    await page.waitForSelector(`[data-testid=grants] tr:has-text("${reason}")`);
    const row = await page.textContent(`[data-testid=grants] tr:has-text("${reason}")`);
    assert(row.includes('(assessor)') && row.includes(`Record ${person.id}`), `who and whose record: ${row}`);
    assert(/\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}/.test(row), `when, the UK way: ${row}`);
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=break-glass-exports] button:has-text("CSV")')]);
    const csv = fs.readFileSync(await csvDownload.path(), 'utf8').trim().split(/\r?\n/);
    assertEqual(csv[0], 'Who,Agency,Roles,Record,Reason,Opened at,Open until', 'CSV header');
    assert(csv.some((line) => line.includes(reason) && line.includes(`,${person.id},`)), `the grant in the CSV: ${csv.join(' | ')}`);
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=break-glass-exports] button:has-text("XLSX")')]);
    const book = readWorkbook(fs.readFileSync(await xlsxDownload.path()));
    assert(book.rows.some((cells) => cells.some((cell) => cell.value === reason)), 'the grant in the XLSX');
    await checkAccessibility(page, ctx, 'break-glass review');
  });

  test('sharing agreements recorded and ended; who may see what; unusual volumes', async ({ page, ctx }) => {
    // An assessor lists 200 people at once: past the limit of people read in one hour.
    await signIn(page, ctx, 'assessor');
    const listed = await page.evaluate(async () => (await (await fetch('/api/v1/people?limit=200')).json()).people.length);
    assert(listed > 50, `more people than the hourly limit: ${listed}`);
    await page.context().clearCookies();
    await signIn(page, ctx, 'data_protection_officer');
    await page.click('[data-role=data_protection_officer] a[href="/access/agreements"]');
    await page.waitForSelector('[data-testid=agreements] tr[data-agreement]');
    await page.click('[data-testid=add-agreement] button[type=submit]');
    await errorSummaryFocused(page, '[data-testid=add-agreement]');
    const agencyError = await page.textContent('#agreement-agency-error');
    assert(agencyError.includes('Partner agency') || agencyError.includes('Agency'), `the agency's problem next to it: ${agencyError}`);
    const reference = 'ISA-2026-31 hospital discharge';
    await page.selectOption('#agreement-agency', 'demo-nhs');
    await page.fill('#agreement-reference', reference);
    await page.fill('#agreement-purpose', 'Discharge plans of people leaving hospital with care at home');
    await page.fill('#agreement-starts', '2026-12-01');
    await page.click('[data-testid=add-agreement] button[type=submit]');
    await page.waitForSelector(`[data-testid=agreements] tr:has-text("${reference}")`);
    const row = await page.textContent(`[data-testid=agreements] tr:has-text("${reference}")`);
    assert(row.includes('1 Dec 2026') && row.includes('In force'), `the new agreement, dated the UK way: ${row}`);
    await checkAccessibility(page, ctx, 'sharing agreements');
    await page.click(`[data-testid=agreements] tr:has-text("${reference}") button`);
    await page.fill('#end-agreement-reason', 'Replaced by the county-wide agreement');
    await page.click('[data-testid=end-agreement-form] button[type=submit]');
    await page.waitForFunction((reference) => {
      const found = [...document.querySelectorAll('[data-testid=agreements] tr')].find((tr) => tr.textContent.includes(reference));
      return found && found.textContent.includes('Ended') && found.textContent.includes('county-wide');
    }, reference);

    await page.goto(`${ctx.base}/access/rules`);
    await page.waitForSelector('[data-testid=rules]');
    const cell = (role, part) => page.textContent(`[data-role-rule=${role}] td[data-part=${part}]`);
    assert((await cell('assessor', 'case_work')).includes('sees') && !(await cell('assessor', 'case_work')).includes('does not'), 'an assessor sees case work');
    assert((await cell('provider_user', 'money')).includes('does not see'), 'a provider does not see money');
    await checkAccessibility(page, ctx, 'who may see what');

    await page.goto(`${ctx.base}/home`);
    await page.click('[data-role=data_protection_officer] a[href="/access/unusual-volumes"]');
    await page.waitForSelector('[data-testid=volumes] tr:has-text("(assessor)")');
    const volume = await page.$$eval('[data-testid=volumes] tr:has-text("(assessor)") td', (cells) => cells.map((cell) => cell.textContent));
    assert(/^\d{1,2} [A-Z][a-z]{2} 2026 \d{2}:00$/.test(volume[2]), `the hour, the UK way: ${volume}`);
    assert(Number(volume[3].replace(/,/g, '')) >= listed && volume[4] === '50', `the people read and the limit: ${volume}`);
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=unusual-volumes-exports] button:has-text("CSV")')]);
    const csv = fs.readFileSync(await csvDownload.path(), 'utf8').trim().split(/\r?\n/);
    assertEqual(csv[0], 'User,Agency,Hour from,People read,Limit', 'CSV header');
    assert(csv.some((line) => line.startsWith('assessor,demo-council,')), `the assessor in the CSV: ${csv.join(' | ')}`);
    await checkAccessibility(page, ctx, 'unusual volumes');
  });
}
