// Steps several journeys take on the way to what they test.
import { Page } from '@playwright/test';
import { checkAccessible, expect, settle, visit } from './fixtures';
import { emailedLink } from './mail';

/** The carer adds `text` to their plan under `section` and sends the plan to be agreed. */
export async function addToPlanAndSend(page: Page, jsEnabled: boolean, text: string, section: string) {
  await page.getByLabel('What do you want to say?').fill(text);
  await page.getByRole('radio', { name: section }).check();
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Add to my plan' }).click();
  await expect(page.getByRole('alert')).toContainText('Added to your plan.');
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Send my plan to be agreed' }).click();
  await expect(page.getByRole('alert')).toContainText('Your plan has been sent.');
}

/** A member of staff filling in a carer's assessment with them sends it, then stops filling in. */
export async function sendAssessmentAndStop(page: Page, jsEnabled: boolean) {
  await page.goto('/assessment/check');
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Send my assessment' }).click();
  await expect(page.locator('h1')).toHaveText('Assessment sent');
  await page.goto('/assessment');
  await page.getByRole('button', { name: 'Stop' }).click();
}

/** Staff start a record for a carer with no account: refused without a name, then its letter. */
export async function startRecordFor(page: Page, jsEnabled: boolean, name: string) {
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Start their record' }).click();
  await expect(page.locator('#name-error')).toContainText('Enter');
  await checkAccessible(page);
  await page.getByLabel("The carer's full name").fill(name);
  await page.getByRole('button', { name: 'Start their record' }).click();
  await expect(page.locator('h1')).toHaveText(`Letter for ${name}`);
}

/** After "Create account": the page says to check email; the emailed link finishes the account. */
export async function finishRegistration(page: Page, jsEnabled: boolean, email: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email');
  await checkAccessible(page);
  await visit(page, emailedLink(email, '/register/confirm/'), jsEnabled);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Finish creating your account');
  await page.getByRole('button', { name: 'Create my account' }).click();
}
