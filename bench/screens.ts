/**
 * Per screen, on the production build in Chromium: a repeat visit with the
 * network cut (4× CPU throttling), from navigation to the screen's own
 * content (not its shell), beside the browser's floor for the same markup
 * (bench/screen-floor.ts); and the JavaScript heap of one session that opens
 * every kit, the search and « Mes annotations » with 300 annotations.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { importSyntheticAnnotations } from './annotations.ts';
import { median } from './stats.ts';
import { startFloorServer, type FloorServer } from './screen-floor.ts';
import { alternatedOrder } from './ab.ts';

const CPU_THROTTLING = 4;
const RUNS = 9;
export const OFFLINE_VISIT_BUDGET_MS = 300;
export const HEAP_BUDGET_BYTES = 80 * 1024 * 1024;

/**
 * Each screen, and what shows that its content is there: what the screen
 * reads from the database (the home's needs, the kit's text, the counts of
 * annotations and initiatives), or for a screen without data before any
 * input, its control (the search box, the form). Never the heading nor the
 * first paragraph, which the shell shows before the database is open.
 */
export const SCREENS: { name: string; path: string; content: string; text?: string }[] = [
  { name: 'accueil', path: '/', content: 'main a[href^="/besoins/"]' },
  { name: 'kit', path: '/ressources/kit-faire-alliance', content: '.prose .block-paragraph' },
  { name: 'recherche', path: '/recherche', content: 'main form[role=search] input' },
  { name: 'mes annotations', path: '/annotations', content: 'main p[aria-live=polite]', text: '^\\d+ annotation' },
  {
    name: 'initiatives',
    path: '/initiatives',
    content: 'main section[aria-labelledby=enregistrees] p[aria-live=polite]',
    text: '^\\d+ initiative',
  },
  {
    name: 'nouvelle initiative',
    path: '/initiatives/nouvelle',
    content: 'main form[aria-labelledby="initiative-form-titre"]',
  },
];

const KITS = [
  'kit-cartographier-son-ecosysteme',
  'kit-definir-sa-strategie',
  'kit-evaluer-la-pertinence',
  'kit-faire-alliance',
  'kit-qualifier-une-innovation',
];

/**
 * Installed before the page's own code: on every frame from the start, looks
 * for the screen's content, whether as the screen's last markup kept on the
 * device (src/db/screen-snapshots.ts, inert) or live, and notes (ms since the
 * navigation) when it first showed and when it showed live. An animation
 * frame's callback runs before that frame's style, layout and paint, which
 * for a long form took 180 ms at 4× CPU: the time noted is that of a task
 * posted from the callback, which runs once the frame is rendered.
 */
// A string, not a function: tsx would wrap a function's inner helpers in its own `__name`, unknown to the page.
const watchContent = ({ content, text }: { content: string; text?: string }) => `(() => {
  const pattern = ${text === undefined ? 'null' : `new RegExp(${JSON.stringify(text)})`};
  let noted = false;
  function afterRendering(note) {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => note(performance.now());
    channel.port2.postMessage(null);
  }
  function check() {
    const found = Array.from(document.querySelectorAll(${JSON.stringify(content)})).filter(
      (element) => pattern === null || pattern.test(element.textContent || ''),
    );
    if (found.length > 0 && !noted) {
      noted = true;
      afterRendering((t) => (window.__shownMs = t));
    }
    if (found.some((element) => !element.closest('[data-snapshot]'))) afterRendering((t) => (window.__liveMs = t));
    else requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
})();`;

/**
 * Opens `url` and waits for its content: shown (the kept markup or live) and,
 * unless `liveToo` is false (a static page never goes live), live.
 */
async function contentTimes(
  page: Page,
  url: string,
  screen: { content: string; text?: string },
  liveToo = true,
): Promise<{ shownMs: number; liveMs: number }> {
  await page.addInitScript({ content: watchContent(screen) });
  await page.goto(url);
  const handle = await page.waitForFunction(
    (waitForLive) => {
      const w = window as unknown as { __shownMs?: number; __liveMs?: number };
      const done = waitForLive ? w.__liveMs !== undefined : w.__shownMs !== undefined;
      return done && { shownMs: w.__shownMs!, liveMs: w.__liveMs ?? NaN };
    },
    liveToo,
    { timeout: 30_000 },
  );
  return (await handle.jsonValue()) as { shownMs: number; liveMs: number };
}

async function contentShown(page: Page, screen: { content: string; text?: string }): Promise<number> {
  const handle = await page.waitForFunction(
    ({ content, text }) => {
      const element = document.querySelector(content);
      const shown = element !== null && (text === undefined || new RegExp(text).test(element.textContent ?? ''));
      return shown ? performance.now() : false;
    },
    { content: screen.content, text: screen.text },
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

export interface OfflineVisit {
  name: string;
  path: string;
  /** Content shown, kept markup or live (the goal's figure). */
  medianMs: number;
  runsMs: number[];
  /** The live screen, read from the database. */
  liveMedianMs: number;
  liveRunsMs: number[];
  /** The same markup in a static page without any script (bench/screen-floor.ts), in the same rounds. */
  floorMedianMs: number;
  floorRunsMs: number[];
}

/** Every screen visited once online (the app installed, the library down), then again offline, RUNS times each. */
export async function measureOfflineVisits(browser: Browser, base: string): Promise<OfflineVisit[]> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
  let floor: FloorServer | undefined;
  let floorContext: BrowserContext | undefined;
  try {
    const page = await context.newPage();
    await page.goto(base);
    await contentShown(page, SCREENS[0]!);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await libraryDownloaded(page);
    for (const screen of SCREENS) {
      await page.goto(base + screen.path);
      await contentShown(page, screen);
      // The screen is kept for the next visit once it has stayed still (src/app/screen-snapshots.ts).
      await page.waitForFunction((path) => localStorage.getItem(`ecran:${path}`) !== null, screen.path);
    }
    const markupByPath = await keptMarkup(page);
    await page.close();
    await context.setOffline(true);
    const floorPages = (floor = await startFloorServer(markupByPath));
    const bareContext = (floorContext = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'fr-FR',
    }));
    const visits: OfflineVisit[] = [];
    for (const screen of SCREENS) {
      const runs: { shownMs: number; liveMs: number }[] = [];
      const floorRuns: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        // Alternated, so that the machine's load weighs on both alike.
        const app = () => visit(context, base + screen.path, screen).then((r) => runs.push(r));
        const bare = () =>
          visit(bareContext, floorPages.url(screen.path), screen, false).then((r) => floorRuns.push(r.shownMs));
        for (const step of alternatedOrder(i, 2)) await [app, bare][step]!();
      }
      visits.push({
        name: screen.name,
        path: screen.path,
        medianMs: Math.round(median(runs.map((r) => r.shownMs))),
        runsMs: runs.map((r) => Math.round(r.shownMs)),
        liveMedianMs: Math.round(median(runs.map((r) => r.liveMs))),
        liveRunsMs: runs.map((r) => Math.round(r.liveMs)),
        floorMedianMs: Math.round(median(floorRuns)),
        floorRunsMs: floorRuns.map(Math.round),
      });
    }
    return visits;
  } finally {
    await floorContext?.close();
    await floor?.close();
    await context.close();
  }
}

/** Each screen's markup kept on the device (src/db/screen-snapshots.ts), by path. */
async function keptMarkup(page: Page): Promise<Map<string, string>> {
  const kept = await page.evaluate(
    (paths) => {
      const byPath: [string, string][] = [];
      for (const path of paths) {
        const stored = JSON.parse(localStorage.getItem(`ecran:${path}`) ?? 'null') as { html?: string } | null;
        if (typeof stored?.html === 'string') byPath.push([path, stored.html]);
      }
      return byPath;
    },
    SCREENS.map((s) => s.path),
  );
  return new Map(kept);
}

/** One visit in a new page at 4× CPU: when the content showed, and (`liveToo`) when it showed live. */
async function visit(
  context: BrowserContext,
  url: string,
  screen: (typeof SCREENS)[number],
  liveToo = true,
): Promise<{ shownMs: number; liveMs: number }> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
    return await contentTimes(page, url, screen, liveToo);
  } finally {
    await page.close();
  }
}

/**
 * Waits until the whole library is on the device: on the screen where its
 * first download ends the status bar says « Prête hors ligne » (src/app/NetworkStatus.tsx);
 * `already`: a later page, where the bar stays empty once the library is complete.
 */
async function libraryDownloaded(page: Page, already = false): Promise<void> {
  await page.waitForFunction(
    (emptyWillDo) => {
      const text = document.querySelector('.status-bar')?.textContent ?? '';
      return text.includes('Prête hors ligne') || (emptyWillDo && text === '' && document.querySelector('main h1'));
    },
    already,
    { timeout: 120_000 },
  );
}

export interface HeapSession {
  /** JS heap in use after each step (no forced collection), bytes. */
  steps: { step: string; usedBytes: number }[];
  maxUsedBytes: number;
  /** After a forced garbage collection at the end: what the session keeps. */
  afterGcBytes: number;
}

/** One page, navigated inside the app (no reload): 300 annotations imported, every kit, the search, « Mes annotations ». */
export async function measureHeapSession(browser: Browser, base: string): Promise<HeapSession> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    await importSyntheticAnnotations(page, base);
    await libraryDownloaded(page, true);
    const cdp = await context.newCDPSession(page);
    const used = async () => (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const steps: HeapSession['steps'] = [{ step: 'annotations importées', usedBytes: await used() }];
    // In-app navigation, as a tap on a link does (react-router follows the history).
    const go = (path: string) =>
      page.evaluate((to) => {
        window.history.pushState({}, '', to);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, path);
    for (const kit of KITS) {
      await go(`/ressources/${kit}`);
      await page.waitForFunction(
        (id) => window.location.pathname.endsWith(id) && document.querySelector('.prose .block-paragraph') !== null,
        kit,
      );
      steps.push({ step: kit, usedBytes: await used() });
    }
    await go('/recherche?q=alliance');
    await page.locator('main form[role=search] input').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('main li a').length > 0, undefined, { timeout: 30_000 });
    steps.push({ step: 'recherche « alliance »', usedBytes: await used() });
    await go('/annotations');
    await page
      .getByText(/300 annotation/)
      .first()
      .waitFor({ timeout: 30_000 });
    steps.push({ step: 'mes annotations (300)', usedBytes: await used() });
    await cdp.send('HeapProfiler.collectGarbage');
    const afterGcBytes = await used();
    return { steps, maxUsedBytes: Math.max(...steps.map((s) => s.usedBytes)), afterGcBytes };
  } finally {
    await context.close();
  }
}
