// The person's own plan, JavaScript on and off, at phone size, axe on every page: words added
// to "What is important to me", a paragraph in their own words mapped into sections (one
// moved by the person), reordering and removing, a photo, sending, sign-off and the PDF copy.
import { test, expect, checkAccessible, newPhone, settle } from './fixtures';
import { signInAs } from './session';
import { addToPlanAndSend } from './journeys';
import { readPdf } from './pdf';

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
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Add this file to my plan' }).click();
  await expect(page.locator('#file-error')).toContainText('Choose a photo, voice note or video to add');
  await expect(page.getByLabel('Caption (optional)')).toHaveValue(`Sunday lunch ${mark}`);
  await checkAccessible(page);

  // A web page named like a photo: refused by its bytes, with what was typed kept.
  const chooser = page.getByLabel('Choose a photo, voice note or video');
  await chooser.setInputFiles('fixtures/web-page-named-photo.jpg');
  await page.getByLabel('Describe the picture for someone who cannot see it').fill(`My handwritten note ${mark}`);
  await page.locator('#upload_section').selectOption('important');
  await page.getByRole('button', { name: 'Add this file to my plan' }).click();
  await expect(page.locator('#file-error')).toContainText('The file must be a photo (JPEG, PNG or WebP), a voice note or a video');
  await expect(page.getByLabel('Describe the picture for someone who cannot see it')).toHaveValue(`My handwritten note ${mark}`);
  await expect(page.getByLabel('Caption (optional)')).toHaveValue(`Sunday lunch ${mark}`);
  await checkAccessible(page);

  await chooser.setInputFiles('fixtures/handwritten-note.jpg');
  if (jsEnabled) {
    // A preview of the chosen picture, and a progress bar while it is sent (over a slow
    // phone connection, so the bar can be seen).
    const preview = page.getByRole('img', { name: 'The picture you chose' });
    await expect(preview).toBeVisible();
    expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const network = await page.context().newCDPSession(page);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 300,
      downloadThroughput: -1,
      uploadThroughput: 16 * 1024,
    });
  }
  await page.locator('#upload_section').selectOption('important');
  await page.getByRole('button', { name: 'Add this file to my plan' }).click();
  if (jsEnabled) {
    await expect(page.getByLabel('Sending your file')).toBeVisible();
  }
  // Over the slow connection this can take a while on a busy machine.
  await expect(page.getByRole('alert')).toContainText('Added to your plan.', { timeout: 30_000 });
  const picture = page.getByRole('img', { name: `My handwritten note ${mark}` });
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.locator('section[aria-labelledby="important"]')).toContainText(`Sunday lunch ${mark}`);
  await checkAccessible(page);

  // Changing its description: emptied, it is refused next to the field; then changed.
  await page.getByRole('link', { name: new RegExp(`^Change\\W+Sunday lunch ${mark}$`) }).click();
  await expect(page.locator('h1')).toHaveText('Change this part of your plan');
  const description = page.getByLabel('Describe the picture for someone who cannot see it');
  await expect(description).toHaveValue(`My handwritten note ${mark}`);
  await description.fill('');
  await settle(page, jsEnabled);
  await page.getByRole('button', { name: 'Save the change' }).click();
  await expect(page.locator('#alt_text-error')).toContainText('Describe what is in the picture');
  await expect(page.getByLabel('Caption (optional)')).toHaveValue(`Sunday lunch ${mark}`);
  await checkAccessible(page);
  await description.fill(`My handwritten note about Sundays ${mark}`);
  await page.getByRole('button', { name: 'Save the change' }).click();
  await expect(page.getByRole('alert')).toContainText('Your change was saved.');
  await expect(page.getByRole('img', { name: `My handwritten note about Sundays ${mark}` })).toBeVisible();
});

test('a carer sends the plan and a practitioner completes and signs it off', async ({ page, jsEnabled, browser }) => {
  const mark = `${jsEnabled ? 'on' : 'off'}-${Date.now()}`;
  await signInAs(page, 'carer@example.org', '/plan');
  await addToPlanAndSend(page, jsEnabled, `My garden ${mark}`, 'What is important to me');

  const office = await newPhone(browser, jsEnabled);
  await signInAs(office, 'practitioner@example.org');
  await office.getByRole('link', { name: 'Plans to sign off' }).click();
  await checkAccessible(office);
  await office.getByRole('link', { name: 'Sam Carer' }).first().click();
  await expect(office.locator('h1')).toHaveText('Agree the plan for Sam Carer');
  await expect(office.locator('main')).toContainText(`My garden ${mark}`);
  await settle(office, jsEnabled);
  await office.getByRole('button', { name: 'Sign off the plan' }).click();
  await expect(office.locator('#needs-error')).toContainText('Complete ‘The needs identified’');
  await expect(office.locator('#review-day-error')).toContainText('Enter the anticipated review date');
  await checkAccessible(office);
  const fill = async (id: string, text: string) => office.locator(`#${id}`).fill(text);
  await fill('needs', 'Help with meals and a regular break');
  await fill('eligibility', 'Eligible: two outcomes cannot be achieved');
  await fill('needs_met', 'A sitting service one afternoon a week');
  await fill('outcomes', `Time for the garden ${mark}`);
  await fill('advice', 'Carers FIRST can help with benefits');
  await fill('contingency', 'The emergency plan is held by the Carers Emergency Response Service');
  await fill('review-day', '15');
  await fill('review-month', '1');
  await fill('review-year', '2099');
  await office.getByRole('button', { name: 'Sign off the plan' }).click();
  await expect(office.locator('h1')).toContainText('Support plan for Sam Carer');
  await expect(office.locator('main')).toContainText('15 January 2099');
  await checkAccessible(office);
  await office.context().close();

  await page.goto('/plan');
  await expect(page.locator('main')).toContainText('signed off by Alex Practitioner');
  await page.getByRole('link', { name: 'See this version of your plan' }).click();
  await expect(page.locator('main')).toContainText(`Time for the garden ${mark}`);
  await expect(page.locator('main')).toContainText(`My garden ${mark}`);
  await checkAccessible(page);

  // The PDF copy: their words, the practitioner's record and their described photo, tagged.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download a copy of this plan (PDF)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^support-plan-version-\d+\.pdf$/);
  const pdf = await readPdf(await file.path());
  expect(pdf.tagged).toBe(true);
  expect(pdf.text).toContain(`My garden ${mark}`);
  expect(pdf.text).toContain(`Time for the garden ${mark}`);
  expect(pdf.text).toContain('What is important to me');
  expect(pdf.roles).toEqual(expect.arrayContaining(['H1', 'H2', 'H3', 'P', 'Figure', 'Caption']));
  expect(pdf.figures.some((alt) => alt.startsWith('My handwritten note'))).toBe(true);
});
