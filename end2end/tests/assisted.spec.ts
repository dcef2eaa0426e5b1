// A practitioner completes the assessment on the phone with a carer who has no email, gives them
// a letter with a code, and the carer later takes over the account with it and confirms their
// answers. JavaScript on and off, at phone size, axe on every page and error state.
import { test, expect, checkAccessible, newPhone, settle, visit } from './fixtures';
import { signInAs } from './session';
import { sendAssessmentAndStop, startRecordFor } from './journeys';

test('a practitioner fills in an assessment for a carer with no email, who takes it over later', async ({
  page,
  jsEnabled,
  browser,
}) => {
  const mark = `${jsEnabled ? 'on' : 'off'}-${Date.now()}`;
  const name = `Dana Phone ${mark}`;

  // Alex starts the record; a name is needed.
  const alex = await newPhone(browser, jsEnabled);
  await signInAs(alex, 'practitioner@example.org');
  await alex.getByRole('link', { name: 'Start a record for a carer with no account' }).click();
  await startRecordFor(alex, jsEnabled, name);
  await expect(alex.locator('main')).toContainText(`Dear ${name}`);
  const code = (await alex.locator('[data-letter-code]').innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4}$/);
  await checkAccessible(alex);

  // On the phone together: Alex fills in and sends Dana's assessment.
  await alex.getByRole('button', { name: 'Fill in their assessment with them' }).click();
  await expect(alex.locator('.govuk-notification-banner')).toContainText(
    `You are filling in ${name}'s assessment with them.`,
  );
  await checkAccessible(alex);
  await alex.getByRole('link', { name: 'About you', exact: true }).click();
  await expect(alex.locator('.govuk-notification-banner')).toContainText(name);
  await alex.getByLabel('25 to 64').check();
  await settle(alex, jsEnabled);
  await alex.getByRole('button', { name: 'Continue' }).click();
  await alex.getByLabel('I work part time').check();
  await alex.getByRole('button', { name: 'Continue' }).click();
  await expect(alex.locator('h1')).toHaveText('Tell us about your own health');
  await settle(alex, jsEnabled);
  await alex.getByLabel('Tell us about your own health').fill(`Knees are bad ${mark}`);
  await alex.getByRole('button', { name: 'Save and come back later' }).click();
  // Wait for the save to land before leaving: going elsewhere mid-save interrupts it.
  await expect(alex.getByRole('alert')).toContainText('Your answers have been saved');
  await sendAssessmentAndStop(alex, jsEnabled);
  await expect(alex.locator('h1')).toContainText('Hello');
  await alex.context().close();

  // Weeks later Dana takes over the account with the code: a wrong code is refused next to it.
  await visit(page, '/take-over', jsEnabled);
  await page.getByLabel('The code in your letter').fill('ZZZZ ZZZZ ZZZZ');
  await page.getByLabel('Email address').fill(`dana-${mark}@example.org`);
  await page.getByLabel('Create a password').fill('a long enough password');
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Take over my account' }).click();
  await expect(page.locator('#code-error')).toBeVisible();
  await expect(page.getByLabel('Email address')).toHaveValue(`dana-${mark}@example.org`);
  await checkAccessible(page);
  await page.getByLabel('The code in your letter').fill(code.toLowerCase());
  await page.getByLabel('Create a password').fill('a long enough password');
  await page.getByRole('button', { name: 'Take over my account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hello, ${name}`);
  await expect(page.locator('main')).toContainText('Alex Practitioner works with you');

  // Dana reads what was filled in and confirms it.
  await page.goto('/assessment');
  await expect(page.locator('main')).toContainText('Alex Practitioner filled this in with you');
  await checkAccessible(page);
  await page.getByRole('button', { name: 'My answers are right' }).click();
  await expect(page.locator('main')).toContainText('We have noted that your answers are right');
  await expect(page.getByRole('button', { name: 'My answers are right' })).toHaveCount(0);
  await checkAccessible(page);
});
