import type { Browser, BrowserContext } from '@playwright/test';
import { expect, seriousAccessibilityViolations, test, waitForServiceWorker } from './fixtures.ts';
import { AccountScreen, newPerson, type Person } from './pages/account.ts';
import { NotesPanel } from './pages/notes.ts';

const KIT = '/ressources/kit-faire-alliance';

async function signedInDevice(browser: Browser, person: Person, register: boolean) {
  const context: BrowserContext = await browser.newContext();
  const page = await context.newPage();
  const account = new AccountScreen(page);
  await account.open();
  if (register) await account.register(person);
  else await account.signIn(person.email, person.password);
  await expect(account.identity()).toBeVisible();
  await page.goto(KIT);
  await waitForServiceWorker(page);
  return { context, page, notes: new NotesPanel(page) };
}

test('two devices of one account edit a note offline, and both end with the same merged note', async ({ browser }) => {
  const person = newPerson('Maire');
  const laptop = await signedInDevice(browser, person, true);
  const phone = await signedInDevice(browser, person, false);

  await laptop.notes.add('Pièges à éviter', 'Prévoir la salle des fêtes');
  await expect(phone.notes.list().getByText('Prévoir la salle des fêtes')).toBeVisible();
  expect(await seriousAccessibilityViolations(laptop.page)).toEqual([]);

  // Both go offline and change the same note.
  await laptop.context.setOffline(true);
  await phone.context.setOffline(true);
  await laptop.notes.edit('Prévoir la salle des fêtes', 'Salle des fêtes réservée pour le 12');
  await phone.notes.edit('Prévoir la salle des fêtes', 'Demander la salle au comité des fêtes');

  // The network returns: the laptop first, then the phone.
  await laptop.context.setOffline(false);
  await expect(laptop.page.getByRole('status').filter({ hasText: /^À jour/ })).toBeVisible();
  await phone.context.setOffline(false);

  for (const device of [laptop, phone]) {
    const note = device.notes.list().getByRole('listitem');
    await expect(note.getByText('Salle des fêtes réservée pour le 12', { exact: true })).toBeVisible();
    await expect(note.getByText('Version modifiée sur un autre appareil')).toBeVisible();
    await expect(note.getByText('« Demander la salle au comité des fêtes »')).toBeVisible();
  }

  // One tap puts the other version back, everywhere.
  await phone.notes.list().getByRole('listitem').getByRole('button', { name: 'Rétablir cette version' }).click();
  for (const device of [laptop, phone]) {
    const note = device.notes.list().getByRole('listitem');
    await expect(note.getByText('Demander la salle au comité des fêtes', { exact: true })).toBeVisible();
    await expect(note.getByText('Version modifiée sur un autre appareil')).toBeHidden();
  }
  await laptop.context.close();
  await phone.context.close();
});

test('a note written before having an account is attached at sign-up, syncs, and leaves the device at sign-out', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(KIT);
  const notes = new NotesPanel(page);
  await notes.add('Pour qui', 'Notée avant de créer mon compte');
  await expect(notes.list().getByText('Notée avant de créer mon compte')).toBeVisible();

  const person = newPerson('Adjointe');
  const account = new AccountScreen(page);
  await account.open();
  await expect(page.getByText(/1 élément gardé sur cet appareil/)).toBeVisible();
  await account.register(person);
  await expect(account.identity()).toBeVisible();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /^À jour/ })
      .first(),
  ).toBeVisible();

  const other = await signedInDevice(browser, person, false);
  await expect(other.notes.list().getByText('Notée avant de créer mon compte')).toBeVisible();

  await account.signOut();
  await expect(account.signInForm()).toBeVisible();
  await page.goto(KIT);
  await expect(notes.region()).toBeVisible();
  await expect(notes.list().getByRole('listitem')).toHaveCount(0);
  await context.close();
  await other.context.close();
});
