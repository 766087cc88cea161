import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { onInterrupt } from './cleanup.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium.ts';
import { median } from './stats.ts';

export const LIGHTHOUSE_BUDGET = 95;
export const BEST_PRACTICES_BUDGET = 100;
const RUNS = 3;

export interface LighthouseScores {
  /** Median of the runs that measured; null when none did. */
  performance: number | null;
  bestPractices: number | null;
  performanceRuns: number[];
  bestPracticesRuns: number[];
  /** Metrics of the run with the median performance score (ms; CLS unitless). */
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; si: number } | null;
  /** Best-practices audits that failed in any run. */
  failedBestPractices: string[];
  /** Runs that measured nothing (an error, or no score): retried, never counted as 0. */
  failures: string[];
}

/** A run that failed is tried again, up to this many extra runs per page. */
const EXTRA_ATTEMPTS = 2;
/** A run gives up after this long (it takes well under a minute). */
const RUN_TIMEOUT_MS = 180_000;

/**
 * Debian's Chromium as Lighthouse drives it. bench/run.ts handles Ctrl-C itself (it writes what was
 * measured, then kills this Chromium): it passes `killOnCtrlC: false`.
 */
export const launchChromeForLighthouse = ({ killOnCtrlC }: { killOnCtrlC: boolean }) =>
  chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    handleSIGINT: killOnCtrlC,
  });

/**
 * Lighthouse 12.2.3's performance and best-practices scores, mobile profile
 * with its simulated slow 4G and 4× CPU (the defaults), in Debian's
 * Chromium, on a cold load (each run clears the site's storage): the median
 * of three runs, as Lighthouse's own guidance suggests against run-to-run
 * variance. A run that fails is reported and run again, never counted as 0.
 */
export async function lighthouseScores(urls: string[]): Promise<Record<string, LighthouseScores>> {
  const launch = () => launchChromeForLighthouse({ killOnCtrlC: false });
  let chrome = await launch();
  const forget = onInterrupt(() => chrome.kill());
  try {
    const scores: Record<string, LighthouseScores> = {};
    for (const url of urls) {
      const runs: { performance: number; bestPractices: number; metrics: NonNullable<LighthouseScores['metrics']> }[] =
        [];
      const failed = new Set<string>();
      const failures: string[] = [];
      for (let attempt = 0; runs.length < RUNS && attempt < RUNS + EXTRA_ATTEMPTS; attempt++) {
        try {
          let timer: ReturnType<typeof setTimeout> | undefined;
          const result = await Promise.race([
            lighthouse(url, {
              port: chrome.port,
              output: 'json',
              logLevel: 'error',
              onlyCategories: ['performance', 'best-practices'],
            }),
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new Error(`no result after ${RUN_TIMEOUT_MS / 1000} s`)), RUN_TIMEOUT_MS);
            }),
          ])
            .catch(async (error: unknown) => {
              // A run that hangs (seen once: Chromium idle, Lighthouse waiting) gets a fresh browser.
              if (error instanceof Error && error.message.startsWith('no result after')) {
                chrome.kill();
                chrome = await launch();
              }
              throw error;
            })
            .finally(() => clearTimeout(timer));
          const lhr = result?.lhr;
          if (!lhr) throw new Error('no result');
          if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
          const performance = lhr.categories.performance?.score;
          const practices = lhr.categories['best-practices'];
          if (typeof performance !== 'number' || typeof practices?.score !== 'number') {
            const errors = Object.values(lhr.audits)
              .filter((a) => a.errorMessage)
              .map((a) => `${a.id}: ${a.errorMessage}`);
            throw new Error(`no score (${errors.slice(0, 2).join('; ') || 'unknown'})`);
          }
          const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
          practices.auditRefs
            .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
            .forEach((ref) => failed.add(ref.id));
          runs.push({
            performance: Math.round(performance * 100),
            bestPractices: Math.round(practices.score * 100),
            metrics: {
              fcp: Math.round(audit('first-contentful-paint')),
              lcp: Math.round(audit('largest-contentful-paint')),
              tbt: Math.round(audit('total-blocking-time')),
              cls: Math.round(audit('cumulative-layout-shift') * 1000) / 1000,
              si: Math.round(audit('speed-index')),
            },
          });
        } catch (error) {
          failures.push(error instanceof Error ? error.message.split('\n')[0]! : String(error));
        }
      }
      const performance = runs.length ? median(runs.map((r) => r.performance)) : null;
      scores[url] = {
        performance,
        bestPractices: runs.length ? median(runs.map((r) => r.bestPractices)) : null,
        performanceRuns: runs.map((r) => r.performance),
        bestPracticesRuns: runs.map((r) => r.bestPractices),
        metrics: runs.find((r) => r.performance === performance)?.metrics ?? null,
        failedBestPractices: [...failed],
        failures,
      };
    }
    return scores;
  } finally {
    forget();
    chrome.kill();
  }
}
