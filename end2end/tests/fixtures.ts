// Shared test set-up: every page visited is checked with axe (WCAG 2.2 A and AA, target size
// included), and with JavaScript on any script error fails the test.
import { test as base, expect, Browser, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The portal under test (scripts/e2e.sh sets PORTAL_BIND, as the Playwright config reads it). */
const portalOrigin = `http://${process.env.PORTAL_BIND ?? '127.0.0.1:3100'}`;

/** Whether each page under test runs JavaScript (set by the fixture below). */
const javaScriptOn = new WeakMap<Page, boolean>();

export const test = base.extend<{ jsEnabled: boolean }>({
  jsEnabled: async ({ javaScriptEnabled }, use) => {
    await use(javaScriptEnabled !== false);
  },
  page: async ({ page, javaScriptEnabled }, use, testInfo) => {
    javaScriptOn.set(page, javaScriptEnabled !== false);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // The browser logs every 4xx answer to a request; forms answer refused input with 422
      // and unknown pages with 404 on purpose. Anything else is a real problem.
      if (/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
      // Tests that cut the connection on purpose see the browser say so.
      if (message.text().includes('net::ERR_INTERNET_DISCONNECTED')) return;
      // The council's identity provider's own pages (another site: in the tests, the stand-in
      // that fetches a web font from the internet) are not the portal's to check.
      const from = message.location().url;
      if (from && !from.startsWith(portalOrigin)) return;
      problems.push(`console error: ${message.text()}`);
    });
    await use(page);
    // A test skipped before it opened a page (JavaScript-only journeys, run without it) has
    // nothing to check.
    if (page.url() !== 'about:blank') await checkAccessible(page);
    await testInfo.attach('final page', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    if (javaScriptEnabled !== false) {
      expect(problems, 'script errors in the browser').toEqual([]);
    }
  },
});

export { expect };

/** Opens another phone-sized browser (a later visit, another person) checked like `page`. */
export async function newPhone(browser: Browser, jsEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: jsEnabled });
  const page = await context.newPage();
  javaScriptOn.set(page, jsEnabled);
  return page;
}

/**
 * Runs axe on the page as it is now; any violation fails the test. axe is itself a script, so
 * when the page has JavaScript turned off its HTML is checked in a second tab that has
 * JavaScript but loads none of the portal's own scripts: the markup checked is exactly what a
 * person without JavaScript gets. The same check makes sure nothing scrolls sideways.
 */
export async function checkAccessible(page: Page) {
  if (javaScriptOn.get(page) !== false) {
    await runAxe(page);
    return;
  }
  // The document is requested without its #fragment.
  const url = page.url().split('#')[0];
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const context = await page.context().browser()!.newContext({ viewport: page.viewportSize()!, javaScriptEnabled: true });
  const checker = await context.newPage();
  await checker.route('**/*', (route) => {
    const request = route.request();
    if (request.url() === url && request.resourceType() === 'document') {
      return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
    }
    if (/\.(js|wasm)(\?|$)/.test(request.url())) return route.abort();
    return route.continue();
  });
  await checker.goto(url);
  try {
    await runAxe(checker, url);
  } finally {
    await context.close();
  }
}

/** axe, plus WCAG 1.4.10 reflow at phone width: no horizontal scrolling. */
async function runAxe(page: Page, shownUrl = page.url()) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal overflow in pixels on ${shownUrl}`).toBeLessThanOrEqual(0);
  const results = await new AxeBuilder({ page })
    // Every WCAG 2.2 A and AA rule, plus target-size (2.5.8), which axe tags as best practice.
    // (withRules after withTags would replace the tags and run target-size alone.)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .options({ rules: { 'target-size': { enabled: true } } })
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `accessibility problems on ${shownUrl}`).toEqual([]);
}

/** Opens a page, checks it loaded and is accessible, and (with JavaScript) that the islands are awake. */
export async function visit(page: Page, path: string, jsEnabled: boolean) {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBeLessThan(400);
  await settle(page, jsEnabled);
  await checkAccessible(page);
}

/** With JavaScript, waits until every island on the page (forms, timeout warning) is running. */
export async function settle(page: Page, jsEnabled: boolean) {
  if (!jsEnabled) return;
  const warning = page.locator('dialog.portal-timeout');
  if ((await warning.count()) > 0) await expect(warning).toHaveAttribute('data-ready', '');
  const forms = page.locator('leptos-island form[data-summary-title]');
  const count = await forms.count();
  for (let i = 0; i < count; i++) {
    await expect(forms.nth(i)).toHaveAttribute('data-enhanced', '');
  }
}
