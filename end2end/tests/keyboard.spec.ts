// The account journey with the keyboard alone: Tab to move, Space to choose, Enter to send.
import { test, expect, checkAccessible } from './fixtures';
import { Page } from '@playwright/test';

/** Presses Tab until the focused control is the one named `name` (its label or text). */
async function tabTo(page: Page, name: string) {
  await page.waitForLoadState();
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press('Tab');
    // A page still arriving after the last Enter has no focus to read yet: wait for it.
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      if (!element) return '';
      const label = element.labels?.[0]?.textContent ?? '';
      return (label || element.getAttribute('aria-label') || element.textContent || '').trim();
    }).catch(() => page.waitForLoadState().then(() => ''));
    if (focused === name) return;
  }
  throw new Error(`"${name}" cannot be reached with the Tab key`);
}

test('a carer creates an account, signs out and signs in with the keyboard only', async ({ page, jsEnabled }) => {
  const email = `keys-${Date.now()}-${jsEnabled ? 'on' : 'off'}@example.org`;
  const password = 'typed with keys only';
  await page.goto('/');
  await tabTo(page, 'Sign in');
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('Sign in');

  await tabTo(page, 'Create an account');
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('Create an account');

  // Sending it empty: the error summary takes focus and its links lead to the fields.
  await tabTo(page, 'Create account');
  await page.keyboard.press('Enter');
  await expect(page.locator('.govuk-error-summary')).toBeVisible();
  await checkAccessible(page);

  await tabTo(page, 'I look after someone (a carer)');
  await page.keyboard.press('Space');
  await tabTo(page, 'Your full name');
  await page.keyboard.type('Kim Keys');
  await tabTo(page, 'Email address');
  await page.keyboard.type(email);
  await tabTo(page, 'Create a password');
  await page.keyboard.type(password);
  await tabTo(page, 'Create account');
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('Hello, Kim Keys');

  await tabTo(page, 'Sign out');
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('Carer portal');

  await tabTo(page, 'Sign in');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Email address');
  await page.keyboard.type(email);
  await tabTo(page, 'Password');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('Hello, Kim Keys');
});
