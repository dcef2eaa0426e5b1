// A customer (the person cared for, not a carer) asks for a review of their plan and sees its
// status change once their practitioner arranges it. JavaScript on and off, at phone size,
// axe on every page and error state.
import { test, expect, checkAccessible, newPhone, settle } from './fixtures';
import { signInAs } from './session';

test('a customer asks for a review and sees it arranged', async ({ page, jsEnabled, browser }) => {
  const mark = `${jsEnabled ? 'on' : 'off'}-${Date.now()}`;
  await signInAs(page, 'customer@example.org');
  await page.getByRole('link', { name: 'Reviews of your plan' }).click();
  await expect(page.locator('h1')).toHaveText('Reviews of your plan');
  await checkAccessible(page);
  await page.getByRole('button', { name: 'Ask for a review of your plan' }).click();
  await expect(page.locator('h1')).toHaveText('Ask for a review of your plan');

  // Only part filled in: a message next to each missing answer, what was typed kept.
  await page.getByLabel('What has changed?').fill(`My eyesight is getting worse ${mark}`);
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Send my request' }).click();
  await expect(page.locator('#reason-error')).toContainText('Choose why you want a review');
  await expect(page.locator('#method-error')).toContainText('Choose how the review should happen');
  await expect(page.getByLabel('What has changed?')).toHaveValue(`My eyesight is getting worse ${mark}`);
  await checkAccessible(page);

  await page.getByRole('radio', { name: 'My needs or circumstances have changed' }).check();
  await page.getByRole('radio', { name: 'By telephone' }).check();
  await page.getByLabel('Who would you like to be involved? (optional)').fill('My daughter, Jess');
  await page.getByRole('radio', { name: 'In the next few weeks' }).check();
  await page.getByRole('button', { name: 'Send my request' }).click();
  await expect(page.locator('.govuk-panel__title')).toHaveText('Review request sent');
  const reference = (await page.locator('.govuk-panel__body').innerText()).replace('Reference ', '').trim();
  expect(reference).toMatch(/^RV-\d{6}$/);
  await expect(page.locator('main')).toContainText('Received');
  await checkAccessible(page);

  // The practitioner arranges it: a past date is refused next to the field, then a real one.
  const office = await newPhone(browser, jsEnabled);
  await signInAs(office, 'practitioner@example.org');
  await office.getByRole('link', { name: 'Reviews due' }).click();
  await checkAccessible(office);
  await office.getByRole('link', { name: 'Pat Customer' }).last().click();
  await expect(office.locator('main')).toContainText(`My eyesight is getting worse ${mark}`);
  await office.locator('#arranged-day').fill('1');
  await office.locator('#arranged-month').fill('1');
  await office.locator('#arranged-year').fill('2020');
  await office.getByRole('radio', { name: 'Face to face' }).check();
  await settle(office, jsEnabled);
  await office.getByRole('button', { name: 'Arrange the review' }).click();
  await expect(office.locator('#arranged-day-error')).toContainText('The date of the review must be today or in the future');
  await checkAccessible(office);
  await office.locator('#arranged-year').fill('2099');
  await office.getByRole('button', { name: 'Arrange the review' }).click();
  await expect(office.locator('main')).toContainText('Face to face on 1 January 2099');
  await expect(office.getByRole('heading', { name: 'Record the outcome' })).toBeVisible();
  await checkAccessible(office);
  await office.context().close();

  await page.goto('/reviews');
  await page.getByRole('link', { name: `Reference ${reference}` }).click();
  await expect(page.locator('main')).toContainText('Arranged');
  await expect(page.locator('main')).toContainText('Face to face on 1 January 2099');
  await checkAccessible(page);

  // On the journey page the request comes before the arranged review, which is what comes next.
  await page.goto('/timeline');
  const steps = await page.locator('ol.portal-timeline h3').allInnerTexts();
  const asked = steps.findIndex((s) => s === `You asked for a review: ${reference}`);
  expect(asked).toBeGreaterThanOrEqual(0);
  expect(steps.slice(asked + 1).some((s) => s.startsWith('Your review is arranged'))).toBe(true);
  await expect(page.locator('.govuk-inset-text')).toContainText('Your review is arranged');
  await checkAccessible(page);
});
