/**
 * WebKit smoke test (the engine of every iPhone): Debian's WebKitGTK
 * MiniBrowser, driven over W3C WebDriver (WebKitWebDriver under a virtual
 * display) by webdriverio, against the production build served by the real
 * server. First visit, service worker ready, a kit, a search, a note; then
 * the server stops and a reload still shows the home, the kit and the note.
 * Each screen checked is the live one, not its inert snapshot: a page left
 * in the middle of a database write once held every next page (#16).
 *
 * Run by `npm test` (npm run test:webkit) after scripts/ensure-webkit.sh;
 * SKIPPED only where that script says the platform cannot have them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { remote } from 'webdriverio';

const SERVER_PORT = Number(process.env.WEBKIT_SERVER_PORT ?? 8099);
const DRIVER_PORT = Number(process.env.WEBKIT_DRIVER_PORT ?? 4444);
const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const BASE = `http://127.0.0.1:${SERVER_PORT}`;
const TIMEOUT = 30_000;

const ensure = spawnSync('bash', ['scripts/ensure-webkit.sh'], { stdio: 'inherit' });
if (ensure.status === 3) {
  console.log('SKIPPED WebKit smoke test: WebKitWebDriver and xvfb cannot be installed on this platform (see above).');
  process.exit(0);
}
if (ensure.status !== 0) throw new Error('scripts/ensure-webkit.sh failed');

if (!existsSync('dist/index.html')) throw new Error('No production build: run `npx vite build` first.');

// The e2e helpers keep their data under a folder named after the port: ours, not the Playwright run's.
process.env.E2E_PORT = String(SERVER_PORT);
const { prepareDirs, startServer, waitForHealth } = await import('../e2e/server.ts');

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // xvfb-run starts its own group: end it and what it started (the driver, the display, the browser).
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  });
}

async function waitForDriver(): Promise<void> {
  const deadline = Date.now() + TIMEOUT;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${DRIVER_PORT}/status`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('WebKitWebDriver did not start');
}

prepareDirs();
let server: ChildProcess | undefined = startServer(SERVER_PORT);
const driver = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${DRIVER_PORT}`], {
  stdio: 'ignore',
  detached: true,
});
let failed = false;
try {
  await Promise.all([waitForHealth(BASE), waitForDriver()]);
  const browser = await remote({
    hostname: '127.0.0.1',
    port: DRIVER_PORT,
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    } as WebdriverIO.Capabilities,
  });
  const step = (what: string) => console.log(`WebKit: ${what}`);
  // Asked again until found: the live screen replaces the server's or the snapshot's markup
  // under the driver's feet, and an element found in the replaced markup goes stale.
  const visible = (selector: string) =>
    browser.waitUntil(() => browser.$(selector).isDisplayed(), {
      timeout: TIMEOUT,
      timeoutMsg: `${selector} not shown`,
    });
  /** The live screen, not the inert picture of it kept from the last visit (src/main.tsx). */
  const live = (selector: string, what: string) =>
    browser.waitUntil(
      () =>
        browser.execute(
          (s) =>
            document.querySelector('[data-snapshot], [data-waiting]') === null && document.querySelector(s) !== null,
          selector,
        ),
      { timeout: TIMEOUT, timeoutMsg: `${what}: the live screen did not start (still waiting, or its snapshot)` },
    );
  const KIT = `${BASE}/ressources/kit-faire-alliance`;
  try {
    await browser.url(`${BASE}/`);
    await visible("aria/Partir d'un besoin");
    step('home shows the needs');
    await browser.waitUntil(
      () =>
        browser.execute(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker !== undefined),
      { timeout: TIMEOUT, timeoutMsg: 'no service worker took control' },
    );
    await browser.waitUntil(async () => (await browser.$('aria/Prête hors ligne').isExisting()) === true, {
      timeout: 60_000,
      timeoutMsg: 'the library did not finish downloading',
    });
    step('service worker in control, library on the device');

    // #16: WebKit keeps a page in its back/forward cache with its IndexedDB transactions as they
    // were; one left in the middle of a write held the next page's database (stuck on its
    // snapshot, reload or not). Here the home is left while a write of its database is running.
    await live('.net-status', 'the home');
    const writing = await browser.executeAsync((done: (store: string) => void) => {
      const request = indexedDB.open('rxdb-dexie-innovation-territoriale--0--_rxdb_internal');
      request.onsuccess = () => {
        const db = request.result;
        const stores = Array.from(db.objectStoreNames);
        const store = db.transaction(stores, 'readwrite').objectStore(stores[0]!);
        // Requests one after the other: the transaction stays open until the page goes.
        const next = () => (store.count().onsuccess = next);
        next();
        done(stores.join(', '));
      };
      request.onerror = () => done('');
    });
    if (!writing) throw new Error('could not open the database of the app to write in it');
    await browser.url(`${BASE}/glossaire`);
    await live('.net-status', 'the page after one left in the middle of a database write');
    step('a page left in the middle of a database write does not hold the next one');
    await browser.url(`${BASE}/recherche?q=alliance`);
    await live('[aria-label="Résultats"] a', 'the search');
    step(`search finds « ${await browser.$('aria/Résultats').$('a').getText()} »`);

    await browser.url(KIT);
    await live('#note-text', 'the kit');
    const note = `Note WebKit ${Date.now()}`;
    await browser.$('#note-text').setValue(note);
    await browser.$('button=Enregistrer la note').click();
    await browser.$(`p*=${note}`).waitForExist({ timeout: TIMEOUT });
    // Saved once the form empties (the note and its outbox entry are written):
    // leaving the page before that may abort the write.
    await browser.waitUntil(async () => (await browser.$('#note-text').getValue()) === '', {
      timeout: TIMEOUT,
      timeoutMsg: 'the note form did not empty after saving',
    });
    step('a kit opens and takes a note');

    await stop(server);
    server = undefined;
    const kitWithNote = async (what: string) => {
      await live('#note-text', what);
      await browser.waitUntil(
        () => browser.execute((n) => document.querySelector('main')?.textContent?.includes(n) === true, note),
        { timeout: TIMEOUT, timeoutMsg: `${what}: the note is not on the kit` },
      );
    };
    // The home left at once for the kit, its database still opening (#16: the kit stayed on its snapshot).
    await browser.url(`${BASE}/`);
    await browser.url(KIT);
    await kitWithNote('server stopped, home then kit at once');
    step('server stopped: the home left at once for the kit, which starts with its note');
    await browser.url(`${BASE}/`);
    await visible("aria/Partir d'un besoin");
    await browser.waitUntil(async () => (await browser.$('aria/Hors ligne').isExisting()) === true, {
      timeout: TIMEOUT,
      timeoutMsg: 'the app did not say it is offline with the server stopped',
    });
    step('server stopped: the home is still there, and the app says « Hors ligne »');
    await browser.url(KIT);
    await kitWithNote('server stopped, kit reloaded');
    step('server stopped: the kit and its note are still there');
  } finally {
    await browser.deleteSession().catch(() => {});
  }
  console.log('WebKit smoke test: passed');
} catch (error) {
  failed = true;
  console.error('WebKit smoke test: FAILED', error);
} finally {
  await stop(server);
  await stop(driver);
}
process.exit(failed ? 1 : 0);
