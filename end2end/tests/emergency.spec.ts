// The emergency plan end to end: a carer writes it (a bad phone number is refused next to the
// field, nothing typed is lost), confirms it and prints the card; a responder looks the plan up
// by the card's code (a wrong code first) and sees only that plan, including how to get in;
// the carer then sees the look-up. JavaScript on and off, 360 px, axe on every page.
import { test, expect, checkAccessible, newPhone, settle } from './fixtures';
import { signInAs } from './session';
import { readPdf } from './pdf';

test('a carer writes and confirms an emergency plan, prints the card, and a responder looks it up', async ({ page, jsEnabled, browser }) => {
  const mark = `${jsEnabled ? 'on' : 'off'}-${Date.now()}`;
  await signInAs(page, 'carer@example.org');
  await page.getByRole('link', { name: 'Your emergency plan' }).click();
  await expect(page.locator('h1')).toHaveText('Your emergency plan');
  await checkAccessible(page);
  await page.getByRole('button', { name: /Write your emergency plan|Change your plan/ }).click();
  await expect(page.locator('h1')).toHaveText('Write your emergency plan');

  await page.getByLabel('Name of the person you care for').fill('Pat');
  await page.getByLabel('Their daily routine').fill(`Up at 7, lunch at 12 ${mark}`);
  await page.getByLabel('Medicines').fill('Metformin with breakfast');
  await page.locator('#contact1_name').fill('Jo Neighbour');
  await page.locator('#contact1_phone').fill('call me');
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Save and confirm it is right' }).click();
  await expect(page.locator('#contact1_phone-error')).toContainText('Enter a phone number');
  await expect(page.getByLabel('Their daily routine')).toHaveValue(`Up at 7, lunch at 12 ${mark}`);
  await checkAccessible(page);

  await page.locator('#contact1_phone').fill('01632 960 001');
  await page.locator('#contact1_agreed').check();
  // How to get in is kept from the browser's spelling services and autofill memory.
  await expect(page.getByLabel('The address, and how to get in')).toHaveAttribute('spellcheck', 'false');
  await expect(page.getByLabel('The address, and how to get in')).toHaveAttribute('autocomplete', 'off');
  await page.getByLabel('The address, and how to get in').fill(`12 Elm Road, key safe ${mark}`);
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Save and confirm it is right' }).click();
  await expect(page.locator('.govuk-notification-banner--success')).toContainText('Your emergency plan is confirmed as right');
  await expect(page.locator('main')).toContainText('Up to date');
  await expect(page.locator('main')).not.toContainText(`key safe ${mark}`);
  await checkAccessible(page);

  await page.getByRole('button', { name: 'Your emergency card' }).click();
  await expect(page.locator('h1')).toHaveText('Your emergency card');
  const code = (await page.locator('[data-card-code]').innerText()).trim();
  expect(code).toMatch(/^[0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4}$/);
  await expect(page.locator('.portal-card')).not.toContainText('Sam');
  await checkAccessible(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the card (PDF)' }).click();
  const pdf = await readPdf(await (await download).path());
  expect(pdf.tagged).toBe(true);
  expect(pdf.text).toContain(code);
  expect(pdf.text).not.toContain('Sam');

  // The responder: a mistyped code first, then the right one.
  const responder = await newPhone(browser, jsEnabled);
  await signInAs(responder, 'responder@example.org');
  await responder.getByRole('link', { name: 'Look up an emergency plan' }).click();
  await checkAccessible(responder);
  await responder.getByLabel('Card code').fill('AAAA BBBB CCCC');
  await responder.getByRole('radio', { name: 'The carer has been taken ill or injured' }).check();
  await settle(responder, jsEnabled);
  await responder.getByRole('button', { name: 'Look up the plan' }).click();
  await expect(responder.locator('#code-error')).toContainText('No plan has this code');
  await checkAccessible(responder);
  await responder.getByLabel('Card code').fill(code.toLowerCase().replaceAll(' ', '-'));
  await responder.getByRole('button', { name: 'Look up the plan' }).click();
  await expect(responder.locator('h1')).toHaveText('Emergency plan of Sam Carer');
  await expect(responder.locator('[data-home-access]')).toContainText(`key safe ${mark}`);
  await expect(responder.locator('main')).toContainText('Jo Neighbour');
  await checkAccessible(responder);
  await responder.context().close();

  await page.goto('/emergency');
  await expect(page.getByRole('table')).toContainText('Jo Responder');
  await checkAccessible(page);
});

test('a council employee finds the employee carers network in two taps', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Are you a council employee who is also a carer?' }).click();
  await expect(page.locator('h1')).toHaveText('Council employees who are carers');
  await expect(page.locator('main')).toContainText('employee carer network meetings');
  await checkAccessible(page);
});

test('a carer finds a service by searching “advocacy”', async ({ page, jsEnabled }) => {
  await signInAs(page, 'carer@example.org');
  await page.getByRole('link', { name: 'Find local support' }).first().click();
  await expect(page.locator('h1')).toHaveText('Find local support');
  await checkAccessible(page);
  await page.getByLabel('What are you looking for?').fill('advocacy');
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { name: 'Services found: 2' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Independent advocacy' })).toBeVisible();
  await checkAccessible(page);
});

test('a carer invites a helper and sees the code to give them', async ({ page, jsEnabled }) => {
  await signInAs(page, 'carer@example.org');
  await page.getByRole('link', { name: 'Family and helpers' }).click();
  await expect(page.locator('main')).toContainText('Pat Customer');
  await checkAccessible(page);
  await page.getByRole('button', { name: 'Invite a helper' }).click();
  await page.getByLabel('Their name').fill('Alex Helper');
  await page.getByLabel('Their email address').fill('alex');
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.locator('#email-error')).toContainText('Enter an email address in the correct format');
  await expect(page.getByLabel('Their name')).toHaveValue('Alex Helper');
  await checkAccessible(page);
  await page.getByLabel('Their email address').fill('alex@example.org');
  await page.getByRole('radio', { name: 'look at my records', exact: true }).check();
  await page.getByRole('button', { name: 'Send the invitation' }).click();
  await expect(page.locator('.govuk-panel__title')).toHaveText('Invitation ready');
  await expect(page.locator('[data-invitation-code]')).toHaveText(/^[0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4}$/);
  await checkAccessible(page);
});
