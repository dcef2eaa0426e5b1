// A trusted assessor at a carers' centre starts a record for a carer with no email, fills in
// their assessment with them and sends it; it waits in the council's intake, where a team
// manager sees it. JavaScript on and off, at phone size, axe on every page and error state.
import { test, expect, checkAccessible, newPhone, settle } from './fixtures';
import { signInAs } from './session';
import { sendAssessmentAndStop, startRecordFor } from './journeys';

test('a trusted assessor fills in an assessment that reaches the council to decide', async ({
  page,
  jsEnabled,
  browser,
}) => {
  const mark = `${jsEnabled ? 'on' : 'off'}-${Date.now()}`;
  const name = `Dana Centre ${mark}`;

  await signInAs(page, 'assessor@example.org');
  await expect(page.locator('main')).toContainText('Trusted assessor');
  await expect(page.getByRole('link', { name: 'Intake' })).toHaveCount(0);
  await checkAccessible(page);
  await page.getByRole('link', { name: 'Start a record for a carer with no account' }).click();
  await expect(page.locator('main')).toContainText('decides the assessment you send');
  await startRecordFor(page, jsEnabled, name);
  await checkAccessible(page);

  await page.getByRole('button', { name: 'Fill in their assessment with them' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText(name);
  await page.getByRole('link', { name: 'About you', exact: true }).click();
  await page.getByLabel('25 to 64').check();
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('I work part time').check();
  await page.getByRole('button', { name: 'Save and come back later' }).click();
  await expect(page.getByRole('alert')).toContainText('Your answers have been saved');
  await sendAssessmentAndStop(page, jsEnabled);
  // Dana is on Tariq's list, to reach the letter again.
  await expect(page.getByRole('link', { name })).toBeVisible();
  await checkAccessible(page);

  // The council's team manager sees Dana waiting, with the assessment.
  const morgan = await newPhone(browser, jsEnabled);
  await signInAs(morgan, 'manager@example.org');
  await morgan.goto('/staff/intake');
  const row = morgan.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText("Sent a carer's assessment");
  await checkAccessible(morgan);
  await morgan.context().close();
});
