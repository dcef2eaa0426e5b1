// UK GDPR: a carer downloads everything held about them; an admin finds a person and is told
// exactly what is wrong with an erasure request, keeping what they typed (the demo household is
// shared by the other specs, so only a carer registered here is erased), and signs in again
// before an erasure when their sign-in is not recent.
import { test, expect, checkAccessible, newPhone, settle, visit } from './fixtures';
import { signInAs } from './session';
import { finishRegistration } from './journeys';

test('a carer downloads a copy of everything held about them', async ({ page, jsEnabled }) => {
  await signInAs(page, 'carer@example.org');
  await visit(page, '/home', jsEnabled);
  await expect(page.getByRole('heading', { name: 'Your information' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download everything we hold about you (ZIP file)' }).click();
  const zip = await download;
  expect(zip.suggestedFilename()).toMatch(/\.zip$/);
  const bytes = require('node:fs').readFileSync(await zip.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
});

test('an admin finds a person and a wrong erasure request is refused next to its field', async ({ page, jsEnabled }) => {
  await signInAs(page, 'admin@example.org');
  await visit(page, '/home', jsEnabled);
  await page.getByRole('link', { name: 'Data rights requests' }).click();
  await expect(page.locator('h1')).toHaveText('Data rights requests');
  await settle(page, jsEnabled);
  await checkAccessible(page);

  await page.getByLabel('Their email address').fill('nobody@example.org');
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByText('Nobody has an account with that email address.')).toBeVisible();
  await page.getByLabel('Their email address').fill('carer@example.org');
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('link', { name: 'Sam Carer' }).click();
  await expect(page.locator('h1')).toHaveText('Information held about Sam Carer');
  await settle(page, jsEnabled);
  await checkAccessible(page);

  await page.getByLabel('Type their full name to confirm').fill('Sam Someone');
  await page.getByLabel('Why are you erasing their information?').fill('Request DR-0042 by letter');
  await page.getByRole('button', { name: 'Erase their information' }).click();
  await expect(page.locator('#confirm_name-error')).toContainText("The name does not match this person's name");
  await expect(page.getByLabel('Why are you erasing their information?')).toHaveValue('Request DR-0042 by letter');
  await checkAccessible(page);
  // The copy is asked for with a form (audited, so never a link), and saved as a ZIP.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download everything held about Sam Carer/ }).click();
  expect((await download).suggestedFilename()).toMatch(/^carer-portal-data-\d+-[\d-]+\.zip$/);
});

/// Moves the sessions of `email` back eleven minutes, as if they had signed in that long ago and
/// kept the session alive since (the e2e server runs on the real clock).
function signedInElevenMinutesAgo(email: string) {
  const database = require('node:path').join(process.env.PORTAL_DATA_DIR!, 'portal.db');
  const script = `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE sessions SET created_at = strftime('%Y-%m-%dT%H:%M:%f+00:00', created_at, '-11 minutes') "
           "WHERE user_id = (SELECT id FROM users WHERE email = ?)", (sys.argv[2],))
db.commit()`;
  require('node:child_process').execFileSync('python3', ['-c', script, database, email]);
}

test('an erasure asks for a fresh sign-in and keeps what was typed', async ({ page, jsEnabled, browser }) => {
  // Someone to erase: a carer who registers now (the demo household stays as it is).
  const email = `erin-${Date.now()}-${jsEnabled ? 'on' : 'off'}@example.org`;
  const erin = await newPhone(browser, jsEnabled);
  await erin.goto('/register');
  await erin.getByLabel('Your full name').fill('Erin Leaving');
  await erin.getByLabel('Email address').fill(email);
  await erin.getByLabel('Create a password').fill('erin has a long password');
  await erin.getByLabel('I look after someone (a carer)').check();
  await erin.getByRole('button', { name: 'Create account' }).click();
  await finishRegistration(erin, jsEnabled, email);
  await expect(erin.getByRole('heading', { level: 1 })).toHaveText('Hello, Erin Leaving');
  await erin.context().close();

  await signInAs(page, 'admin@example.org', '/staff/data-requests');
  await page.getByLabel('Their email address').fill(email);
  await page.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('link', { name: 'Erin Leaving' }).click();
  await settle(page, jsEnabled);
  await page.getByLabel('Type their full name to confirm').fill('Erin Leaving');
  await page.getByLabel('Why are you erasing their information?').fill('Request DR-0099 by email');
  signedInElevenMinutesAgo('admin@example.org');
  await page.getByRole('button', { name: 'Erase their information' }).click();

  // Signed in, but not recently: sign in again, here with the council account.
  await expect(page.locator('h1')).toHaveText('Sign in');
  await expect(page.locator('.govuk-notification-banner')).toContainText('For your security, sign in again to do this');
  await checkAccessible(page);
  await page.getByRole('button', { name: 'Sign in with your council account' }).click();
  // The provider asks again too, whatever its own session says.
  await page.locator('input[name=login]').fill('admin@example.org');
  await page.locator('input[name=password]').fill('the council password');
  await page.locator('button[type=submit]').click();
  await expect(page.locator('h1')).toHaveText('Information held about Erin Leaving');
  await expect(page.getByLabel('Type their full name to confirm')).toHaveValue('Erin Leaving');
  await expect(page.getByLabel('Why are you erasing their information?')).toHaveValue('Request DR-0099 by email');
  await settle(page, jsEnabled);
  await checkAccessible(page);
  await page.getByRole('button', { name: 'Erase their information' }).click();
  await expect(page.getByText('has been erased')).toBeVisible();
});
