import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, seriousAccessibilityViolations, test, waitForServiceWorker } from './fixtures.ts';
import { HomePage } from './pages/home.ts';
import { KitPage } from './pages/kit.ts';
import { LIBRARY_DIR, runLibraryImport } from './server.ts';

const KIT = 'Cartographier son écosystème territorial';

test('a first visit shows the library home, in French', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await home.expectLibraryLoaded();
  await expect(page.getByRole('link', { name: 'Agir' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Dernier webinaire du cycle' })).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
});

test('after one visit, the app opens and works with the network cut, reload included', async ({ page, context }) => {
  const home = new HomePage(page);
  await home.open();
  await home.expectLibraryLoaded();
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await home.expectLibraryLoaded();
  await expect(page.getByText('Hors ligne', { exact: true })).toBeVisible();
  expect(
    await page.evaluate(() =>
      fetch('/api/v1/health').then(
        () => 'reached',
        () => 'unreachable',
      ),
    ),
  ).toBe('unreachable');

  await home.openKit(KIT);
  const kit = new KitPage(page);
  await expect(kit.title(KIT)).toBeVisible();
  await expect(kit.tableOfContents()).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  // A deep link typed while offline is served by the service worker too.
  await page.goto('/ressources/kit-faire-alliance');
  await expect(kit.title(/Construire une alliance locale/)).toBeVisible();
  await context.setOffline(false);
});

test('a library change on the server reaches an open page without a reload', async ({ page }) => {
  await page.goto('/ressources/kit-cartographier-son-ecosysteme');
  const kit = new KitPage(page);
  await expect(kit.title(KIT)).toBeVisible();
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const file = join(LIBRARY_DIR, 'kits/kit-cartographier-son-ecosysteme.md');
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, original.replace(`title: "${KIT}"`, `title: "${KIT} (édition 2020)"`));
  try {
    runLibraryImport();
    await expect(kit.title(`${KIT} (édition 2020)`)).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  } finally {
    writeFileSync(file, original);
    runLibraryImport();
  }
});

test('a link to a kit shows the kit’s heading before the app has even started', async ({ browser }) => {
  // No script at all: what a slow phone shows while the app's code is still on its way.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/ressources/kit-cartographier-son-ecosysteme');
  await expect(new KitPage(page).title(KIT)).toBeVisible();
  await expect(page).toHaveTitle(`${KIT} — L'innovation territoriale en actions !`);
  await context.close();
});

test('a first visit on a slow link shows the needs at once, then the download, then « Prête hors ligne »', async ({
  page,
  context,
}) => {
  // A village hall's link: 400 ms of latency, 50 kB/s.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 400,
    downloadThroughput: 50_000,
    uploadThroughput: 50_000,
  });
  // The app's scripts are held back until the needs are seen: they must come with the page itself.
  let releaseScripts = () => {};
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route('**/assets/*.js', async (route) => {
    await scriptsHeld;
    await route.fallback();
  });
  await page.goto('/', { waitUntil: 'commit' });
  const needs = page.getByRole('region', { name: "Partir d'un besoin" });
  await expect(needs.getByRole('link', { name: /Faire alliance/ })).toBeVisible();
  releaseScripts();
  // The needs are there while the library is still on its way, with its progress shown.
  const progress = page.getByRole('progressbar', { name: 'Bibliothèque téléchargée' });
  await expect(progress).toBeVisible({ timeout: 45_000 });
  const done = Number(await progress.getAttribute('value'));
  expect(done).toBeLessThan(Number(await progress.getAttribute('max')));
  await expect(needs.getByRole('link', { name: /Faire alliance/ })).toBeVisible();

  // The network gets better: the download ends and says so.
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await expect(page.getByRole('status').filter({ hasText: /^Prête hors ligne : toute la bibliothèque/ })).toBeVisible({
    timeout: 45_000,
  });
  await expect(page.getByRole('heading', { name: 'Les kits pratiques' })).toBeVisible();
  await expect(needs.getByRole('link', { name: /Faire alliance/ })).toBeVisible();
});

test('a template prints and downloads as a text file to adapt; the webinars offer no replay link they do not have', async ({
  page,
}) => {
  await page.goto('/ressources/modele-charte-d-alliance');
  await expect(new KitPage(page).title(/charte d’alliance/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Imprimer ce modèle' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Télécharger le modèle à modifier/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('modele-charte-d-alliance.txt');
  expect(readFileSync((await download.path())!, 'utf8')).toContain('Ce que chacun apporte');

  await page.goto('/webinaires');
  await expect(page.getByRole('heading', { name: 'Qualifier l’innovation' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Voir le replay' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'innovationterritoriale.plateformecapitalisation.org' })).toHaveCount(1);
});
