import {
  expect,
  seriousAccessibilityViolations,
  test,
  waitForOfflineExtras,
  waitForServiceWorker,
} from './fixtures.ts';
import { AccountScreen, newPerson } from './pages/account.ts';
import { ParticipantScreen, WorkshopFormScreen } from './pages/workshops.ts';

const STAMP = Date.now();

test('offline: a contribution shared as a QR code, read back from its picture by the WebAssembly reader; the report', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const account = new AccountScreen(page);
  await account.open();
  const camille = newPerson('Camille');
  await account.register(camille);
  await account.expectSignedInAs(camille);
  await waitForServiceWorker(page);
  // The QR code's drawing and reading code is cached once the library is on the device.
  await waitForOfflineExtras(page);

  // Prepared without network, in a group that does not exist yet: it waits, and says so.
  await context.setOffline(true);
  const group = `Mise en commun ${STAMP}`;
  const form = new WorkshopFormScreen(page);
  await form.open();
  await form.fill({
    title: `Sans réseau ${STAMP}`,
    startsAt: '2026-12-03T18:30',
    commune: ['redon', /^Redon \(35\)/],
    newGroup: group,
    kit: /Construire une alliance locale/,
  });
  await form.save();
  await expect(page.getByRole('heading', { level: 1, name: `Sans réseau ${STAMP}` })).toBeVisible();
  await expect(page.getByText(`Groupe « ${group} » en attente de réseau`)).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  // The network comes back: the group is created, the workshop is in it and can welcome participants.
  await context.setOffline(false);
  await expect(page.getByText(`groupe « ${group} »`)).toBeVisible();
  await expect(page.getByText('en attente de réseau')).toHaveCount(0);
  const workshopUrl = page.url();
  const code = (await page.locator('.workshop-code').textContent())!.replace('-', '');

  // No network in the hall: the contribution waits on the device, and goes out as a QR code.
  await context.setOffline(true);
  await page.goto(`/atelier/${code}`);
  await new ParticipantScreen(page).post('Une navette le jour du marché');
  await page.getByRole('link', { name: 'Partager sans réseau' }).click();
  await expect(page.getByText('1 contribution et 0 gommette en attente d’envoi', { exact: false })).toBeVisible();
  const qr = page.getByRole('img', { name: 'QR code 1 sur 1 des contributions à partager' });
  await expect(qr).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  const picture = await qr.screenshot();

  // The facilitator's side reads the picture (no camera here) and finds it already on this device.
  await page.goto(`${workshopUrl}/recevoir`);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Lire des photos des codes' }).click();
  await (await chooser).setFiles({ name: 'code.png', mimeType: 'image/png', buffer: picture });
  await expect(page.getByText('Reçu : 1 contribution et 0 gommette.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('list', { name: 'Contributions reçues' })).toContainText('Une navette le jour du marché');
  await page.getByRole('button', { name: 'Ajouter à l’atelier' }).click();
  await expect(page.getByText('Ajouté à l’atelier : 0 contribution ajoutée, 1 déjà présente.')).toBeVisible();

  await page.goto(`${workshopUrl}/compte-rendu`);
  await expect(page.getByRole('heading', { level: 1, name: `Compte rendu : Sans réseau ${STAMP}` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Contributions par besoin : les chiffres' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Contributions par famille d’acteurs/ })).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  await context.setOffline(false);
});
