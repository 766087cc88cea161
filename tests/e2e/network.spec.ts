import { expect, test, waitForServiceWorker } from './fixtures.ts';
import { HomePage } from './pages/home.ts';

/** The header's network status: a few words on every screen, opened on what they mean. */
const networkStatus = (page: import('@playwright/test').Page) => page.getByRole('banner').getByRole('status');

test('the header tells offline from ready by what the requests say, not by navigator.onLine', async ({
  page,
  context,
}) => {
  const home = new HomePage(page);
  await home.open();
  await home.expectLibraryLoaded();
  await expect(networkStatus(page)).toHaveText('Prête hors ligne');
  await waitForServiceWorker(page);

  // A Wi-Fi with no way to the server: the browser still says « online ».
  await context.route('**/api/v1/**', (route) => route.abort('connectionrefused'));
  await page.reload();
  await home.expectLibraryLoaded();
  expect(await page.evaluate(() => navigator.onLine)).toBe(true);
  await expect(networkStatus(page)).toHaveText('Hors ligne');
  await networkStatus(page).click();
  await expect(page.getByText(/Toute la bibliothèque est sur cet appareil et reste lisible/)).toBeVisible();
  // Nothing over the page says the library is being updated.
  await expect(page.getByText(/Téléchargement de la bibliothèque|Mise à jour de la bibliothèque/)).toHaveCount(0);

  await context.unroute('**/api/v1/**');
  await expect(networkStatus(page)).toHaveText('Prête hors ligne', { timeout: 30_000 });
});

test('a printable document says whether it is on the device, and says so in French when it cannot be opened', async ({
  page,
  context,
}) => {
  await page.goto('/ressources/kit-cartographier-son-ecosysteme');
  const media = page.getByRole('region', { name: 'Documents à imprimer' });
  const link = media.getByRole('link', { name: /^Carte de l.écosystème/ });
  await expect(media.getByText(/pas sur l’appareil : demande une connexion/)).toBeVisible();
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await link.click();
  await expect(media.getByRole('alert')).toContainText('n’est pas sur cet appareil et le serveur est hors d’atteinte');
  expect(context.pages()).toHaveLength(1);

  // Opened straight (a bookmark, a link shared): the app's page in French, not the browser's error page.
  await page.goto((await link.getAttribute('href'))!);
  await expect(page.getByRole('heading', { level: 1, name: 'Ce document n’est pas sur cet appareil' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await context.setOffline(false);
});
