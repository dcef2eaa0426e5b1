// The GOV.UK timeout warning. The page's clock is moved on, not waited for; the server's
// side of idle expiry (and keeping what was posted after it) is covered by integration tests.
import { test, expect, checkAccessible, settle } from './fixtures';
import { signInAs } from './session';

test('a warning comes before the session ends, and staying signed in starts the clock again', async ({
  page,
  jsEnabled,
}) => {
  test.skip(!jsEnabled, 'the warning is a script; without one the sign-in page explains after a timeout');
  await page.clock.install();
  await signInAs(page, 'carer@example.org');
  await settle(page, jsEnabled);
  await expect(page.locator('h1')).toHaveText(/^Hello/);

  const warning = page.getByRole('dialog', { name: 'You’re about to be signed out' });
  await page.clock.fastForward('27:30');
  await expect(warning).toBeHidden();
  await page.clock.fastForward('01:00');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/we will sign you out at \d\d:\d\d/);
  await expect(warning.getByRole('button', { name: 'Stay signed in' })).toBeFocused();
  await checkAccessible(page);

  await warning.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(warning).toBeHidden();
  // The server answered, so the half hour starts again from now.
  await page.clock.fastForward('20:00');
  await expect(warning).toBeHidden();

  // Escape also means "stay signed in".
  await page.clock.fastForward('09:00');
  await expect(warning).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(warning).toBeHidden();
});

test('when the session ends the page stays as it was and says what happens next', async ({ page, jsEnabled }) => {
  test.skip(!jsEnabled, 'the warning is a script; without one the sign-in page explains after a timeout');
  await page.clock.install();
  await signInAs(page, 'carer@example.org');
  await settle(page, jsEnabled);
  const url = page.url();
  await page.clock.fastForward('28:30');
  await page.clock.fastForward('02:00');
  const ended = page.getByRole('dialog', { name: 'You have been signed out' });
  await expect(ended).toBeVisible();
  await expect(ended).toContainText('What you typed on this page is still here');
  await checkAccessible(page);
  await ended.getByRole('button', { name: 'Continue' }).click();
  await expect(ended).toBeHidden();
  expect(page.url()).toBe(url);
});
