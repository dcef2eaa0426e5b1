// Council staff sign in through the council's identity provider: a real OpenID Connect provider
// (scripts/oidc-provider.mjs, started by the Playwright config) stands in for the council's.
// A practitioner chooses "Sign in with your council account", signs in on the provider's own
// page and lands where they were going; someone the portal has no staff account for is told
// why beside the button. JavaScript on and off, at phone size, axe on the portal's pages.
import { test, expect, checkAccessible } from './fixtures';
import type { Page } from '@playwright/test';

/// The provider's own login page (any password: the test provider checks only the login).
async function signInAtProvider(page: Page, login: string) {
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill('the council password');
  await page.locator('button[type=submit]').click();
}

test('a practitioner signs in with their council account', async ({ page }) => {
  await page.goto('/sign-in?next=%2Fstaff%2Fintake');
  await expect(page.getByRole('heading', { name: 'Council staff' })).toBeVisible();
  await checkAccessible(page);
  await page.getByRole('button', { name: 'Sign in with your council account' }).click();
  await signInAtProvider(page, 'practitioner@example.org');
  await expect(page).toHaveURL(/\/staff\/intake$/);
  await expect(page.getByRole('button', { name: 'Sign out' }).first()).toBeVisible();
  await checkAccessible(page);
});

test('someone with no staff account is told so beside the button', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in with your council account' }).click();
  await signInAtProvider(page, 'stranger@council.example.gov.uk');
  await expect(page).toHaveTitle(/^Error: /);
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('There is no staff account in this portal for your council account');
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#council-sign-in');
  await expect(page.locator('#council-sign-in')).toBeVisible();
  await checkAccessible(page);
});
