import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium.ts';

export const LIGHTHOUSE_BUDGET = 90;

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
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      });
      scores[url] = Math.round((result?.lhr.categories.performance?.score ?? 0) * 100);
    }
    return scores;
  } finally {
    chrome.kill();
  }
}
