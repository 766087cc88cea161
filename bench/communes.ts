/**
 * The commune picker of the initiative form, in the production build: from a
 * keystroke in the field to the matches painted, on a slow phone's CPU (4×
 * throttling), once the commune list is loaded; and the weight of that list,
 * which must stay out of the install's precache and be cached in the
 * background once the library is on the device.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

export const COMMUNES_BUDGET_MS = 50;
const CPU_THROTTLING = 4;
const DATA_FILE = /^communes\.generated-[\w-]+\.json$/;
/**
 * What people type: names (with hyphens, « saint »), the start of a postcode;
 * every keystroke is measured.
 */
const QUERIES = ['redon', 'saint-eti', 'plou', 'le mans', '356'];
const WARM_UP = 'lyon';

export interface CommunesFigures {
  chunk: {
    file: string;
    bytes: number;
    gzipBytes: number;
    /** In the service worker's install (must not be). */
    precached: boolean;
    /** In the offline extras cache once the home has downloaded the library (must be). */
    cachedAfterLibrary: boolean;
  };
  /** From focusing the field to the first matches, unthrottled (download from the cache, parse, index). */
  loadMs: number;
  keystrokes: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  budgetMs: number;
  withinBudget: boolean;
}

declare global {
  interface Window {
    __communeKeystrokes: { query: string; ms: number; options: number }[];
  }
}

/** Waits until the library is on the device: its download would steal the CPU from the measure. */
async function libraryDownloaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const bar = document.querySelector('.status-bar');
      return document.querySelector('h1') !== null && bar !== null && (bar.textContent ?? '') === '';
    },
    undefined,
    { timeout: 60_000 },
  );
}

export async function measureCommunes(browser: Browser, baseUrl: string, dist: string): Promise<CommunesFigures> {
  const name = readdirSync(join(dist, 'assets')).find((f) => DATA_FILE.test(f));
  if (!name) throw new Error('the commune list is not in the build');
  const file = `assets/${name}`;
  const bytes = readFileSync(join(dist, file));
  const precached = readFileSync(join(dist, 'sw.js'), 'utf8').includes(file);

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    await page.goto(baseUrl);
    await libraryDownloaded(page);
    const cachedAfterLibrary = await page
      .waitForFunction(
        async (path) => {
          const keys = await (await caches.open('offline-extras')).keys();
          return keys.some((request) => new URL(request.url).pathname === `/${path}`);
        },
        file,
        { timeout: 60_000, polling: 200 },
      )
      .then(
        () => true,
        () => false,
      );

    await page.goto(`${baseUrl}/initiatives/nouvelle`);
    const field = page.getByRole('combobox', { name: /Commune/ });
    const options = page.locator('#initiative-commune-liste [role=option]');
    const start = Date.now();
    await field.focus();
    await field.fill('r');
    await options.first().waitFor({ timeout: 60_000 });
    const loadMs = Date.now() - start;

    await field.evaluate((input: HTMLInputElement) => {
      window.__communeKeystrokes = [];
      input.addEventListener(
        'keydown',
        (event) => {
          const typedAt = event.timeStamp;
          // After the frame that follows the keystroke: the matches are painted.
          requestAnimationFrame(() =>
            setTimeout(() =>
              window.__communeKeystrokes.push({
                query: input.value,
                ms: performance.now() - typedAt,
                options: document.querySelectorAll('#initiative-commune-liste [role=option]').length,
              }),
            ),
          );
        },
        true,
      );
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
    let count = 0;
    const type = async (query: string) => {
      // Emptied without a keystroke (as React sees a change), so that every keystroke measured is a letter typed.
      await field.evaluate((input: HTMLInputElement) => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '');
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await page.waitForFunction(() => !document.querySelector('#initiative-commune-liste [role=option]'));
      for (const key of query) {
        await page.keyboard.press(key);
        count++;
        await page.waitForFunction((n) => window.__communeKeystrokes.length >= n, count);
      }
    };
    await type(WARM_UP); // the JIT warms up, as after a few letters typed
    const warmUp = count;
    for (const query of QUERIES) await type(query);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    // The first digit of a postcode alone finds nothing: not a result to wait for.
    const measured = (await page.evaluate(() => window.__communeKeystrokes))
      .slice(warmUp)
      .filter((m) => !/^\d$/.test(m.query));
    const expected = QUERIES.flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1))).filter((q) => !/^\d$/.test(q));
    if (measured.map((m) => m.query).join('|') !== expected.join('|')) {
      throw new Error(`keystrokes out of step: ${measured.map((m) => m.query).join('|')}`);
    }
    const empty = measured.filter((m) => m.options === 0).map((m) => m.query);
    if (empty.length > 0) throw new Error(`no commune shown for: ${empty.join(', ')}`);

    const sorted = measured.map((m) => m.ms).sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
    const round = (ms: number) => Math.round(ms * 10) / 10;
    const figures: CommunesFigures = {
      chunk: {
        file,
        bytes: bytes.length,
        gzipBytes: gzipSync(bytes, { level: 9 }).length,
        precached,
        cachedAfterLibrary,
      },
      loadMs,
      keystrokes: sorted.length,
      medianMs: round(at(0.5)),
      p95Ms: round(at(0.95)),
      maxMs: round(sorted.at(-1)!),
      budgetMs: COMMUNES_BUDGET_MS,
      withinBudget: at(0.95) <= COMMUNES_BUDGET_MS && !precached && cachedAfterLibrary,
    };
    return figures;
  } finally {
    await context.close();
  }
}

/** The figures as bench/run.ts prints them. */
export function describeCommunes(f: CommunesFigures): string {
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const place = `${f.chunk.precached ? 'DANS le précache' : 'hors du précache'}, ${f.chunk.cachedAfterLibrary ? 'mise en cache après la bibliothèque' : 'PAS mise en cache après la bibliothèque'}`;
  return (
    `Communes (CPU ÷${CPU_THROTTLING}) : frappe → communes affichées, médiane ${f.medianMs} ms, p95 ${f.p95Ms} ms, max ${f.maxMs} ms sur ${f.keystrokes} frappes (budget ${f.budgetMs} ms${f.withinBudget ? ', respecté' : ', DÉPASSÉ'}) ; ` +
    `liste ${kib(f.chunk.gzipBytes)} gzip (${kib(f.chunk.bytes)}), ${place}, chargée en ${f.loadMs} ms`
  );
}

/** bench/run.ts calls this: measures, prints, and fails the run when over budget. */
export async function benchCommunes(browser: Browser, baseUrl: string, dist: string): Promise<CommunesFigures> {
  const figures = await measureCommunes(browser, baseUrl, dist);
  console.log(describeCommunes(figures));
  if (!figures.withinBudget) {
    console.log('Budget des communes dépassé.');
    process.exitCode = 1;
  }
  return figures;
}
