// The person's own plan, JavaScript on and off, at phone size, axe on every page: words added
// to "What is important to me", a paragraph in their own words mapped into sections (one
// moved by the person), reordering and removing.
import { test, expect, checkAccessible, settle } from './fixtures';
import { signInAs } from './session';

test('a carer adds to their plan and maps their own words into its sections', async ({ page, jsEnabled }) => {
  const mark = `${jsEnabled ? 'on' : 'off'}-${Date.now()}`;
  await signInAs(page, 'carer@example.org');
  await page.getByRole('link', { name: 'Your plan in your own words' }).click();
  await expect(page.locator('h1')).toHaveText('My support plan');
  await settle(page, jsEnabled);
  await checkAccessible(page);

  // Nothing chosen: refused, and the words are kept.
  await page.getByLabel('What do you want to say?').fill(`Sunday lunch with my grandchildren ${mark}`);
  await page.getByRole('button', { name: 'Add to my plan' }).click();
  await expect(page.locator('#section-error')).toContainText('Choose which part of your plan this is for');
  await expect(page.getByLabel('What do you want to say?')).toHaveValue(`Sunday lunch with my grandchildren ${mark}`);
  await checkAccessible(page);
  await page.getByRole('radio', { name: 'What is important to me' }).check();
  await page.getByRole('button', { name: 'Add to my plan' }).click();
  await expect(page.getByRole('alert')).toContainText('Added to your plan.');
  await expect(page.locator('section#important, section[aria-labelledby="important"]')).toContainText(
    `Sunday lunch with my grandchildren ${mark}`,
  );

  // Own words: split, proposed with reasons, one part moved, then added.
  await page.getByRole('link', { name: 'Write it all in my own words instead' }).click();
  await settle(page, jsEnabled);
  await page
    .getByLabel('Your words')
    .fill(`My faith and my dog matter most ${mark}.\n\nI struggle at night ${mark}.\n\nI would like a weekly break ${mark}.`);
  await page.getByRole('button', { name: 'Suggest where each part goes' }).click();
  await expect(page.locator('h1')).toHaveText('Where each part could go');
  await expect(page.locator('main')).toContainText('We suggested this because it mentions: faith, dog.');
  await checkAccessible(page);
  await page.locator('#section-1').selectOption('achieve');
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Add these to my plan' }).click();
  await expect(page.getByRole('alert')).toContainText('3 parts were added to your plan.');
  const achieve = page.locator('section[aria-labelledby="achieve"]');
  await expect(achieve).toContainText(`I struggle at night ${mark}.`);
  await expect(achieve).toContainText(`I would like a weekly break ${mark}.`);
  await checkAccessible(page);

  // Reorder and remove.
  const breakItem = achieve.locator('li', { hasText: `I would like a weekly break ${mark}.` });
  await breakItem.getByRole('button', { name: 'Move up' }).click();
  await expect(async () => {
    const text = (await achieve.textContent()) ?? '';
    expect(text.indexOf(`I would like a weekly break ${mark}.`)).toBeLessThan(text.indexOf(`I struggle at night ${mark}.`));
  }).toPass();
  await achieve.locator('li', { hasText: `I struggle at night ${mark}.` }).getByRole('button', { name: 'Remove' }).click();
  await expect(achieve).not.toContainText(`I struggle at night ${mark}.`);
});

test('a carer adds a photo to "What is important to me", with a description', async ({ page, jsEnabled }) => {
  const mark = `${jsEnabled ? 'on' : 'off'}-${Date.now()}`;
  await signInAs(page, 'carer@example.org', '/plan');
  await expect(page.locator('h1')).toHaveText('My support plan');

  // Sent without a file or a section: messages next to the fields, the rest kept.
  await page.getByLabel('Caption (optional)').fill(`Sunday lunch ${mark}`);
  await page.getByRole('button', { name: 'Add this file to my plan' }).click();
  await expect(page.locator('#file-error')).toContainText('Choose a photo, voice note or video to add');
  await expect(page.getByLabel('Caption (optional)')).toHaveValue(`Sunday lunch ${mark}`);
  await checkAccessible(page);

  await page.getByLabel('Choose a photo, voice note or video').setInputFiles('fixtures/handwritten-note.jpg');
  await page.getByLabel('Describe the picture for someone who cannot see it').fill(`My handwritten note ${mark}`);
  await page.locator('#upload_section').selectOption('important');
  await page.getByRole('button', { name: 'Add this file to my plan' }).click();
  await expect(page.getByRole('alert')).toContainText('Added to your plan.');
  const picture = page.getByRole('img', { name: `My handwritten note ${mark}` });
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.locator('section[aria-labelledby="important"]')).toContainText(`Sunday lunch ${mark}`);
  await checkAccessible(page);
});
