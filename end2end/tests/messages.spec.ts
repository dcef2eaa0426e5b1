// A carer sends a message signed in; a practitioner reads it in the inbox and replies (an empty
// reply is refused next to its field); the carer reads the reply in the portal and answers.
// JavaScript on and off, at phone size, axe on every page and error state.
import { test, expect, checkAccessible, newPhone, settle, visit } from './fixtures';
import { signInAs } from './session';

test('a carer and a practitioner talk through the portal', async ({ browser, jsEnabled }) => {
  const mark = `${jsEnabled ? 'on' : 'off'}-${Date.now()}`;
  const question = `Can I get a break this summer? ${mark}`;
  const reply = `Yes: the carers' centre runs short breaks ${mark}`;

  const sam = await newPhone(browser, jsEnabled);
  await signInAs(sam, 'carer@example.org');
  await visit(sam, '/contact', jsEnabled);
  await sam.getByLabel('Your message').fill(question);
  await sam.getByRole('button', { name: 'Send message' }).click();
  await expect(sam.locator('h1')).toHaveText('Message sent');
  const reference = (await sam.locator('.govuk-panel__body strong').innerText()).trim();
  expect(reference).toMatch(/^CM-\d{6}$/);
  await visit(sam, '/messages', jsEnabled);
  await sam.getByRole('link', { name: reference, exact: true }).click();
  await expect(sam.locator('main')).toContainText(question);
  await checkAccessible(sam);
  const thread = sam.url();

  const alex = await newPhone(browser, jsEnabled);
  await signInAs(alex, 'practitioner@example.org');
  await visit(alex, '/staff/messages', jsEnabled);
  await alex.getByRole('link', { name: reference, exact: true }).click();
  await expect(alex.locator('main')).toContainText(question);
  await settle(alex, jsEnabled);
  await alex.getByRole('button', { name: 'Send reply' }).click();
  await expect(alex.locator('#reply-error')).toContainText('Enter your reply');
  await checkAccessible(alex);
  await alex.getByLabel('Your reply').fill(reply);
  await alex.getByRole('button', { name: 'Send reply' }).click();
  await expect(alex.getByRole('alert')).toContainText('Your reply is sent.');
  await expect(alex.locator('.portal-replies')).toContainText(reply);
  await checkAccessible(alex);
  await alex.context().close();

  await sam.goto(thread);
  await settle(sam, jsEnabled);
  await expect(sam.locator('.portal-replies')).toContainText(reply);
  await expect(sam.locator('.portal-replies')).toContainText('for the council');
  await sam.getByLabel('Your answer').fill(`Yes please ${mark}`);
  await sam.getByRole('button', { name: 'Send answer' }).click();
  await expect(sam.getByRole('alert')).toContainText('Your answer is sent.');
  await expect(sam.locator('.portal-replies')).toContainText(`Yes please ${mark}`);
  await checkAccessible(sam);
  await sam.context().close();
});
