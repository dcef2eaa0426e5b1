// The carer's self-assessment, JavaScript on and off, at phone size, axe on every page:
// answer a few questions, leave, come back and find them; a refused answer keeps the rest;
// send it; a practitioner records the decision; the carer reads it. Then once in Polish.
import { test, expect, checkAccessible, newPhone, settle } from './fixtures';
import { signInAs } from './session';

test('a carer answers, leaves, comes back, sends the assessment and reads the decision', async ({
  page,
  jsEnabled,
  browser,
}) => {
  const mark = `${jsEnabled ? 'on' : 'off'}-${Date.now()}`;
  const first = await newPhone(browser, jsEnabled);
  await signInAs(first, 'carer@example.org');
  await first.getByRole('link', { name: 'Tell us about your caring role, a bit at a time' }).click();
  await expect(first.locator('h1')).toHaveText('Your carer’s assessment');
  await settle(first, jsEnabled);
  await checkAccessible(first);

  // Three answers, one page each.
  await first.getByRole('link', { name: 'About you', exact: true }).click();
  await expect(first.locator('h1')).toHaveText('How old are you?');
  await first.getByLabel('25 to 64').check();
  await settle(first, jsEnabled);
  await first.getByRole('button', { name: 'Continue' }).click();
  await expect(first.locator('h1')).toHaveText('Do you work or study?');
  await first.getByLabel('I work part time').check();
  await first.getByRole('button', { name: 'Continue' }).click();
  await expect(first.locator('h1')).toHaveText('Tell us about your own health');
  await checkAccessible(first);
  await first.getByLabel('Tell us about your own health').fill(`My back hurts ${mark}`);
  await first.getByRole('button', { name: 'Save and come back later' }).click();
  await expect(first.getByRole('alert')).toContainText('Your answers have been saved');
  await expect(first.locator('#about_you-status')).toHaveText('Completed');
  await first.context().close();

  // Later, on a fresh browser: everything is where they left it.
  const later = page;
  await signInAs(later, 'carer@example.org', '/assessment');
  await expect(later.locator('h1')).toHaveText('Your carer’s assessment');
  await later.goto('/assessment/questions/age-band');
  await expect(later.getByLabel('25 to 64')).toBeChecked();
  await later.goto('/assessment/questions/own-health');
  await expect(later.getByLabel('Tell us about your own health')).toHaveValue(`My back hurts ${mark}`);

  // An answer that is too long is refused next to the field, and kept.
  await later.goto('/assessment/questions/not-working');
  await settle(later, jsEnabled);
  const field = later.getByLabel('What is not working?');
  await field.fill('x'.repeat(2001));
  if (jsEnabled) {
    // The GOV.UK character count says so while they type.
    await expect(later.locator('[data-count-for="not_working"]')).toHaveText('You have 1 character too many');
  }
  await later.getByRole('button', { name: 'Continue' }).click();
  await expect(later.locator('#not_working-error')).toContainText(
    'Your answer must be 2000 characters or fewer. You have 2001.',
  );
  await expect(field).toHaveValue('x'.repeat(2001));
  await checkAccessible(later);
  await field.fill('Nights are hard');
  await later.getByRole('button', { name: 'Continue' }).click();
  await expect(later.locator('h1')).toHaveText('What would you like to change or achieve?');

  // Check, then send.
  await later.goto('/assessment/check');
  await expect(later.locator('h1')).toHaveText('Check your answers before sending them');
  await expect(later.locator('.govuk-summary-list')).toContainText([`My back hurts ${mark}`]);
  await expect(later.getByText('Not provided').first()).toBeVisible();
  await settle(later, jsEnabled);
  await checkAccessible(later);
  await later.getByRole('button', { name: 'Send my assessment' }).click();
  await expect(later.locator('h1')).toHaveText('Assessment sent');
  const reference = (await later.locator('.govuk-panel__body strong').textContent())!.trim();
  expect(reference).toMatch(/^CA-\d{6}$/);
  await checkAccessible(later);

  // The practitioner opens it from the queue and records the decision.
  const office = await newPhone(browser, jsEnabled);
  await signInAs(office, 'practitioner@example.org');
  await office.getByRole('link', { name: 'Carers’ assessments' }).click();
  await checkAccessible(office);
  await office.getByRole('link', { name: reference }).click();
  await expect(office.locator('h1')).toHaveText(`Assessment ${reference}`);
  await settle(office, jsEnabled);
  await office.getByRole('button', { name: 'Record decision' }).click();
  await expect(office.locator('#impact_reason-error')).toContainText('Explain this part of the decision in plain words');
  await checkAccessible(office);
  await office.locator('#necessary_care').check();
  await office.locator('#health_at_risk').check();
  await office.locator('#significant_impact').check();
  await office.locator('#necessary_care_reason').fill('Your husband needs care every night.');
  await office.locator('#health_reason').fill('Night care is harming your health.');
  await office.locator('#outcomes_reason').fill('You have no time to rest.');
  await office.locator('#impact_reason').fill('You are exhausted.');
  await office.getByRole('button', { name: 'Record decision' }).click();
  await expect(office.getByRole('heading', { name: 'You are eligible for support as a carer' })).toBeVisible();
  await office.context().close();

  // The carer reads it, explained against the law's test.
  await later.goto('/assessment');
  await later.getByRole('link', { name: 'See the decision about your support' }).click();
  await expect(later.locator('h1')).toHaveText('The decision about your support');
  await expect(later.locator('main')).toContainText('Night care is harming your health.');
  await checkAccessible(later);
});

test('the same journey in Polish', async ({ page, jsEnabled, browser }) => {
  const first = await newPhone(browser, jsEnabled);
  await signInAs(first, 'carer@example.org', '/assessment');
  await first.getByRole('link', { name: 'Polski' }).click();
  await expect(first.locator('h1')).toHaveText('Twoja ocena potrzeb opiekuna');
  await first.locator('a[href="/assessment/questions/age-band"]').click();
  await expect(first.locator('h1')).toHaveText('Ile masz lat?');
  await first.locator('#age_band-25_64').check();
  await settle(first, jsEnabled);
  await first.getByRole('button', { name: 'Dalej' }).click();
  await expect(first.locator('h1')).toHaveText('Czy pracujesz lub się uczysz?');
  await first.getByLabel('Szukam pracy').check();
  await first.getByRole('button', { name: 'Dalej' }).click();
  await first.locator('textarea').fill('ż'.repeat(2001));
  await first.getByRole('button', { name: 'Dalej' }).click();
  await expect(first.locator('#own_health-error')).toContainText('2001');
  await checkAccessible(first);
  await first.locator('textarea').fill('Źle śpię');
  await first.getByRole('button', { name: 'Dalej' }).click();
  await expect(first.locator('h1')).toHaveText('Twoja ocena potrzeb opiekuna');
  await first.context().close();

  // Another day, another browser: the answers are there, and the assessment is sent.
  await signInAs(page, 'carer@example.org', '/assessment/check?lang=pl');
  await expect(page.locator('main')).toContainText('Źle śpię');
  await expect(page.locator('main')).toContainText('Szukam pracy');
  await settle(page, jsEnabled);
  await checkAccessible(page);
  await page.getByRole('button', { name: 'Wyślij moją ocenę' }).click();
  await expect(page.locator('h1')).toHaveText('Ocena wysłana');
  const reference = (await page.locator('.govuk-panel__body strong').textContent())!.trim();
  await checkAccessible(page);

  // The practitioner decides (in English); the carer reads the decision in Polish.
  const office = await newPhone(browser, jsEnabled);
  await signInAs(office, 'practitioner@example.org', '/staff/assessments');
  await office.getByRole('link', { name: reference }).click();
  await settle(office, jsEnabled);
  await office.locator('#necessary_care').check();
  await office.locator('#necessary_care_reason').fill('Codzienna opieka nad mężem.');
  await office.locator('#health_at_risk').check();
  await office.locator('#health_reason').fill('Brak snu szkodzi zdrowiu.');
  await office.locator('#outcomes_reason').fill('Brak czasu na odpoczynek.');
  await office.locator('#significant_impact').check();
  await office.locator('#impact_reason').fill('Wyczerpanie.');
  await office.getByRole('button', { name: 'Record decision' }).click();
  await expect(office.getByRole('heading', { name: 'You are eligible for support as a carer' })).toBeVisible();
  await office.context().close();

  await page.goto('/assessment/decision');
  await expect(page.locator('h1')).toHaveText('Decyzja w sprawie Twojego wsparcia');
  await expect(page.locator('main')).toContainText('Przysługuje Ci wsparcie dla opiekunów');
  await expect(page.locator('main')).toContainText('Brak snu szkodzi zdrowiu.');
  await checkAccessible(page);
});

test('with JavaScript, answers save as they are typed and survive a lost connection', async ({ page, jsEnabled }) => {
  test.skip(!jsEnabled, 'saving while typing is a script; without one, Continue and Save both save');
  const words = `Typed on the bus ${Date.now()}`;
  await signInAs(page, 'carer@example.org', '/assessment/questions/beyond-caring');
  await settle(page, jsEnabled);
  const field = page.getByLabel('What would you like to do outside caring?');
  await field.fill(words);
  await expect(page.getByRole('status')).toContainText('Saved at');
  await page.reload();
  await expect(field).toHaveValue(words);

  // Offline: kept on the device, and sent when the page is next opened with a connection.
  await settle(page, jsEnabled);
  await page.context().setOffline(true);
  await field.fill(`${words}, and more on the way home`);
  await expect(page.getByRole('status')).toContainText('Not saved yet: there is no connection');
  await page.context().setOffline(false);
  await page.reload();
  await settle(page, jsEnabled);
  await expect(field).toHaveValue(`${words}, and more on the way home`);
  await expect(page.getByRole('status')).toContainText('Saved at');
  await page.goto('/assessment/check');
  await expect(page.locator('main')).toContainText(`${words}, and more on the way home`);
});
