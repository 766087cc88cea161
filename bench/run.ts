/**
 * `npm run bench`: performance figures of the production build, in Debian's
 * Chromium against the real server. Prints them and writes bench/results.json.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import { BEST_PRACTICES_BUDGET, LIGHTHOUSE_BUDGET, lighthouseScores } from './lighthouse.ts';
import {
  HEAP_BUDGET_BYTES,
  measureHeapSession,
  measureOfflineVisits,
  OFFLINE_VISIT_BUDGET_MS,
  SCREENS,
} from './screens.ts';

/** The screens of bench/screens.ts, and the workshops' list and form. */
const LIGHTHOUSE_SCREENS = [
  ...SCREENS,
  { name: 'ateliers', path: '/ateliers' },
  { name: 'préparer un atelier', path: '/ateliers/nouveau' },
];
import { measureSearch, SEARCH_BUDGET_P95_MS } from './search.ts';
import { benchCommunes } from './communes.ts';
import { measureScale } from './scale.ts';
import { measureSync, STREAMS_BUDGET } from './sync.ts';
import { ANNOTATIONS_BUDGET_MS, measureAnnotationRendering } from './annotations.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium.ts';
import { DIST, JS_BUDGETS, jsParts, PRECACHE_BUDGET_GZIP, precachedFiles, totalGzip } from '../tests/build-size.ts';
import { describePooling, measurePooling, POOLING_BUDGET_CODES } from './pooling.ts';
import { describeWorkshop, measureWorkshop } from './workshop.ts';
import { describeDurability, measureDurability } from './durability.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PORT = Number(process.env.BENCH_PORT ?? 8098);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = 7;
const BUDGET_FIRST_SCREEN_JS = JS_BUDGETS[0].gzipBudget;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dataDir = join(tmpdir(), `it-bench-${PORT}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const server = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir, LOG: 'off' },
    stdio: 'ignore',
  });
  try {
    await waitForHealth();
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();

    // First screen: the entry and everything it imports statically (lazy chunks load later).
    const parts = jsParts();
    const firstScreen = parts[0]!.files;
    await page.goto(BASE);
    await homeVisible(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const jsGzip = firstScreen.filter((f) => f.path.endsWith('.js')).reduce((a, f) => a + f.gzip, 0);
    const cssGzip = firstScreen.filter((f) => f.path.endsWith('.css')).reduce((a, f) => a + f.gzip, 0);

    // Precache: every file the service worker stores at install.
    const precached = precachedFiles();
    const precacheBytes = precached.reduce((a, f) => a + f.bytes, 0);
    const precacheGzip = totalGzip(precached);

    // Repeat visits with the network cut: navigation to library home visible.
    await context.setOffline(true);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const repeat = await context.newPage();
      await repeat.goto(BASE);
      times.push(await homeVisible(repeat));
      await repeat.close();
    }
    const search = await measureSearch(browser, BASE);
    const communes = await benchCommunes(browser, BASE, DIST); // prints its line; over budget fails the run
    const annotations = await measureAnnotationRendering(browser, BASE);
    const offlineVisits = await measureOfflineVisits(browser, BASE);
    const heap = await measureHeapSession(browser, BASE);
    await browser.close();
    const offlineWithinBudget = offlineVisits.every((v) => v.medianMs <= OFFLINE_VISIT_BUDGET_MS);
    const heapWithinBudget = heap.maxUsedBytes <= HEAP_BUDGET_BYTES;
    // Printed at once: a later part failing keeps these figures.
    for (const v of offlineVisits) {
      console.log(
        `Visite répétée hors ligne (CPU ÷4), ${v.name} → contenu affiché : médiane ${v.medianMs} ms (${v.runsMs.join(', ')}) (budget ${OFFLINE_VISIT_BUDGET_MS} ms${v.medianMs <= OFFLINE_VISIT_BUDGET_MS ? ', respecté' : ', DÉPASSÉ'})`,
      );
    }
    const mib = (n: number) => `${(n / 1024 ** 2).toFixed(1)} Mo`;
    console.log(
      `Mémoire JS d'une session (5 kits, recherche, 300 annotations) : max ${mib(heap.maxUsedBytes)}, ${mib(heap.afterGcBytes)} après ramasse-miettes (budget ${mib(HEAP_BUDGET_BYTES)}${heapWithinBudget ? ', respecté' : ', DÉPASSÉ'}) ; ${heap.steps.map((st) => `${st.step} ${mib(st.usedBytes)}`).join(', ')}`,
    );
    const lighthouse = await lighthouseScores(LIGHTHOUSE_SCREENS.map((screen) => BASE + screen.path));
    const lighthouseRows = LIGHTHOUSE_SCREENS.map((screen) => ({ ...screen, ...lighthouse[BASE + screen.path]! }));
    const lighthouseWithinBudget = lighthouseRows.every(
      (r) => r.performance >= LIGHTHOUSE_BUDGET && r.bestPractices >= BEST_PRACTICES_BUDGET,
    );
    for (const r of lighthouseRows) {
      console.log(
        `Lighthouse (mobile, 4G lente simulée, médiane de 3), ${r.name} : performance ${r.performance} (${r.performanceRuns.join(', ')}), bonnes pratiques ${r.bestPractices}${r.failedBestPractices.length ? ` [${r.failedBestPractices.join(', ')}]` : ''} ; FCP ${r.metrics.fcp} ms, LCP ${r.metrics.lcp} ms, TBT ${r.metrics.tbt} ms, CLS ${r.metrics.cls}, SI ${r.metrics.si} ms (budget ${LIGHTHOUSE_BUDGET} et ${BEST_PRACTICES_BUDGET})`,
      );
    }
    const sync = await measureSync(); // its own server process, on BENCH_SYNC_PORT
    // SQLite vs PostgreSQL with one and two processes (prints its lines as it goes).
    const scale = await measureScale();
    const pooling = measurePooling();
    const workshop = await measureWorkshop(); // its own server process, on BENCH_WORKSHOP_PORT
    const durability = await measureDurability();
    console.log(describeDurability(durability));

    const results = {
      date: new Date().toISOString(),
      firstScreen: { jsGzipBytes: jsGzip, cssGzipBytes: cssGzip, files: firstScreen },
      jsParts: parts.map((p) => ({ name: p.name, jsGzipBytes: p.jsGzip, budgetGzipBytes: p.gzipBudget })),
      precache: { files: precached.length, bytes: precacheBytes, gzipBytes: precacheGzip },
      offlineRepeatVisitMs: { median: Math.round(median(times)), runs: times.map(Math.round) },
      annotations,
      offlineVisits,
      heap,
      lighthouse: lighthouseRows,
      sync,
      scale,
      communes,
      pooling,
      workshop,
      durability,
      budgets: {
        firstScreenJsGzipBytes: BUDGET_FIRST_SCREEN_JS,
        firstScreenJsWithinBudget: jsGzip <= BUDGET_FIRST_SCREEN_JS,
        precacheGzipBytes: PRECACHE_BUDGET_GZIP,
        precacheWithinBudget: precacheGzip <= PRECACHE_BUDGET_GZIP,
        searchP95Ms: SEARCH_BUDGET_P95_MS,
        searchWithinBudget: search.p95Ms <= SEARCH_BUDGET_P95_MS,
        lighthouseMin: LIGHTHOUSE_BUDGET,
        bestPracticesMin: BEST_PRACTICES_BUDGET,
        lighthouseWithinBudget,
        offlineVisitMs: OFFLINE_VISIT_BUDGET_MS,
        offlineVisitsWithinBudget: offlineWithinBudget,
        heapBytes: HEAP_BUDGET_BYTES,
        heapWithinBudget,
        annotationsExtraScriptingMs: ANNOTATIONS_BUDGET_MS,
        annotationsWithinBudget: annotations.extraScriptingMs <= ANNOTATIONS_BUDGET_MS,
        syncStreams: STREAMS_BUDGET,
        syncStreamsWithinBudget: sync.streams.minReceived >= STREAMS_BUDGET,
        poolingCodes: POOLING_BUDGET_CODES,
        poolingWithinBudget: pooling.codes <= POOLING_BUDGET_CODES,
      },
    };
    writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    console.log(
      `Premier écran, JavaScript gzip : ${kb(jsGzip)} (budget ${kb(BUDGET_FIRST_SCREEN_JS)}${jsGzip <= BUDGET_FIRST_SCREEN_JS ? ', respecté' : ', DÉPASSÉ'})`,
    );
    console.log(`Premier écran, CSS gzip : ${kb(cssGzip)}`);
    for (const part of parts.slice(1)) {
      console.log(
        `${part.name}, JavaScript gzip : ${kb(part.jsGzip)} (budget ${kb(part.gzipBudget)}${part.jsGzip <= part.gzipBudget ? ', respecté' : ', DÉPASSÉ'})`,
      );
    }
    console.log(
      `Précache : ${precached.length} fichiers, ${kb(precacheBytes)} (${kb(precacheGzip)} gzip ; budget ${kb(PRECACHE_BUDGET_GZIP)}${precacheGzip <= PRECACHE_BUDGET_GZIP ? ', respecté' : ', DÉPASSÉ'})`,
    );
    console.log(
      `Visite répétée hors ligne → accueil visible : médiane ${results.offlineRepeatVisitMs.median} ms sur ${RUNS} (${results.offlineRepeatVisitMs.runs.join(', ')})`,
    );
    console.log(
      `Recherche (${search.documents} documents, CPU ÷4) : médiane ${search.medianMs.toFixed(1)} ms, p95 ${search.p95Ms.toFixed(1)} ms (budget ${SEARCH_BUDGET_P95_MS} ms)`,
    );
    console.log(
      `Kit avec ${annotations.annotations} annotations (CPU ÷4) : ${annotations.extraScriptingMs} ms de JavaScript de plus que sans (médianes ${annotations.withMs.join(', ')} contre ${annotations.withoutMs.join(', ')} ms) ; ancrage et dessin des surlignages ${annotations.highlightsPassMs} ms (budget ${ANNOTATIONS_BUDGET_MS} ms${results.budgets.annotationsWithinBudget ? ', respecté' : ', DÉPASSÉ'})`,
    );
    const { push, pull, streams } = sync;
    console.log(
      `Synchro, envoi de ${push.documents} annotations par lots de ${push.batchSize} : médiane ${push.medianMs} ms sur ${push.runsMs.length} (${push.runsMs.join(', ')}), ${push.docsPerSecond} docs/s`,
    );
    console.log(
      `Synchro, ${pull.documents} annotations vers un client neuf (RxDB, Dexie sur fake-indexeddb, pages de ${pull.pageSize}) : ${pull.rxdb.ms} ms, ${pull.rxdb.docsPerSecond} docs/s (dont ${pull.rxdb.handlerMs} ms à attendre les pages, ${pull.rxdb.storageDocumentsMs} ms d'écriture des documents avec leurs index, ${pull.rxdb.storageMetaMs} ms d'écriture des métadonnées de réplication, ${pull.rxdb.rxdbOwnMs} ms de travail propre à RxDB) ; HTTP seul : ${pull.http.ms} ms, ${pull.http.docsPerSecond} docs/s (dont ${pull.http.parseMs} ms de JSON.parse, ${pull.http.serverAndTransferMs} ms de requête, sérialisation et transfert côté serveur) ; rapport ${pull.ratio} (objectif ≤ 2${pull.ratio <= 2 ? ', atteint' : ', NON atteint'})`,
    );
    console.log(
      `Synchro, flux SSE : ${streams.opened}/${streams.target} ouverts (${streams.users} comptes, serveur ${streams.serverRssBytes === null ? '?' : (streams.serverRssBytes / 1024 ** 2).toFixed(0)} MiB en mémoire) ; pire de ${streams.writes.length} écritures : reçue par ${streams.worst.received}, médiane ${streams.worst.medianMs} ms, p95 ${streams.worst.p95Ms} ms, max ${streams.worst.maxMs} ms (budget : ${STREAMS_BUDGET} flux, tous servis${results.budgets.syncStreamsWithinBudget ? ', respecté' : ', DÉPASSÉ'})`,
    );
    console.log(describePooling(pooling));
    console.log(describeWorkshop(workshop));
    const budgets = results.budgets;
    if (
      !budgets.poolingWithinBudget ||
      !budgets.firstScreenJsWithinBudget ||
      !budgets.precacheWithinBudget ||
      !budgets.searchWithinBudget ||
      !budgets.annotationsWithinBudget ||
      !budgets.lighthouseWithinBudget ||
      !budgets.offlineVisitsWithinBudget ||
      !budgets.heapWithinBudget ||
      !budgets.syncStreamsWithinBudget
    ) {
      console.log('Un budget est dépassé.');
      process.exitCode = 1;
    }
  } finally {
    server.kill('SIGTERM');
  }
}

/** Waits until the home shows the needs; returns ms since navigation start. */
async function homeVisible(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const links = [...document.querySelectorAll('a')].filter((a) =>
        a.textContent?.includes('Connaître son écosystème'),
      );
      return links.length > 0 ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function waitForHealth() {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (
      await fetch(`${BASE}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

await main();
