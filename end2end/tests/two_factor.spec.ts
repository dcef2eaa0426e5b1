// Two-factor sign-in: an admin adds a practitioner, who sets their password from the emailed
// link, turns on two-factor with an authenticator app (the QR code's key, typed here as an app
// would compute it), and is then asked for a code after their password; a wrong code is refused
// next to the box. JavaScript on and off, at phone size, axe on every page and error state.
import { createHmac } from 'node:crypto';
import { test, expect, checkAccessible, newPhone, settle } from './fixtures';
import { signInAs } from './session';
import { emailedLink } from './mail';

/// The six-digit code an authenticator app shows (RFC 6238, SHA-1, 30 seconds), `ahead` steps on.
function appCode(key: string, ahead = 0): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of key.replace(/\s/g, '')) {
    value = ((value << 5) | alphabet.indexOf(c)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  const step = Buffer.alloc(8);
  step.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000) + ahead));
  const hash = createHmac('sha1', Buffer.from(bytes)).update(step).digest();
  const at = hash[hash.length - 1] & 15;
  const number = ((hash[at] & 127) << 24) | (hash[at + 1] << 16) | (hash[at + 2] << 8) | hash[at + 3];
  return String(number % 1_000_000).padStart(6, '0');
}

test('a practitioner turns on two-factor sign-in and is then asked for a code', async ({
  page,
  jsEnabled,
  browser,
}) => {
  const email = `kit-${Date.now()}-${jsEnabled ? 'on' : 'off'}@council.example`;
  const password = 'kit has a long password';
  await signInAs(page, 'admin@example.org');
  await page.getByRole('link', { name: 'Staff accounts' }).click();
  await page.getByLabel('Full name').fill('Kit Practitioner');
  await page.getByLabel('Work email address').fill(email);
  await page.getByLabel('Practitioner', { exact: true }).check();
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await expect(page.getByRole('alert')).toContainText('We have added Kit Practitioner');

  const kit = await newPhone(browser, jsEnabled);
  await kit.goto(emailedLink(email, '/password-reset/'));
  await kit.getByLabel('Create a password').fill(password);
  await kit.getByRole('button', { name: 'Save new password' }).click();
  await kit.getByLabel('Email address').fill(email);
  await kit.getByLabel('Password', { exact: true }).fill(password);
  await kit.getByRole('button', { name: 'Sign in', exact: true }).click();
  // Staff with a password alone are sent to set up two-factor sign-in, whatever they ask for.
  await expect(kit.locator('h1')).toHaveText('Two-factor sign-in');
  await expect(kit.locator('.govuk-warning-text')).toContainText('Council staff must use two-factor sign-in');
  await kit.goto('/staff/intake');
  await expect(kit.locator('h1')).toHaveText('Two-factor sign-in');
  await checkAccessible(kit);

  // Setting up: the QR code (an SVG drawn by the server), the key, the recovery codes.
  await settle(kit, jsEnabled);
  await kit.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  await expect(kit.getByRole('img', { name: 'A QR code for your authenticator app' })).toBeVisible();
  await expect(kit.locator('.portal-qr svg')).toBeVisible();
  await expect(kit.locator('ul code')).toHaveCount(10);
  const key = (await kit.locator('.portal-secret').textContent())!;
  await checkAccessible(kit);
  await settle(kit, jsEnabled);
  await kit.getByLabel('Code', { exact: true }).fill('12345');
  await kit.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await expect(kit.locator('#code-error')).toContainText('Enter the 6 digits from your app');
  await checkAccessible(kit);
  await kit.getByLabel('Code', { exact: true }).fill(appCode(key));
  await kit.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await expect(kit.locator('.govuk-notification-banner')).toContainText('Two-factor sign-in is on');
  await kit.getByRole('button', { name: 'Sign out' }).first().click();

  // The password is not enough now.
  await kit.goto('/sign-in');
  await kit.getByLabel('Email address').fill(email);
  await kit.getByLabel('Password', { exact: true }).fill(password);
  await kit.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(kit.locator('h1')).toHaveText('Enter your code');
  await checkAccessible(kit);
  await settle(kit, jsEnabled);
  await kit.getByLabel('Code', { exact: true }).fill('000000');
  await kit.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(kit.locator('#code-error')).toContainText('The code is not right');
  await checkAccessible(kit);
  await kit.getByLabel('Code', { exact: true }).fill(appCode(key, 1));
  await kit.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(kit.locator('h1')).toHaveText('Hello, Kit Practitioner');
  await kit.context().close();
});
