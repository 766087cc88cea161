import { expect, seriousAccessibilityViolations, test, waitForServiceWorker } from './fixtures.ts';
import { StoragePage } from './pages/storage.ts';

test('downloading all media resumes after the network is cut half-way', async ({ page, context }) => {
  const storage = new StoragePage(page);
  await storage.open();
  await waitForServiceWorker(page); // the app is installed: it opens offline later in this test
  await expect(storage.mediaSummary()).toHaveText(/^0 fichier sur 6 téléchargé/);
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // The network drops while the third file is on its way.
  const requested: string[] = [];
  await context.route('**/api/v1/library/media/**', async (route) => {
    requested.push(route.request().url());
    if (requested.length === 3) {
      await context.setOffline(true);
      await route.abort('internetdisconnected');
    } else {
      await route.continue();
    }
  });
  await storage.downloadButton().click();
  await expect(page.getByText('Le réseau a été perdu')).toBeVisible();
  await expect(page.getByText(/Téléchargement : 2 fichiers sur 6/)).toBeVisible();

  // It carries on by itself when the network returns, with only what is missing.
  await context.setOffline(false);
  await expect(page.getByText('Téléchargement terminé')).toBeVisible();
  await expect(storage.mediaSummary()).toHaveText(/^6 fichiers sur 6 téléchargés/);
  const files = requested.map((url) => url.split('/').pop());
  expect(new Set(files).size).toBe(6);
  expect(files).toHaveLength(7); // the interrupted file was asked for twice, no other

  // Offline, a kit's media opens from the device.
  await context.setOffline(true);
  await page.goto('/ressources/kit-cartographier-son-ecosysteme');
  await expect(page.getByText('sur l’appareil')).toBeVisible();
  const svg = await page.evaluate(async () => {
    const link = document.querySelector<HTMLAnchorElement>('.media a');
    return (await fetch(link!.href)).headers.get('content-type');
  });
  expect(svg).toMatch(/^image\/svg\+xml/);
  await context.setOffline(false);
});
