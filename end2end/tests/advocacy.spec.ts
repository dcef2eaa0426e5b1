// A practitioner records independent advocacy for a person they work with: refused answers
// come back with a message next to the field and what was typed kept, then the advocate the
// person accepted is saved with their agreement to a copy of the plan. JavaScript on and off,
// at phone size, axe on every state.
import { test, expect, checkAccessible, settle } from './fixtures';
import { signInAs } from './session';

test('a practitioner records that the person accepted an independent advocate', async ({ page, jsEnabled }) => {
  const advocate = `Ola Advocate ${jsEnabled ? 'on' : 'off'}`;

  await signInAs(page, 'practitioner@example.org');
  await page.getByRole('link', { name: 'Pat Customer' }).click();
  await page.getByRole('link', { name: 'Independent advocacy' }).click();
  await expect(page.locator('h1')).toHaveText('Independent advocacy for Pat Customer');
  await checkAccessible(page);

  // Declined, with an advocate's details typed in: refused next to the name, all of it kept.
  // (The form starts from what is recorded, so each step sets every field it relies on.)
  await settle(page, jsEnabled);
  await page.getByLabel('Declined').check();
  await page.getByLabel("The advocate's full name").fill(advocate);
  await page.getByLabel("The advocate's email address").fill('ola@advocacy.example');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#advocate_name-error')).toContainText('They declined an advocate');
  await expect(page.getByLabel("The advocate's email address")).toHaveValue('ola@advocacy.example');
  await expect(page.getByLabel('Declined')).toBeChecked();
  await checkAccessible(page);

  // Accepted, without the advocate's name: refused, the email kept.
  await page.getByLabel('Accepted').check();
  await page.getByLabel("The advocate's full name").fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('#advocate_name-error')).toContainText("Enter the advocate's name");
  await expect(page.getByLabel("The advocate's email address")).toHaveValue('ola@advocacy.example');
  await checkAccessible(page);

  await page.getByLabel("The advocate's full name").fill(advocate);
  await page.getByLabel('Their advocate is sent a copy of their plan when it is signed off').check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText('Advocacy is recorded');
  await expect(page.locator('.govuk-summary-list')).toContainText(advocate);
  await expect(page.locator('.govuk-summary-list')).toContainText('They agree their advocate is sent a copy');
  await checkAccessible(page);
});
