// The authorisation matrix over the pages: each demo role signs in, opens every
// page its home page and the main navigation offer (and, on the first person's
// record it is shown, every page that record offers), and none may show a
// refusal or an error, or throw in the browser; pages offered to other roles
// but not to this one must show the refusal, never data.

const ROLES = ['administrator', 'assessor', 'team_manager', 'panel_member', 'finance_officer', 'commissioner', 'provider_user', 'analyst', 'data_protection_officer', 'person'];

// Counts the page's requests in flight, so a walk waits until a page has
// settled: no request pending and nothing loading, for several polls running.
function trackRequests() {
  window.__inflight = 0;
  const original = window.fetch;
  window.fetch = (...args) => {
    window.__inflight += 1;
    return original(...args).finally(() => {
      window.__inflight -= 1;
    });
  };
}

async function settled(page) {
  await page.waitForFunction(
    () => {
      const main = document.querySelector('main');
      const quiet = window.__inflight === 0 && main && main.textContent.trim() !== '' && !main.querySelector('.loading');
      window.__quietPolls = quiet ? (window.__quietPolls || 0) + 1 : 0;
      return window.__quietPolls >= 3;
    },
    null,
    { polling: 40, timeout: 15000 },
  );
}

// What the page shows instead of its content, if anything: an ErrorMessage
// (.error-summary) or the "needs permission" prompt (RequireAllowed).
async function refusalShown(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const errors = [...main.querySelectorAll('.error-summary')].map((box) => box.textContent.trim());
    const prompt = /This page needs permission to/.test(main.textContent) ? 'needs permission' : '';
    // A refusal from the server shown some other way (a field's error, a note): its words.
    const refusal = main.textContent.match(/[^.]*(does not see the [a-z_]+ part|is not one you may see|needs one of the roles)[^.]*/);
    return [...errors, prompt, refusal && !errors.length ? refusal[0].trim() : ''].filter(Boolean);
  });
}

// Same-site links in the given parts of the page, without the query and hash duplicates.
async function linksIn(page, selector) {
  return page.$$eval(selector, (anchors) => [...new Set(anchors.map((anchor) => new URL(anchor.href, location.href)).filter((url) => url.origin === location.origin).map((url) => url.pathname + url.search))]);
}

export function registerPageWalkTests(test, { assert, signIn }) {
  test('page walk: every page offered to each role opens without a refusal or error; pages not offered refuse', async ({ page, ctx }) => {
    await page.addInitScript(trackRequests);
    const scriptErrors = [];
    page.on('pageerror', (error) => scriptErrors.push(`${page.url()}: ${error}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) scriptErrors.push(`${page.url()}: ${message.text()}`);
    });
    const offered = new Map();
    const problems = [];
    let opened = 0;
    // The public pages (the navigation before anyone signs in) are the same for
    // everyone: opened once here, not again for each role.
    await page.goto(`${ctx.base}/`);
    await settled(page);
    const publicPages = (await linksIn(page, 'nav[aria-label=Main] a')).filter((href) => !/^\/(sign-in|home)?$/.test(href.split('?')[0]));
    for (const href of publicPages) {
      const before = scriptErrors.length;
      await page.goto(`${ctx.base}${href}`);
      await settled(page);
      opened += 1;
      const refused = await refusalShown(page);
      if (refused.length) problems.push(`the public page ${href} shows: ${refused.join(' | ')}`);
      if (scriptErrors.length > before) problems.push(`public ${href}: ${scriptErrors.slice(before).join('; ')}`);
    }
    for (const role of ROLES) {
      await page.context().clearCookies();
      await signIn(page, ctx, role);
      await settled(page);
      const pages = (await linksIn(page, 'nav[aria-label=Main] a, main [data-role] a')).filter((href) => !/^\/(sign-in|home)?$/.test(href.split('?')[0]));
      offered.set(role, new Set(pages));
      const queue = pages.filter((href) => !publicPages.includes(href));
      let record = null;
      for (let visit_idx = 0; visit_idx < queue.length; visit_idx++) {
        const href = queue[visit_idx];
        const before = scriptErrors.length;
        await page.goto(`${ctx.base}${href}`);
        await settled(page);
        opened += 1;
        const refused = await refusalShown(page);
        if (refused.length) problems.push(`${role} was offered ${href}, which shows: ${refused.join(' | ')}`);
        if (scriptErrors.length > before) problems.push(`${role} on ${href}: ${scriptErrors.slice(before).join('; ')}`);
        // The first person's record the role is shown, and the pages it offers about them.
        if (!record) {
          const people = (await linksIn(page, 'main a')).filter((link) => /^\/people\/\d+$/.test(link));
          if (people.length) {
            record = people[0];
            queue.push(record);
          }
        } else if (href === record) {
          for (const link of await linksIn(page, 'main a')) {
            if (link.startsWith(`${record}/`) && !/\/(edit|new)\b/.test(link) && !queue.includes(link)) queue.push(link);
          }
        }
      }
    }
    console.log(`  pages walked: ${[...offered].map(([role, pages]) => `${role} ${[...pages].join(' ')}`).join('; ')}`);
    // Pages offered to some role but not to this one show the refusal, not data.
    const everyPage = new Set([...offered.values()].flatMap((pages) => [...pages]));
    let refusedChecked = 0;
    for (const role of ['provider_user', 'finance_officer', 'commissioner', 'person']) {
      const notOffered = [...everyPage].filter((href) => !offered.get(role).has(href)).slice(0, 4);
      await page.context().clearCookies();
      await signIn(page, ctx, role);
      for (const href of notOffered) {
        await page.goto(`${ctx.base}${href}`);
        await settled(page);
        refusedChecked += 1;
        console.log(`  ${role} not offered ${href}`);
        const refused = await refusalShown(page);
        if (!refused.length) problems.push(`${role} was not offered ${href}, yet it opens without a refusal`);
      }
    }
    assert(problems.length === 0, `${problems.length} problems in ${opened} pages:\n    ${problems.join('\n    ')}`);
    assert(opened >= ROLES.length * 2, `only ${opened} pages opened`);
    assert(refusedChecked >= 8, `only ${refusedChecked} pages not offered were checked`);
  });
}
