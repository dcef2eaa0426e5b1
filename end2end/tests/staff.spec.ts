// An admin adds a practitioner in the app; the practitioner sets their own password from
// the emailed link (the outbox folder stands in for the council's mail server).
import { test, expect, checkAccessible, newPhone, settle } from './fixtures';
import { signInAs } from './session';
import { emailedLink } from './mail';

test('an admin adds a practitioner, who then chooses their own password', async ({ page, jsEnabled, browser }) => {
  const email = `pat-${Date.now()}-${jsEnabled ? 'on' : 'off'}@council.example`;
  await signInAs(page, 'admin@example.org');
  await page.getByRole('link', { name: 'Staff accounts' }).click();
  await expect(page.locator('h1')).toHaveText('Staff accounts');
  await settle(page, jsEnabled);
  await checkAccessible(page);

  await page.getByLabel('Full name').fill('Pat Practitioner');
  await page.getByLabel('Work email address').fill('pat@');
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await expect(page.locator('#email-error')).toContainText('Enter an email address in the correct format');
  await expect(page.locator('#role-error')).toBeVisible();
  await expect(page.getByLabel('Full name')).toHaveValue('Pat Practitioner');
  await checkAccessible(page);

  await page.getByLabel('Work email address').fill(email);
  await page.getByLabel('Practitioner').check();
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await expect(page.getByRole('alert')).toContainText('We have added Pat Practitioner');
  await expect(page.getByRole('cell', { name: email })).toBeVisible();

  const link = emailedLink(email, '/password-reset/');
  const newcomer = await newPhone(browser, jsEnabled);
  await newcomer.goto(link);
  await newcomer.getByLabel('Create a password').fill('my very own password');
  await newcomer.getByRole('button', { name: 'Save new password' }).click();
  await newcomer.getByLabel('Email address').fill(email);
  await newcomer.getByLabel('Password', { exact: true }).fill('my very own password');
  await newcomer.getByRole('button', { name: 'Sign in', exact: true }).click();
  // Staff signing in with a password set up two-factor sign-in before anything else.
  await expect(newcomer.locator('h1')).toHaveText('Two-factor sign-in');
  await expect(newcomer.locator('.govuk-warning-text')).toContainText('Council staff must use two-factor sign-in');
  await newcomer.goto('/home');
  await expect(newcomer.locator('h1')).toHaveText('Two-factor sign-in');

  // When Pat leaves, the admin switches the account off: Pat's session ends at once.
  await page.getByRole('row', { name: email }).getByRole('link', { name: 'Pat Practitioner' }).click();
  await expect(page.locator('h1')).toHaveText('Pat Practitioner');
  await settle(page, jsEnabled);
  await checkAccessible(page);
  await page.getByRole('button', { name: 'Switch off account' }).click();
  await expect(page.getByRole('alert')).toContainText('Their sessions have ended');
  await expect(page.getByRole('button', { name: 'Switch account back on' })).toBeVisible();
  await newcomer.goto('/home');
  await expect(newcomer).toHaveURL(/\/sign-in\?next=/);
  await newcomer.context().close();
});

test('a carer cannot reach the staff accounts page', async ({ page, jsEnabled }) => {
  await signInAs(page, 'carer@example.org');
  const response = await page.goto('/staff/users');
  expect(response?.status()).toBe(404);
  await settle(page, jsEnabled);
});

test('an admin sees which emails could not be sent', async ({ page, jsEnabled }) => {
  await signInAs(page, 'admin@example.org');
  await page.getByRole('link', { name: 'Emails not sent' }).click();
  await expect(page.locator('h1')).toHaveText('Emails not sent');
  // The mail relay (here, the outbox folder) took every email.
  await expect(page.locator('main')).toContainText('Every email has been sent.');
  await settle(page, jsEnabled);
  await checkAccessible(page);
});
