import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium.ts';

export const LIGHTHOUSE_BUDGET = 90;
const RUNS = 3;

/**
 * Lighthouse 12.2.3's performance score, mobile profile with its simulated
 * slow 4G and 4× CPU (the defaults), in Debian's Chromium, on a cold load.
 */
export async function lighthousePerformance(urls: string[]): Promise<Record<string, number>> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const scores: Record<string, number> = {};
    for (const url of urls) {
      // The median of three runs, as Lighthouse's own guidance suggests against run-to-run variance.
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
        });
        runs.push(Math.round((result?.lhr.categories.performance?.score ?? 0) * 100));
      }
      scores[url] = runs.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
    }
    return scores;
  } finally {
    chrome.kill();
  }
}
