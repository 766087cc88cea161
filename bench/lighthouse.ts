import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium.ts';

export const LIGHTHOUSE_BUDGET = 95;
export const BEST_PRACTICES_BUDGET = 100;
const RUNS = 3;

export interface LighthouseScores {
  performance: number;
  bestPractices: number;
  performanceRuns: number[];
  bestPracticesRuns: number[];
  /** Metrics of the run with the median performance score (ms; CLS unitless). */
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; si: number };
  /** Best-practices audits that failed in any run. */
  failedBestPractices: string[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Lighthouse 12.2.3's performance and best-practices scores, mobile profile
 * with its simulated slow 4G and 4× CPU (the defaults), in Debian's
 * Chromium, on a cold load (each run clears the site's storage): the median
 * of three runs, as Lighthouse's own guidance suggests against run-to-run variance.
 */
export async function lighthouseScores(urls: string[]): Promise<Record<string, LighthouseScores>> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
  });
  try {
    const scores: Record<string, LighthouseScores> = {};
    for (const url of urls) {
      const runs: { performance: number; bestPractices: number; metrics: LighthouseScores['metrics'] }[] = [];
      const failed = new Set<string>();
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'best-practices'],
        });
        const lhr = result!.lhr;
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
        const practices = lhr.categories['best-practices']!;
        practices.auditRefs
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .forEach((ref) => failed.add(ref.id));
        runs.push({
          performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          bestPractices: Math.round((practices.score ?? 0) * 100),
          metrics: {
            fcp: Math.round(audit('first-contentful-paint')),
            lcp: Math.round(audit('largest-contentful-paint')),
            tbt: Math.round(audit('total-blocking-time')),
            cls: Math.round(audit('cumulative-layout-shift') * 1000) / 1000,
            si: Math.round(audit('speed-index')),
          },
        });
      }
      const performance = median(runs.map((r) => r.performance));
      scores[url] = {
        performance,
        bestPractices: median(runs.map((r) => r.bestPractices)),
        performanceRuns: runs.map((r) => r.performance),
        bestPracticesRuns: runs.map((r) => r.bestPractices),
        metrics: runs.find((r) => r.performance === performance)!.metrics,
        failedBestPractices: [...failed],
      };
    }
    return scores;
  } finally {
    chrome.kill();
  }
}
