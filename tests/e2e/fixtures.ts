import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

declare global {
  interface Window {
    __reportCspViolation(text: string): void;
  }
}

/**
 * Records in `problems` every uncaught error and Content-Security-Policy
 * violation of every page of `context`, as they happen (so a page closed
 * before the test ends is checked too).
 */
const watched = new WeakSet<BrowserContext>();

async function watchContext(context: BrowserContext, problems: string[]): Promise<void> {
  if (watched.has(context)) return;
  watched.add(context);
  await context.exposeBinding('__reportCspViolation', ({ page }, text: string) =>
    problems.push(`CSP violation on ${page.url()}: ${text}`),
  );
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const watchPage = (page: Page) =>
    page.on('pageerror', (error) => problems.push(`Uncaught error on ${page.url()}: ${error.message}`));
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
}

/**
 * Every page of every browser context a test opens (its own `page`, and
 * those of `browser.newContext()` / `browser.newPage()`) is checked: the
 * test fails on any uncaught error or CSP violation.
 */
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ browser }, use) => {
      const problems: string[] = [];
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        await watchContext(context, problems);
        return context;
      };
      await use(problems);
      browser.newContext = newContext;
      expect(problems, 'uncaught errors and CSP violations').toEqual([]);
    },
    { auto: true },
  ],
  context: async ({ context, problems }, use) => {
    await watchContext(context, problems);
    await use(context);
  },
});

export { expect };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page (through the debugger, so the CSP does not block it):
 * the serious and critical violations, and any of the rules named in `also`.
 */
export async function seriousAccessibilityViolations(page: Page, also: string[] = []): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (also) => {
    const axe = (
      window as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical' || also.includes(v.id))
      .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, also);
}

/** What sticks out sideways, if the page scrolls horizontally (WCAG 1.4.10, reflow). */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll('body *')]
      .filter((e) => {
        const box = e.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1 && getComputedStyle(e).position !== 'fixed';
      })
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} « ${(e.textContent ?? '').slice(0, 40)} »`);
  });
}

/**
 * Resolves once the service worker is installed (it has precached the app)
 * and controls the page. A page that navigated while the worker activated
 * can miss its `clients.claim()` and stay uncontrolled for good: it is
 * reloaded then, and a navigation after activation is always controlled.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  const controlled = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    return Boolean(navigator.serviceWorker.controller);
  });
  if (controlled) return;
  await page.reload();
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
}

/**
 * Resolves once the files the install leaves out (the commune list, the QR
 * drawing code; the QR reader where the browser has none) are in the offline
 * extras cache: the app puts them there once the library is on the device.
 */
export async function waitForOfflineExtras(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const cached = (await (await caches.open('offline-extras')).keys()).map((r) => new URL(r.url).pathname);
          const listed = (name: string) =>
            (document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '').split(' ');
          const native = 'BarcodeDetector' in window;
          const wanted = [...listed('offline-extras'), ...(native ? [] : listed('offline-extras-qr-reader'))];
          return {
            communes: cached.some((path) => /^\/assets\/communes\.generated-[\w-]+\.json$/.test(path)),
            wasm: native || cached.some((path) => /^\/assets\/zxing_reader-[\w-]+\.wasm$/.test(path)),
            missing: wanted.filter((path) => !cached.includes(path)),
          };
        }),
      { timeout: 30_000 },
    )
    .toEqual({ communes: true, wasm: true, missing: [] });
}
