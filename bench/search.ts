/**
 * Search speed in Chromium on a slow phone's CPU (4× throttling): the whole
 * library plus 2,000 synthetic documents the size of annotations and
 * initiatives, searched with the production-minified search code.
 */
import type { Browser } from 'playwright-core';
import type { SearchDocument } from '../src/model/search/documents.ts';
import type { LibrarySnapshot } from './search-page/main.ts';
import { buildPageScript } from './page-script.ts';

const CPU_THROTTLING = 4;
const SYNTHETIC_DOCUMENTS = 2000;
const ROUNDS = 5;
/** As many results as the search page shows, snippets included. */
const LIMIT = 50;
export const SEARCH_BUDGET_P95_MS = 30;

/** Full words, words being typed, typos, no accents: what people type on the search page. */
export const QUERIES = [
  'alliance',
  'co-construction',
  'écosystème',
  'territoire',
  'acteurs économiques',
  'mécénat de compétences',
  'innovation sociétale',
  'évaluation de la pertinence',
  'tiers-lieu',
  'intérêt général',
  'gouvernance partagée',
  'modèle socio-économique',
  'catalyseur territorial',
  'ODD 17',
  'bien commun',
  'ecosysteme',
  'mecenat',
  'interet general',
  'strategie',
  'coconstruction',
  'evaluer',
  'al',
  'alli',
  'allia',
  'ter',
  'terri',
  'territ',
  'co-con',
  'éco',
  'mobili',
  'faire all',
  'acteurs éco',
  'aliance',
  'ecosystme',
  'parteneriat',
  'strategei',
  'terirtoire',
  'gouvernnance',
  'compétneces',
  'inovation',
];

const LIBRARY_COLLECTIONS = ['needs', 'resources', 'webinars', 'glossary'] as const;

export async function measureSearch(
  browser: Browser,
  baseUrl: string,
): Promise<{ documents: number; queries: number; medianMs: number; p95Ms: number; indexBuildMs: number }> {
  const library = await pullLibrary(baseUrl);
  const extra = syntheticDocuments(library, SYNTHETIC_DOCUMENTS);
  const script = await buildPageScript('search-page');
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.setContent('<!doctype html><html lang="fr"><meta charset="utf-8"><title>search bench</title></html>');
    await page.addScriptTag({ content: script });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
    const built = await page.evaluate(([lib, docs]) => window.searchBench.build(lib, docs), [library, extra] as const);
    // One round to warm the JIT up, as a second search on the page would find it.
    await page.evaluate(([queries, limit]) => window.searchBench.run(queries, 1, limit), [QUERIES, LIMIT] as const);
    const times = await page.evaluate(([queries, rounds, limit]) => window.searchBench.run(queries, rounds, limit), [
      QUERIES,
      ROUNDS,
      LIMIT,
    ] as const);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
    const round = (ms: number) => Math.round(ms * 100) / 100;
    return {
      documents: built.documents,
      queries: times.length,
      medianMs: round(at(0.5)),
      p95Ms: round(at(0.95)),
      indexBuildMs: Math.round(built.ms),
    };
  } finally {
    await context.close();
  }
}

async function pullLibrary(baseUrl: string): Promise<LibrarySnapshot> {
  const entries = await Promise.all(
    LIBRARY_COLLECTIONS.map(async (name) => {
      const response = await fetch(`${baseUrl}/api/v1/replication/${name}/pull?limit=500`);
      if (!response.ok) throw new Error(`pull ${name}: HTTP ${response.status}`);
      const body = (await response.json()) as { documents: unknown[] };
      return [name, body.documents] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as LibrarySnapshot;
}

/** A small deterministic random generator (mulberry32), so every run indexes the same text. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Notes and initiatives as users would write them: runs of words taken from
 * the library's own text (so queries match many of them, the worst case),
 * annotations of 20–80 words, initiatives of 80–250.
 */
export function syntheticDocuments(library: LibrarySnapshot, count: number): SearchDocument[] {
  const words = LIBRARY_COLLECTIONS.flatMap((name) =>
    (library[name] as { blocks: { text: string }[] }[]).flatMap((doc) =>
      doc.blocks.flatMap((b) => b.text.split(/\s+/).filter(Boolean)),
    ),
  );
  const next = random(20190117);
  const run = (min: number, max: number) => {
    const length = min + Math.floor(next() * (max - min + 1));
    const start = Math.floor(next() * Math.max(1, words.length - length));
    return words.slice(start, start + length).join(' ');
  };
  return Array.from({ length: count }, (_, i) => {
    const kind = i % 2 === 0 ? 'annotation' : 'initiative';
    const id = `${kind}-${i}`;
    const [min, max] = kind === 'annotation' ? [20, 80] : [80, 250];
    return { kind, id, source: `${kind}s/${id}`, title: run(3, 8), text: run(min, max), url: `/${kind}s/${id}` };
  });
}
