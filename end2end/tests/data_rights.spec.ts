// UK GDPR: a carer downloads everything held about them; an admin finds a person and is told
// exactly what is wrong with an erasure request, keeping what they typed (nobody is erased
// here: the demo household is shared by the other specs).
import { test, expect, checkAccessible, settle, visit } from './fixtures';
import { signInAs } from './session';

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
