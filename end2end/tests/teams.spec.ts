// An admin makes a team for some postcode areas (a code that is not one is refused next to its
// field, the rest kept), then changes it to cover everywhere on the team's page. JavaScript on
// and off, at phone size, axe on every page and error state.
import { test, expect, checkAccessible, settle } from './fixtures';
import { signInAs } from './session';

test('an admin makes a team for some postcode areas and changes where it covers', async ({ page, jsEnabled }) => {
  const name = `North ${jsEnabled ? 'on' : 'off'} ${Date.now()}`;
  await signInAs(page, 'admin@example.org');
  await page.getByRole('link', { name: 'Teams', exact: true }).click();
  await expect(page.locator('h1')).toHaveText('Teams');
  await checkAccessible(page);

  await page.getByLabel('Team name').fill(name);
  await page.getByRole('radio', { name: 'Carers and the people they care for' }).check();
  await page.getByLabel('Postcode areas and districts (optional)').fill('LS6, Leeds');
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page.locator('#areas-error')).toContainText('“LEEDS” is not a postcode area or district');
  await expect(page.getByLabel('Team name')).toHaveValue(name);
  await expect(page.getByLabel('Postcode areas and districts (optional)')).toHaveValue('LS6, Leeds');
  await checkAccessible(page);

  await page.getByLabel('Postcode areas and districts (optional)').fill('ls6 LS7');
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page.locator('h1')).toHaveText(name);
  const where = page.locator('.govuk-summary-list__row').filter({ hasText: 'Where' });
  await expect(where).toContainText('LS6, LS7');
  // The rule form starts from the rule now.
  await expect(page.getByLabel('Postcode areas and districts (optional)')).toHaveValue('LS6, LS7');
  await expect(page.getByRole('radio', { name: 'Carers and the people they care for' })).toBeChecked();
  await checkAccessible(page);

  await page.getByLabel('Postcode areas and districts (optional)').fill('');
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Save the rule' }).click();
  await expect(page.locator('.govuk-notification-banner')).toContainText("The team's rule is saved");
  await expect(where).toContainText('Everywhere');
  await checkAccessible(page);
});
