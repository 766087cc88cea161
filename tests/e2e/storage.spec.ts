import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, seriousAccessibilityViolations, test, waitForServiceWorker } from './fixtures.ts';
import { StoragePage } from './pages/storage.ts';
import { ROOT } from './server.ts';

/** Every media file of the library is used by a text (a unit test checks it). */
const MEDIA = readdirSync(join(ROOT, 'sync-server/library/media')).length;

test('downloading all media resumes after the network is cut half-way', async ({ page, context }) => {
  const storage = new StoragePage(page);
  await storage.open();
  await waitForServiceWorker(page); // the app is installed: it opens offline later in this test
  await expect(storage.mediaSummary()).toHaveText(new RegExp(`^0 fichier sur ${MEDIA} téléchargé`));
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
  await expect(page.getByText(`Téléchargement : 2 fichiers sur ${MEDIA}`, { exact: false })).toBeVisible();

  // It carries on by itself when the network returns, with only what is missing.
  await context.setOffline(false);
  await expect(page.getByText('Téléchargement terminé')).toBeVisible();
  await expect(storage.mediaSummary()).toHaveText(new RegExp(`^${MEDIA} fichiers sur ${MEDIA} téléchargés`));
  const files = requested.map((url) => url.split('/').pop());
  expect(new Set(files).size).toBe(MEDIA);
  expect(files).toHaveLength(MEDIA + 1); // the interrupted file was asked for twice, no other

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
