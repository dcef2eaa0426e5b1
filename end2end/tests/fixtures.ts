// Shared test set-up: every page visited is checked with axe (WCAG 2.2 A and AA, target size
// included), and with JavaScript on any script error fails the test.
import { test as base, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const test = base.extend<{ jsEnabled: boolean }>({
  jsEnabled: async ({ javaScriptEnabled }, use) => {
    await use(javaScriptEnabled !== false);
  },
  page: async ({ page, javaScriptEnabled }, use, testInfo) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // The browser logs every 4xx answer to a request; forms answer refused input with 422
      // and unknown pages with 404 on purpose. Anything else is a real problem.
      if (/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
      problems.push(`console error: ${message.text()}`);
    });
    await use(page);
    await checkAccessible(page);
    await testInfo.attach('final page', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
    if (javaScriptEnabled !== false) {
      expect(problems, 'script errors in the browser').toEqual([]);
    }
  },
});

export { expect };

/** Runs axe on the page as it is now; any violation fails the test. */
export async function checkAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .withRules(['target-size'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `accessibility problems on ${page.url()}`).toEqual([]);
}

/** Opens a page, checks it loaded and is accessible, and (with JavaScript) that the islands are awake. */
export async function visit(page: Page, path: string, jsEnabled: boolean) {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBeLessThan(400);
  await settle(page, jsEnabled);
  await checkAccessible(page);
}

/** With JavaScript, waits until every enhanced form on the page has its script running. */
export async function settle(page: Page, jsEnabled: boolean) {
  if (!jsEnabled) return;
  const forms = page.locator('leptos-island form');
  const count = await forms.count();
  for (let i = 0; i < count; i++) {
    await expect(forms.nth(i)).toHaveAttribute('data-enhanced', '');
  }
}

/** The page shows no horizontal scroll at phone width. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'horizontal overflow in pixels').toBeLessThanOrEqual(0);
}
