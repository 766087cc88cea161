import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, waitForServiceWorker } from './fixtures.ts';
import { HomePage } from './pages/home.ts';
import { ROOT } from './server.ts';

test('a new deployment is announced, and applied only when the user asks', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await home.expectLibraryLoaded();
  await waitForServiceWorker(page);
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  // A new version is deployed: its service worker differs.
  const sw = join(ROOT, 'dist/sw.js');
  const original = readFileSync(sw, 'utf8');
  appendFileSync(sw, `\n// redeployed ${Date.now()}\n`);
  try {
    // The app looks for updates when it comes back to the foreground. The
    // browser merges an update check with one still under way (the one made
    // at start), so come back to the foreground until the new version shows.
    const banner = page.getByRole('status').filter({ hasText: 'Une nouvelle version est disponible' });
    await expect(async () => {
      await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await expect(banner).toBeVisible({ timeout: 2000 });
    }).toPass();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    await banner.getByRole('button', { name: 'Mettre à jour' }).click();
    await expect(home.heading()).toBeVisible();
    await expect(page.getByText('Une nouvelle version est disponible')).toBeHidden();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBeUndefined();
  } finally {
    writeFileSync(sw, original);
  }
});
