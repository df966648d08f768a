// The personal budget model's costed plan in real Chromium: the provider's user
// sees a package's outcomes and budget on their packages page, is told in plain
// words at the field when a line names no outcome and when the plan is over the
// budget, proposes one within it (the running total follows the lines), and the
// commissioner sends it back with a reason on the provider's packages page; the
// provider proposes again and the commissioner agrees it.
import { signOut } from './journey.mjs';

export function registerCostedPlanTests(test, { assert, assertEqual, signIn, checkAccessibility }) {
  test('provider user proposes a costed plan within the personal budget; the commissioner sends it back, then agrees', async ({ page, ctx }) => {
    await signIn(page, ctx, 'commissioner');
    const setup = await page.evaluate(async () => {
      const csrf = (await (await fetch('/api/v1/session')).json()).csrf_token;
      const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf };
      const allanbank = (await (await fetch('/api/v1/providers')).json()).providers.find((p) => p.name === 'Allanbank Home Care');
      // Graded 5 at the last two inspections whatever other tests recorded: eligible for the personal budget model.
      for (const date of ['2026-11-21', '2026-11-22']) {
        await fetch(`/api/v1/providers/${allanbank.id}/inspections`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ date, grades: { 'Quality of care and support': 5, 'Quality of staffing': 5, 'Quality of management and leadership': 5 } }),
        });
      }
      const added = await fetch('/api/v1/care-packages', {
        method: 'POST',
        headers,
        body: JSON.stringify({
          provider_id: allanbank.id, person_reference: 'PB-WEB-01', client_group: 'Older people', service: 'care_at_home', model: 'personal_budget', starts_on: '2026-11-30',
          visits: [{ day_of_week: 1, start_minute: 600, duration_minutes: 60 }],
          outcomes: ['I want to swim again like I used to', 'I want to get up when I choose'], weekly_budget_pence: 25000,
        }),
      });
      return { status: added.status, body: await added.json(), provider: allanbank.id };
    });
    assertEqual(setup.status, 201, `a personal budget model package: ${JSON.stringify(setup.body)}`);
    const id = setup.body.id;
    await signOut(page);

    await signIn(page, ctx, 'provider_user');
    await page.goto(`${ctx.base}/our-packages`);
    await page.waitForSelector(`tr[data-package="${id}"] [data-testid=costed-plan-toggle]`);
    await page.click(`tr[data-package="${id}"] [data-testid=costed-plan-toggle]`);
    await page.waitForSelector(`#plans-${id} [data-testid=propose-form]`);
    const budget = await page.textContent(`#plans-${id} [data-testid=costed-budget]`);
    assert(budget.includes('£250.00'), `the weekly budget in pounds: ${budget}`);
    const outcomes = await page.textContent(`#plans-${id} [data-testid=costed-outcomes]`);
    assert(outcomes.includes('I want to swim again like I used to'), `the outcomes in the person's words: ${outcomes}`);
    await checkAccessibility(page, ctx, 'costed plan form');

    // A line with no outcome and a total over the budget: refused, each at its field.
    const base = `#pb-${id}-0`;
    await page.fill(`${base}-what`, 'Morning personal care');
    await page.fill(`${base}-hours`, '7');
    await page.fill(`${base}-rate`, '40');
    await page.waitForFunction((sel) => document.querySelector(sel).textContent.includes('£30.00 over'), `#plans-${id} [data-testid=running-total]`);
    await page.click(`#plans-${id} button[type=submit]:has-text("Propose this plan")`);
    await page.waitForSelector(`${base}-what-error, #pb-${id}-0-outcomes-error`);
    await page.waitForSelector(`#propose-${id}-lines-error`);
    const outcomeError = await page.textContent(`#pb-${id}-0-outcomes-error`);
    assert(/Outcomes is needed/.test(outcomeError), `the missing outcome is named at the field: ${outcomeError}`);
    const over = await page.textContent(`#propose-${id}-lines-error`);
    assert(over.includes('over the weekly budget of £250.00 by £30.00'), `the total over the budget, in pounds: ${over}`);

    // Within the budget: 7 hours at £22 and a fixed £60 for swimming.
    await page.check(`#pb-${id}-0-outcome-1`);
    await page.fill(`${base}-rate`, '22');
    await page.click(`#propose-${id} button:has-text("Add a line")`);
    await page.fill(`#pb-${id}-1-what`, 'Support to go swimming on Tuesdays');
    await page.check(`#pb-${id}-1-outcome-0`);
    await page.selectOption(`#pb-${id}-1-kind`, 'fixed');
    await page.fill(`#pb-${id}-1-fixed`, '60');
    await page.waitForFunction((sel) => document.querySelector(sel).textContent.includes('Total £214.00 a week of a £250.00 budget: £36.00 left'), `#plans-${id} [data-testid=running-total]`);
    await page.click(`#plans-${id} button[type=submit]:has-text("Propose this plan")`);
    await page.waitForSelector(`#plans-${id} [data-testid=costed-plan][data-version="1"][data-status=proposed]`);
    await signOut(page);

    // The commissioner sends it back with a reason, on the provider's packages page.
    await signIn(page, ctx, 'commissioner');
    await page.goto(`${ctx.base}/providers/${setup.provider}/packages`);
    await page.waitForSelector(`tr[data-package="${id}"] [data-testid=costed-plan-toggle]`);
    assertEqual((await page.textContent(`tr[data-package="${id}"] [data-testid=costed-plan-status]`)).trim(), 'Version 1 waiting for the council', 'the list says a plan waits');
    await page.click(`tr[data-package="${id}"] [data-testid=costed-plan-toggle]`);
    await page.waitForSelector(`#plans-${id} [data-testid=costed-plan][data-version="1"]`);
    assertEqual(await page.$(`#plans-${id} [data-testid=propose-form]`), null, 'the commissioner does not propose');
    const shown = await page.textContent(`#plans-${id} [data-testid=costed-plan]`);
    assert(shown.includes('Support to go swimming on Tuesdays') && shown.includes('£214.00') && shown.includes('7 hours at £22.00 an hour'), `the plan as proposed: ${shown}`);
    await page.click(`#plans-${id} button:has-text("Send back version 1")`);
    await page.waitForSelector(`#plans-${id} .field-error`);
    const needed = await page.textContent(`#plans-${id} .field-error`);
    assert(/Reason.* is needed/.test(needed), `a reason is asked for: ${needed}`);
    await page.fill(`#plans-${id} textarea`, 'Swimming could be two shorter sessions');
    await page.click(`#plans-${id} button:has-text("Send back version 1")`);
    await page.waitForSelector(`#plans-${id} [data-testid=costed-plan][data-version="1"][data-status=sent_back]`);
    await checkAccessibility(page, ctx, 'costed plan answered');
    await signOut(page);

    // The provider sees why, proposes version 2, and the commissioner agrees it.
    await signIn(page, ctx, 'provider_user');
    await page.goto(`${ctx.base}/our-packages`);
    await page.waitForSelector(`tr[data-package="${id}"] [data-testid=costed-plan-toggle]`);
    await page.click(`tr[data-package="${id}"] [data-testid=costed-plan-toggle]`);
    await page.waitForSelector(`#plans-${id} [data-testid=sent-back-reason]`);
    assert((await page.textContent(`#plans-${id} [data-testid=sent-back-reason]`)).includes('Swimming could be two shorter sessions'), 'the reason is shown to the provider');
    await page.fill(`${base}-what`, 'Support to go swimming on Tuesdays and Fridays');
    await page.check(`#pb-${id}-0-outcome-0`);
    await page.fill(`${base}-hours`, '3');
    await page.fill(`${base}-rate`, '20');
    await page.click(`#plans-${id} button[type=submit]:has-text("Propose this plan")`);
    await page.waitForSelector(`#plans-${id} [data-testid=costed-plan][data-version="2"][data-status=proposed]`);
    await signOut(page);
    await signIn(page, ctx, 'commissioner');
    await page.goto(`${ctx.base}/providers/${setup.provider}/packages`);
    await page.waitForSelector(`tr[data-package="${id}"] [data-testid=costed-plan-toggle]`);
    await page.click(`tr[data-package="${id}"] [data-testid=costed-plan-toggle]`);
    await page.waitForSelector(`#plans-${id} button:has-text("Agree version 2")`);
    await page.click(`#plans-${id} button:has-text("Agree version 2")`);
    await page.waitForSelector(`#plans-${id} [data-testid=costed-plan][data-version="2"][data-status=agreed]`);
    const agreed = await page.textContent(`#plans-${id} [data-testid=costed-plan][data-version="2"]`);
    assert(agreed.includes('£60.00') && agreed.includes('Agreed by commissioner'), `agreed, with its total: ${agreed}`);
  });
}
