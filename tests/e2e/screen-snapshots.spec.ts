import { expect, test, waitForServiceWorker } from './fixtures.ts';
import { HomePage } from './pages/home.ts';

declare global {
  interface Window {
    __snapshotBeforeApp?: boolean;
  }
}

test('a repeat visit offline paints the screen’s last markup at once, inert, then the live screen', async ({
  page,
  context,
}) => {
  const home = new HomePage(page);
  await home.open();
  await home.expectLibraryLoaded();
  await waitForServiceWorker(page);
  await page.goto('/initiatives');
  await expect(page.getByRole('heading', { level: 1, name: 'Initiatives' })).toBeVisible();
  // Kept once the screen has stayed still.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('ecran:/initiatives') ?? ''))
    .toContain('href=\\"/initiatives/nouvelle\\"');

  await context.setOffline(true);
  const again = await context.newPage();
  // Before the app's code runs (it waits for the first frame), the shell's <main> already shows the screen.
  await again.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      window.__snapshotBeforeApp =
        document.querySelector('main [data-snapshot="/initiatives"][inert] a[href="/initiatives/nouvelle"]') !== null;
    });
  });
  await again.goto('/initiatives');
  // The live screen (inert markup is out of the accessibility tree).
  await expect(again.getByRole('heading', { level: 1, name: 'Initiatives' })).toBeVisible();
  await expect(again.locator('[data-snapshot]')).toHaveCount(0);
  expect(await again.evaluate(() => window.__snapshotBeforeApp)).toBe(true);
  await context.setOffline(false);
});
