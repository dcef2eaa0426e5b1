// Every person reaches a team: someone who registers as a cared-for person asks for a review; it
// waits in the team's intake until the team manager allocates them a worker; the worker arranges
// and records the review; the person sees who their worker is and the outcome. JavaScript on and
// off, at phone size, axe on every page and error state.
import { test, expect, checkAccessible, newPhone, settle, visit } from './fixtures';
import { signInAs } from './session';
import { finishRegistration } from './journeys';

test('a new cared-for person asks for a review and the team allocates them a worker', async ({
  page,
  jsEnabled,
  browser,
}) => {
  const mark = `${jsEnabled ? 'on' : 'off'}-${Date.now()}`;
  const name = `Dana Newcomer ${mark}`;

  // Dana registers and asks for a review straight away.
  await visit(page, '/register', jsEnabled);
  await page.getByLabel('I am cared for by someone').check();
  await page.getByLabel('Your full name').fill(name);
  await page.getByLabel('Email address').fill(`dana-${mark}@example.org`);
  await page.getByLabel('Create a password').fill('a long enough password');
  // A postcode that is not one is refused next to its field; the rest is kept.
  await page.getByLabel('Postcode (optional)').fill('LS6');
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#postcode-error')).toContainText('Enter a real postcode');
  await expect(page.getByLabel('Your full name')).toHaveValue(name);
  await expect(page.getByLabel('Postcode (optional)')).toHaveValue('LS6');
  await checkAccessible(page);
  await page.getByLabel('Postcode (optional)').fill('ls6 2ab');
  await page.getByLabel('Create a password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await finishRegistration(page, jsEnabled, `dana-${mark}@example.org`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hello, ${name}`);
  await expect(page.locator('main')).toContainText('You do not have a named worker at the council yet.');
  await page.getByRole('link', { name: 'Reviews of your plan' }).click();
  await page.getByRole('button', { name: 'Ask for a review of your plan' }).click();
  await page.getByRole('radio', { name: 'My needs or circumstances have changed' }).check();
  await page.getByLabel('What has changed?').fill(`I have started a new job ${mark}`);
  await page.getByRole('radio', { name: 'By telephone' }).check();
  await page.getByRole('radio', { name: 'In the next few weeks' }).check();
  await page.getByRole('button', { name: 'Send my request' }).click();
  await expect(page.locator('.govuk-panel__title')).toHaveText('Review request sent');

  // The team manager finds Dana in intake with what they sent, and allocates them to Alex.
  const manager = await newPhone(browser, jsEnabled);
  await signInAs(manager, 'manager@example.org');
  await manager.getByRole('link', { name: 'Intake: people waiting for a worker' }).click();
  await expect(manager.locator('h1')).toHaveText('Intake: people waiting for a worker');
  const row = manager.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Asked for a review');
  await expect(row).toContainText('Adult care north');
  await checkAccessible(manager);
  await row.getByRole('link', { name }).click();
  await expect(manager.locator('h1')).toHaveText(name);
  await expect(manager.locator('main')).toContainText('LS6 2AB');
  await checkAccessible(manager);

  // Nobody chosen: the message is next to the question and the note is kept.
  const note = `Prefers calls after 3pm ${mark}`;
  await manager.getByLabel('Handover note').fill(note);
  await settle(manager, jsEnabled);
  await manager.getByRole('button', { name: 'Allocate' }).click();
  await expect(manager.locator('#practitioner-error')).toContainText('Choose who will work with them');
  await expect(manager.getByLabel('Handover note')).toHaveValue(note);
  await checkAccessible(manager);
  await manager.getByRole('radio', { name: 'Alex Practitioner' }).check();
  await manager.getByRole('button', { name: 'Allocate' }).click();
  await expect(manager.locator('.govuk-notification-banner')).toContainText(
    `Alex Practitioner is now ${name}'s worker.`,
  );
  await expect(manager.locator('main')).toContainText(note);
  await checkAccessible(manager);
  await manager.context().close();

  // Alex sees the request in their reviews, arranges it for today and records the outcome.
  const alex = await newPhone(browser, jsEnabled);
  await signInAs(alex, 'practitioner@example.org');
  await alex.getByRole('link', { name: 'Reviews due' }).click();
  await alex.getByRole('link', { name }).click();
  await expect(alex.locator('main')).toContainText(`I have started a new job ${mark}`);
  const today = new Date();
  await alex.locator('#arranged-day').fill(String(today.getDate()));
  await alex.locator('#arranged-month').fill(String(today.getMonth() + 1));
  await alex.locator('#arranged-year').fill(String(today.getFullYear()));
  await alex.getByRole('radio', { name: 'By telephone' }).check();
  await alex.getByRole('button', { name: 'Arrange the review' }).click();
  await expect(alex.getByRole('heading', { name: 'Record the outcome' })).toBeVisible();
  await alex.getByRole('radio', { name: 'No change: the plan keeps working as it is' }).check();
  await alex.getByLabel('What the review found').fill(`Support still fits with the new job ${mark}`);
  await settle(alex, jsEnabled);
  await alex.getByRole('button', { name: 'Record the outcome' }).click();
  await expect(alex.locator('main')).toContainText(`Support still fits with the new job ${mark}`);
  await checkAccessible(alex);
  await alex.context().close();

  // Dana sees who their worker is, and the outcome.
  await page.goto('/home');
  await expect(page.locator('main')).toContainText('Alex Practitioner works with you');
  await checkAccessible(page);
  await page.goto('/reviews');
  await page.getByRole('link', { name: /^Reference RV-/ }).first().click();
  await expect(page.locator('main')).toContainText('No change: the plan keeps working as it is');
  await expect(page.locator('main')).toContainText(`Support still fits with the new job ${mark}`);
  await page.goto('/timeline');
  await expect(page.locator('main')).toContainText('Your worker is: Alex Practitioner');
  await checkAccessible(page);
});
