// Signing in as one of the demo accounts `make run` and scripts/e2e.sh create.
import { Page, expect } from '@playwright/test';

export const demoPassword = 'demo carer portal';

/// The demo staff accounts. They sign in with their council account (scripts/e2e.sh points the
/// portal at a real OpenID Connect provider): with a password alone, staff must first set up
/// two-factor sign-in (two_factor.spec.ts and staff.spec.ts show that way).
const portal = `http://${process.env.PORTAL_BIND ?? '127.0.0.1:3100'}`;
const councilStaff = /^(practitioner|manager|admin|responder|assessor)@example\.org$/;

export async function signInAs(page: Page, email: string, next = '') {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  if (councilStaff.test(email)) {
    // The provider's own session (its cookies, which do not tell ports apart) would sign the
    // last person in again without asking: start each sign-in at its login form.
    await page.context().clearCookies({ name: /^_(session|interaction)/ });
    await page.getByRole('button', { name: 'Sign in with your council account' }).click();
    await page.locator('input[name=login]').fill(email);
    await page.locator('input[name=password]').fill('the council password');
    await page.locator('button[type=submit]').click();
    await page.waitForURL((url) => url.origin === portal && !url.pathname.startsWith('/auth/'));
    await expect(page.locator('h1')).not.toHaveText('Sign in');
    return;
  }
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.locator('h1')).not.toHaveText('Sign in');
}
