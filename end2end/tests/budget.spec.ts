// A carer's personal budget: the practitioner signs off their plan and sets the budget with a
// Direct Payment; the carer sees it, records a spend (a bad amount refused first), sees what is
// left and downloads the budget letter. JavaScript on and off, 360 px, axe on every page.
import { test, expect, checkAccessible, newPhone, settle } from './fixtures';
import { signInAs } from './session';
import { addToPlanAndSend } from './journeys';
import { readPdf } from './pdf';

test('a carer sees their budget, records a spend and downloads the letter', async ({ page, jsEnabled, browser }) => {
  const mark = `${jsEnabled ? 'on' : 'off'}-${Date.now()}`;
  await signInAs(page, 'carer@example.org', '/plan');
  await addToPlanAndSend(page, jsEnabled, `A regular break ${mark}`, 'What I want to achieve');

  // The practitioner signs the plan off and sets the budget.
  const office = await newPhone(browser, jsEnabled);
  await signInAs(office, 'practitioner@example.org', '/staff/plans');
  await office.getByRole('link', { name: 'Sam Carer' }).first().click();
  const fill = async (id: string, text: string) => office.locator(`#${id}`).fill(text);
  await fill('needs', 'A regular break from caring');
  await fill('eligibility', 'Eligible');
  await fill('needs_met', 'A Direct Payment for a sitting service');
  await fill('outcomes', 'Time for myself');
  await fill('advice', 'Carers FIRST');
  await fill('contingency', 'CERS plan');
  await fill('review-day', '1');
  await fill('review-month', '6');
  await fill('review-year', '2099');
  await settle(office, jsEnabled);
  await office.getByRole('button', { name: 'Sign off the plan' }).click();
  await office.getByRole('button', { name: 'Set the personal budget' }).click();
  await expect(office.locator('h1')).toHaveText('Set the personal budget for Sam Carer');
  await fill('indicative', '1200');
  await fill('amount', '1300');
  await office.getByRole('radio', { name: 'a year' }).check();
  await office.getByRole('radio', { name: 'A mix of both' }).check();
  await fill('dp_amount', '25');
  await office.getByRole('radio', { name: 'Weekly' }).check();
  await fill('dp_start-day', '1');
  await fill('dp_start-month', '1');
  await fill('dp_start-year', '2026');
  await fill('dp_purpose', `A sitting service so I can go out ${mark}`);
  await checkAccessible(office);
  await settle(office, jsEnabled);
  await office.getByRole('button', { name: 'Set the budget' }).click();
  await expect(office.locator('main')).toContainText('£1,300.00');
  await office.context().close();

  await page.goto('/home');
  await page.getByRole('link', { name: 'Your personal budget' }).click();
  await expect(page.locator('main')).toContainText('£1,300.00 a year');
  await expect(page.locator('main')).toContainText(`A sitting service so I can go out ${mark}`);
  await checkAccessible(page);

  await page.locator('#spent-day').fill('2');
  await page.locator('#spent-month').fill('1');
  await page.locator('#spent-year').fill('2026');
  await page.getByLabel('Amount, in pounds').fill('thirty five');
  await page.getByLabel('What was it for?').fill(`Gym membership ${mark}`);
  await page.getByRole('radio', { name: 'Having time for yourself: rest, hobbies and leisure' }).check();
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Record this spending' }).click();
  await expect(page.locator('#amount-error')).toContainText('Enter an amount in pounds, like 35 or 35.50');
  await expect(page.getByLabel('What was it for?')).toHaveValue(`Gym membership ${mark}`);
  await checkAccessible(page);
  await page.getByLabel('Amount, in pounds').fill('35');
  await page.getByRole('button', { name: 'Record this spending' }).click();
  await expect(page.getByRole('alert')).toContainText('Your spending was recorded.');
  await expect(page.locator('main')).toContainText(`Gym membership ${mark}`);
  await expect(page.getByRole('img', { name: /Your budget: £[\d,.]+ spent, £[\d,.]+ left/ })).toBeVisible();
  await checkAccessible(page);

  await page.getByRole('link', { name: 'Your budget letter (to print or keep)' }).click();
  await expect(page.locator('h1')).toHaveText('Your personal budget letter');
  await checkAccessible(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download your budget letter (PDF)' }).click();
  const pdf = await readPdf(await (await download).path());
  expect(pdf.tagged).toBe(true);
  expect(pdf.text).toContain('£1,300.00');
  expect(pdf.text).toContain(`A sitting service so I can go out ${mark}`);

  // The journey page shows each step in order, with what comes next at the top.
  await page.goto('/home');
  await page.getByRole('link', { name: 'Your journey with the council' }).click();
  await expect(page.locator('h1')).toHaveText('Your journey with the council');
  await expect(page.locator('.govuk-inset-text')).toContainText('What happens next');
  const steps = await page.locator('ol.portal-timeline h3').allInnerTexts();
  const index = (text: string) => steps.findLastIndex((s) => s.startsWith(text));
  expect(index('You sent your support plan to be agreed')).toBeGreaterThanOrEqual(0);
  expect(index('You sent your support plan to be agreed')).toBeLessThan(index('Your support plan was agreed and signed off'));
  expect(index('Your support plan was agreed and signed off')).toBeLessThan(index('Your personal budget was set'));
  expect(index('Your personal budget was set')).toBeLessThan(index('A planned review is due'));
  await checkAccessible(page);
});
