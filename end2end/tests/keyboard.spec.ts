// The account journey with the keyboard alone: Tab to move, Space to choose, Enter to send.
import { test, expect, checkAccessible } from './fixtures';
import { Page } from '@playwright/test';
import { emailedLink } from './mail';

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

/** Tabs to the control named `name` and presses `key` on it (Enter follows or sends). */
async function press(page: Page, name: string, key = 'Enter') {
  await tabTo(page, name);
  await page.keyboard.press(key);
}

/** Tabs to the field labelled `name` and types `text`. */
async function typeInto(page: Page, name: string, text: string) {
  await tabTo(page, name);
  await page.keyboard.type(text);
}

test('a carer creates an account, signs out and signs in with the keyboard only', async ({ page, jsEnabled }) => {
  const email = `keys-${Date.now()}-${jsEnabled ? 'on' : 'off'}@example.org`;
  const password = 'typed with keys only';
  await page.goto('/');
  await press(page, 'Sign in');
  await expect(page.locator('h1')).toHaveText('Sign in');

  await press(page, 'Create an account');
  await expect(page.locator('h1')).toHaveText('Create an account');

  // Sending it empty: the error summary takes focus and its links lead to the fields.
  await press(page, 'Create account');
  await expect(page.locator('.govuk-error-summary')).toBeVisible();
  await checkAccessible(page);

  await press(page, 'I look after someone (a carer)', 'Space');
  await typeInto(page, 'Your full name', 'Kim Keys');
  await typeInto(page, 'Email address', email);
  await typeInto(page, 'Create a password', password);
  await press(page, 'Create account');
  await expect(page.locator('h1')).toHaveText('Check your email');
  // The emailed link opens the page that finishes the account.
  await page.goto(emailedLink(email, '/register/confirm/'));
  await press(page, 'Create my account');
  await expect(page.locator('h1')).toHaveText('Hello, Kim Keys');

  await press(page, 'Sign out');
  await expect(page.locator('h1')).toHaveText('Carer portal');

  await press(page, 'Sign in');
  await typeInto(page, 'Email address', email);
  await typeInto(page, 'Password', password);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('Hello, Kim Keys');
});
