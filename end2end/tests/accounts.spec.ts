// Creating an account, signing out and in, and resetting a forgotten password, with JavaScript
// on and off. Each run uses a fresh email address, on the fresh database scripts/e2e.sh gives.
import { test, expect, visit, checkAccessible, settle } from './fixtures';
import { emailedLink } from './mail';
import { finishRegistration } from './journeys';
import { signInAs } from './session';

const password = 'a long enough password';

function uniqueEmail(label: string) {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
}

test('a carer creates an account, signs out and signs in again', async ({ page, jsEnabled }) => {
  const email = uniqueEmail('carer');
  await visit(page, '/register', jsEnabled);

  // A refused form keeps what was typed (never the password) and says what to fix.
  await page.getByLabel('Your full name').fill('Sam Carer');
  await page.getByLabel('Email address').fill('not-an-email');
  await page.getByLabel('Create a password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#role-error')).toContainText('Select whether you are a carer');
  await expect(page.locator('#email-error')).toContainText('Enter an email address in the correct format');
  await expect(page.locator('#password-error')).toContainText('Password must be 10 characters or more');
  await expect(page.getByLabel('Your full name')).toHaveValue('Sam Carer');
  await checkAccessible(page);

  await page.getByLabel('I look after someone (a carer)').check();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Create a password').fill(password);
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Create account' }).click();
  await finishRegistration(page, jsEnabled, email);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Sam Carer');
  await checkAccessible(page);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Carer portal');

  await visit(page, '/sign-in', jsEnabled);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Sam Carer');
});

test('the password can be shown while typing, with JavaScript', async ({ page, jsEnabled }) => {
  await visit(page, '/sign-in', jsEnabled);
  const field = page.getByLabel('Password', { exact: true });
  await field.fill('secret words here');
  if (!jsEnabled) {
    await expect(page.getByRole('button', { name: 'Show password' })).toBeHidden();
    return;
  }
  await page.getByRole('button', { name: 'Show password' }).click();
  await expect(field).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: 'Hide password' }).click();
  await expect(field).toHaveAttribute('type', 'password');
});

test('registering with an address that has an account says only to check email', async ({ page, jsEnabled }) => {
  await visit(page, '/register', jsEnabled);
  await page.getByLabel('I look after someone (a carer)').check();
  await page.getByLabel('Your full name').fill('Someone Else');
  await page.getByLabel('Email address').fill('carer@example.org');
  await page.getByLabel('Create a password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email');
  await expect(page.locator('main')).not.toContainText('There is already an account');
  await checkAccessible(page);
  // The owner's email says someone tried, and how to sign in.
  expect(emailedLink('carer@example.org', '/sign-in')).toBe('/sign-in');
});

test('a forgotten password is reset through the emailed link', async ({ page, jsEnabled }) => {
  const email = uniqueEmail('reset');
  await visit(page, '/register', jsEnabled);
  await page.getByLabel('I am cared for by someone').check();
  await page.getByLabel('Your full name').fill('Pat Customer');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Create a password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await finishRegistration(page, jsEnabled, email);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Pat Customer');
  await page.getByRole('button', { name: 'Sign out' }).click();

  await visit(page, '/sign-in', jsEnabled);
  await page.getByRole('link', { name: 'I have forgotten my password' }).click();
  await settle(page, jsEnabled);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email');

  const link = emailedLink(email, '/password-reset/');

  await visit(page, link, jsEnabled);
  await page.getByLabel('Create a password').fill('a brand new password');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('Your password has been changed')).toBeVisible();
  await checkAccessible(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('a brand new password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hello, Pat Customer');
});

test('a practitioner sees their caseload and the audit log', async ({ page, jsEnabled }) => {
  await signInAs(page, 'practitioner@example.org');
  await expect(page.getByRole('heading', { name: 'Your caseload' })).toBeVisible();
  await page.getByRole('link', { name: 'Sam Carer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sam Carer');
  await checkAccessible(page);
  await visit(page, '/staff/audit', jsEnabled);
  await expect(page.getByRole('cell', { name: 'viewed person summary' }).first()).toBeVisible();
});
