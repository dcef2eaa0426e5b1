// Signing in as one of the demo accounts `make run` and scripts/e2e.sh create.
import { Page, expect } from '@playwright/test';

export const demoPassword = 'demo carer portal';

export async function signInAs(page: Page, email: string, next = '') {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.locator('h1')).not.toHaveText('Sign in');
}
