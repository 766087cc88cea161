/**
 * Rendering a kit with 300 annotations on a slow phone's CPU (4× throttling):
 * the annotations are imported through « Mes annotations » (the product's own
 * import), then the kit is opened; the JavaScript time of that page load is
 * compared with the same kit without annotations. The difference is what the
 * annotations cost: anchoring, drawing the highlights, listing the notes.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { describeSelection } from '../src/model/anchoring.ts';
import { toWebAnnotations } from '../src/model/annotations/web-annotation.ts';
import { ANNOTATION_COLORS, type Annotation } from '../src/model/annotations.ts';
import { median } from './stats.ts';

const KIT = 'kit-faire-alliance';
const ANNOTATIONS = 300;
const RUNS = 7;
const CPU_THROTTLING = 4;
export const ANNOTATIONS_BUDGET_MS = 100;

export interface AnnotationRendering {
  annotations: number;
  /** Scripting of the kit's page load with the annotations, minus without: median. */
  extraScriptingMs: number;
  withMs: number[];
  withoutMs: number[];
  /** The anchoring and drawing pass alone (performance.measure 'highlights'), median. */
  highlightsPassMs: number;
}

export async function measureAnnotationRendering(browser: Browser, base: string): Promise<AnnotationRendering> {
  const kitUrl = `${base}/ressources/${KIT}`;
  const withAnnotations = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const without = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await withAnnotations.newPage();
    await importSyntheticAnnotations(page, base);
    await page.close();
    const warm = await without.newPage();
    await warm.goto(kitUrl);
    await warm.locator('.prose .block-paragraph').first().waitFor();
    await warm.evaluate(() => navigator.serviceWorker.ready);
    await warm.close();

    const withMs: number[] = [];
    const withoutMs: number[] = [];
    const passes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const loaded = await loadKit(withAnnotations, kitUrl, ANNOTATIONS);
      withMs.push(loaded.scriptingMs);
      passes.push(loaded.highlightsMs);
      withoutMs.push((await loadKit(without, kitUrl, 0)).scriptingMs);
    }
    return {
      annotations: ANNOTATIONS,
      extraScriptingMs: Math.round(median(withMs) - median(withoutMs)),
      withMs: withMs.map(Math.round),
      withoutMs: withoutMs.map(Math.round),
      highlightsPassMs: Math.round(median(passes) * 10) / 10,
    };
  } finally {
    await withAnnotations.close();
    await without.close();
  }
}

/** Imports 300 annotations of the kit through « Mes annotations » (the product's own import), in the page's browser context. */
export async function importSyntheticAnnotations(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/ressources/${KIT}`);
  await page.locator('.prose .block-paragraph').first().waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  const blocks = await page.$$eval('.prose .block-paragraph, .prose .block-list', (els) =>
    els.map((el) => ({ id: el.id, text: el.textContent ?? '' })).filter((b) => b.text.length > 120),
  );
  const file = JSON.stringify(toWebAnnotations(syntheticAnnotations(blocks), base));
  await page.goto(`${base}/annotations`);
  await page.getByLabel('Importer un fichier JSON').setInputFiles({
    name: 'annotations.jsonld',
    mimeType: 'application/ld+json',
    buffer: Buffer.from(file),
  });
  await page.getByText(`${ANNOTATIONS} annotation(s) ajoutée(s)`).waitFor({ timeout: 60_000 });
}

/** Opens the kit and waits until every highlight is drawn; the JavaScript time of the whole load. */
async function loadKit(context: BrowserContext, url: string, highlights: number) {
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.locator('.prose .block-paragraph').first().waitFor();
  await page.waitForFunction(
    (n) =>
      new Set([...document.querySelectorAll<HTMLElement>('mark.hl')].map((m) => m.dataset.annotation)).size >= n &&
      document.querySelectorAll('.notes .card').length >= Math.min(n, 20) &&
      (n === 0 || performance.getEntriesByName('highlights').length > 0),
    highlights,
    { timeout: 60_000 },
  );
  // Settled: no JavaScript task left running from the load.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 })));
  const { metrics } = await cdp.send('Performance.getMetrics');
  const scriptingMs = (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  const highlightsMs = await page.evaluate(() => {
    const entries = performance.getEntriesByName('highlights');
    return entries.length ? entries[entries.length - 1]!.duration : 0;
  });
  await page.close();
  return { scriptingMs, highlightsMs };
}

/** Passages of 30 to 90 characters spread over the kit's paragraphs, in the four colours, half with a note. */
function syntheticAnnotations(blocks: { id: string; text: string }[]): Annotation[] {
  const now = new Date().toISOString();
  return Array.from({ length: ANNOTATIONS }, (_, i) => {
    const block = blocks[i % blocks.length]!;
    const length = 30 + ((i * 7) % 60);
    const start = (i * 53) % Math.max(1, block.text.length - length);
    return {
      id: `bench-${i}`,
      ownerId: 'bench',
      workspaceId: null,
      rev: 'r',
      createdAt: now,
      updatedAt: now,
      resourceId: KIT,
      target: describeSelection(block.id, block.text, start, start + length),
      color: ANNOTATION_COLORS[i % ANNOTATION_COLORS.length]!,
      note: i % 2 ? `Note de banc d’essai numéro ${i}, à relire avant l’atelier.` : '',
    };
  });
}
