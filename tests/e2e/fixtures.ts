import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect, type Page } from '@playwright/test';

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

/**
 * Every test's page records Content-Security-Policy violations and uncaught
 * errors, and the test fails if there were any.
 */
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await use(page);
    const violations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
    expect(violations, 'CSP violations').toEqual([]);
    expect(errors, 'uncaught errors').toEqual([]);
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
 * Resolves once the files the install leaves out (the commune list; the QR
 * reader where the browser has none) are in the offline extras cache: the
 * app puts them there once the library is on the device.
 */
export async function waitForOfflineExtras(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const keys = await (await caches.open('offline-extras')).keys();
          return keys.some((request) => /\/communes\.generated-[\w-]+\.json$/.test(request.url));
        }),
      { timeout: 30_000 },
    )
    .toBe(true);
}
