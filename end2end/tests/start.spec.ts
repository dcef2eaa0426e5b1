// The start page says what the portal is for, and the language switcher works and is remembered.
import { test, expect, visit } from './fixtures';

test('the start page explains the portal and quotes the person\'s rights', async ({ page, jsEnabled }) => {
  await visit(page, '/', jsEnabled);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Carer portal');
  await expect(page.getByText('you and anyone else you request should also get a written copy')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
  await expect(page).toHaveTitle(/Carer portal/);
});

test('a person can switch to Polish and the choice is remembered', async ({ page, jsEnabled }) => {
  await visit(page, '/', jsEnabled);
  await page.getByRole('link', { name: 'Polski' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Portal dla opiekunów');
  await visit(page, '/contact', jsEnabled);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kontakt');

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await visit(page, '/', jsEnabled);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Carer portal');
});

test('the footer links to real accessibility, privacy and contact pages', async ({ page, jsEnabled }) => {
  await visit(page, '/', jsEnabled);
  for (const [link, heading] of [
    ['Accessibility statement', 'Accessibility statement'],
    ['Privacy notice', 'Privacy notice'],
    ['Contact us', 'Contact us'],
  ]) {
    await page.getByRole('contentinfo').getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await visit(page, page.url(), jsEnabled);
    }
});

test('an unknown address gets a helpful not-found page', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});
