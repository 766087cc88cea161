import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  expect,
  seriousAccessibilityViolations,
  test,
  waitForOfflineExtras,
  waitForServiceWorker,
} from './fixtures.ts';
import { AccountScreen, newPerson, WorkspacesScreen } from './pages/account.ts';
import { InitiativeFormScreen, InitiativesList } from './pages/initiatives.ts';

const PHOTO = join(import.meta.dirname, 'fixtures/tiers-lieu.jpg');
const TITLE = `Tiers-lieu du bourg ${Date.now()}`;

/** Uncaught errors of a page opened outside the `page` fixture. */
function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** An <img> that the browser decoded, with real pixels. */
async function expectDecoded(page: Page, name: string | RegExp) {
  const image = page.getByRole('img', { name });
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
}

test('an initiative typed offline survives a closed tab, is recorded with a photo, syncs, and shows on a second device', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(120_000);
  const alix = newPerson('Alix');
  const groupName = `Pays de Redon ${Date.now()}`;
  const account = new AccountScreen(page);
  await account.open();
  await account.register(alix);
  await account.expectSignedInAs(alix);
  const spaces = new WorkspacesScreen(page);
  await spaces.open();
  await spaces.create(groupName);

  // The app is installed (service worker), then the network goes.
  const list = new InitiativesList(page);
  await list.open();
  await waitForServiceWorker(page);
  await waitForOfflineExtras(page);
  // The group's name is kept on the device for offline use.
  await expect(list.filters().getByRole('option', { name: `Groupe « ${groupName} »` })).toBeAttached();
  await context.setOffline(true);

  // Half the form, offline.
  await page.getByRole('link', { name: 'Nouvelle initiative' }).click();
  const form = new InitiativeFormScreen(page);
  await form.title().fill(TITLE);
  await form.description().fill('Un lieu ouvert le samedi, où les associations du canton partagent des outils.');
  await form.pickCommune('redon', /^Redon \(35\)/);
  await expect(form.commune()).toHaveValue('Redon (35)');
  await form.need('Faire alliance').check();
  await form.expectDraftSaved();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await page.close();

  // A new page of the same browser, still offline: the draft is intact.
  const again = await context.newPage();
  const errors = recordErrors(again);
  const list2 = new InitiativesList(again);
  await list2.open();
  await expect(list2.draft(TITLE)).toContainText('Brouillon');
  await list2.resume(TITLE);
  const form2 = new InitiativeFormScreen(again);
  await expect(form2.title()).toHaveValue(TITLE);
  await expect(form2.description()).toHaveValue(/associations du canton/);
  await expect(form2.commune()).toHaveValue('Redon (35)');
  await expect(form2.need('Faire alliance')).toBeChecked();

  // « Enregistrer » too early: the missing field is said, focused, and nothing typed is lost.
  await form2.save();
  await expect(form2.stage('Idée')).toBeFocused();
  await expect(form2.form().getByRole('radiogroup', { name: /^Où en est/ })).toHaveAccessibleDescription(
    'Indiquez où en est l’initiative.',
  );
  await expect(form2.title()).toHaveValue(TITLE);

  // Finished with a photo and shared with the group.
  await form2.stage('Expérimentation').check();
  await form2.sdg(/^ODD 17 /).check();
  await form2
    .form()
    .getByRole('checkbox', { name: /^17\.17 / })
    .check();
  await form2.visibility().selectOption({ label: `Groupe « ${groupName} »` });
  await form2.addPhotoFromGallery(PHOTO);
  await expect(form2.photos()).toHaveCount(1);
  await form2.form().getByLabel('Légende de la photo 1').fill('La salle commune');
  await expect(form2.photos().first().getByRole('img', { name: 'La salle commune' })).toBeVisible();
  await form2.expectDraftSaved();
  expect(await seriousAccessibilityViolations(again)).toEqual([]);
  await form2.save();

  // Recorded: waiting to be sent while offline; the photo shows from the device.
  await expect(again).toHaveURL(/\/initiatives\/[0-9a-f]{32}$/);
  await expect(again.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(again.getByText('En attente d’envoi', { exact: true })).toBeVisible();
  await expect(again.getByText('1 photo en attente d’envoi')).toBeVisible();
  await expectDecoded(again, 'La salle commune');

  // The network returns: the record and its photo are sent.
  await context.setOffline(false);
  await expect(again.getByText('Envoyée', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(again.getByText(/photo en attente d’envoi/)).toBeHidden({ timeout: 30_000 });

  await list2.open();
  await expect(list2.drafts()).toHaveCount(0);
  await expect(list2.initiative(TITLE)).toContainText('Envoyée');
  expect(await seriousAccessibilityViolations(again)).toEqual([]);

  // The JSON export of the list holds the photo's address.
  const download = again.waitForEvent('download');
  await again.getByRole('button', { name: 'Exporter en JSON' }).click();
  const exported = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as {
    title: string;
    photos: { sha256: string }[];
  }[];
  const sha256 = exported.find((i) => i.title === TITLE)!.photos[0]!.sha256;
  expect(sha256).toMatch(/^[0-9a-f]{64}$/);

  // A second device of the same person sees the initiative and its photo.
  const laptop = await browser.newContext();
  const laptopPage = await laptop.newPage();
  const laptopErrors = recordErrors(laptopPage);
  const laptopAccount = new AccountScreen(laptopPage);
  await laptopAccount.open();
  await laptopAccount.signIn(alix.email, alix.password);
  await laptopAccount.expectSignedInAs(alix);
  const laptopList = new InitiativesList(laptopPage);
  await laptopList.open();
  await laptopList.initiative(TITLE).getByRole('link', { name: TITLE }).click();
  await expect(laptopPage.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(laptopPage.getByText('Redon (35), code INSEE 35236')).toBeVisible();
  await expectDecoded(laptopPage, 'La salle commune');
  expect(await seriousAccessibilityViolations(laptopPage)).toEqual([]);

  // Edited there: a draft of the edit, then a new version, which reaches the first device.
  await laptopPage.getByRole('link', { name: 'Modifier' }).click();
  const laptopForm = new InitiativeFormScreen(laptopPage);
  await expect(laptopForm.stage('Expérimentation')).toBeChecked();
  await laptopForm.stage('Déploiement').check();
  await laptopForm.save();
  await expect(laptopPage.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(laptopPage.getByText('Déploiement', { exact: true })).toBeVisible();
  await again.goto(`/initiatives?stade=deploiement`);
  await expect(list2.initiative(TITLE)).toBeVisible();

  // Someone outside the group cannot fetch the photo.
  const outsider = newPerson('Bastien');
  const registered = await laptopPage.request.post('/api/v1/auth/register', {
    data: { email: outsider.email, password: outsider.password, displayName: outsider.displayName },
  });
  expect(registered.status()).toBe(201);
  const { token } = (await registered.json()) as { token: string };
  const forbidden = await laptopPage.request.get(`/api/v1/blobs/${sha256}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(forbidden.status()).toBe(404);

  expect(errors, 'uncaught errors').toEqual([]);
  expect(laptopErrors, 'uncaught errors').toEqual([]);
  await laptop.close();
});
