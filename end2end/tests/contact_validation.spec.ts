// A form refused by the server comes back with everything the person typed and a message next
// to each field — with JavaScript (no reload) and without (post, redirect, get).
import { test, expect, visit, checkAccessible, settle } from './fixtures';

test('an empty message and a too-long name are refused, keeping what was typed', async ({ page, jsEnabled }) => {
  await visit(page, '/contact', jsEnabled);
  if (jsEnabled) await page.evaluate(() => ((window as any).notReloaded = true));

  const longName = 'N'.repeat(101);
  await page.getByLabel('Your name (optional)').fill(longName);
  await page.getByLabel('Email address (optional)').fill('carer@example.org');
  await page.getByRole('button', { name: 'Send message' }).click();

  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Enter your message' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Name must be 100 characters or fewer' })).toBeVisible();
  await expect(page.locator('#message-error')).toContainText('Enter your message');
  await expect(page.locator('#name-error')).toContainText('Name must be 100 characters or fewer');
  await expect(page.getByLabel('Your name (optional)')).toHaveValue(longName);
  await expect(page.getByLabel('Email address (optional)')).toHaveValue('carer@example.org');
  await expect(page).toHaveTitle(/^Error: /);
  if (jsEnabled) {
    expect(await page.evaluate(() => (window as any).notReloaded)).toBe(true);
  }
  await checkAccessible(page);

  // The summary links take the person to the field.
  await summary.getByRole('link', { name: 'Enter your message' }).click();
  await expect(page.locator('#message')).toBeFocused();
});

test('a message over the limit is refused and kept in full', async ({ page, jsEnabled }) => {
  await visit(page, '/contact', jsEnabled);
  const long = 'Caring for my mum every night. '.repeat(40).trim(); // well over 1200 characters
  await page.getByLabel('Your message').fill(long);
  await page.getByLabel('Email address (optional)').fill('not an email');
  await page.getByRole('button', { name: 'Send message' }).click();

  await expect(page.locator('#message-error')).toContainText('Message must be 1200 characters or fewer');
  await expect(page.locator('#email-error')).toContainText('Enter an email address in the correct format');
  await expect(page.getByLabel('Your message')).toHaveValue(long);
  await expect(page.getByLabel('Email address (optional)')).toHaveValue('not an email');
  await checkAccessible(page);

  // Fixing the answers sends the message and gives a reference.
  await page.getByLabel('Your message').fill('Please call me about a carer\'s assessment.');
  await page.getByLabel('Email address (optional)').fill('');
  await page.getByLabel('Your name (optional)').fill('Ann Carer');
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Message sent');
  await expect(page.locator('.govuk-panel__body')).toContainText(/CM-\d{6}/);
});

test('messages come back in Polish for a Polish speaker', async ({ page, jsEnabled }) => {
  await visit(page, '/contact?lang=pl', jsEnabled);
  await page.getByRole('button', { name: 'Wyślij wiadomość' }).click();
  await expect(page.locator('#message-error')).toContainText('Wpisz swoją wiadomość');
  await expect(page.locator('.govuk-error-summary__title')).toHaveText('Wystąpił problem');
  await visit(page, '/?lang=en', jsEnabled);
});
