import type { CDPSession, Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';
import { expect, test, waitForServiceWorker } from './fixtures.ts';
import { HomePage } from './pages/home.ts';

declare global {
  interface Window {
    __restoredFromCache?: boolean;
  }
}

/** Types of the event listeners registered on `window`, read through the debugger. */
async function windowListenerTypes(cdp: CDPSession): Promise<string[]> {
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
  return listeners.map((l) => l.type);
}

/** Why Chromium did not keep the page in its back/forward cache, if it did not. */
function notRestoredReasons(cdp: CDPSession): string[] {
  const reasons: string[] = [];
  cdp.on('Page.backForwardCacheNotUsed', (event) => {
    reasons.push(...event.notRestoredExplanations.map((e) => `${e.type} ${e.reason}`));
  });
  return reasons;
}

// Playwright turns the back/forward cache off by default; this file needs it.
test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
  },
});

async function openLibraryHome(page: Page) {
  await page.addInitScript(() => {
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) window.__restoredFromCache = true;
    });
  });
  const home = new HomePage(page);
  await home.open();
  await home.expectLibraryLoaded();
  await waitForServiceWorker(page);
  return home;
}

test('no unload listener, and going back returns the page from the back/forward cache', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  const reasons = notRestoredReasons(cdp);
  const home = await openLibraryHome(page);
  // The database, its replication and the user's sync engine are all running by now.
  await expect.poll(() => page.evaluate(() => document.querySelector('.sync-status') !== null)).toBe(true);
  expect(await windowListenerTypes(cdp)).not.toContain('unload');

  // Leaving the app (here for a page that is not one of its screens), then coming back. Another
  // page of the app itself would take the database's leadership and so evict this one. Chromium
  // also refuses a page that happens to be running a task as it is left (« Circumstantial
  // JavaScriptExecution »: seen once in CI under load); that one is tried again, up to three
  // times, while a structural reason (an unload listener, an open connection) fails at once.
  for (let attempt = 1; ; attempt++) {
    await page.evaluate(() => new Promise((idle) => requestIdleCallback(idle)));
    await page.goto('/api/v1/health');
    await expect(page.getByText('"ok":true')).toBeVisible();
    // A page restored from the cache fires no `load`: wait for the navigation only.
    await page.goBack({ waitUntil: 'commit' });
    await home.expectLibraryLoaded();
    if (await page.evaluate(() => window.__restoredFromCache === true)) break;
    const structural = reasons.filter((reason) => !reason.startsWith('Circumstantial'));
    expect(structural, reasons.join('; ')).toEqual([]);
    expect(attempt, reasons.join('; ')).toBeLessThan(3);
    reasons.length = 0;
  }
  // The restored page still reads its database.
  await home.openKit('Cartographier son écosystème territorial');
  await expect(page.getByRole('heading', { level: 1, name: /Cartographier son écosystème/ })).toBeVisible();
});
