/**
 * `npm run bench`: performance figures of the production build, in Debian's
 * Chromium against the real server. Prints them and writes bench/results.json.
 *
 * Each part runs on its own (its own browser, its own server where it needs
 * one): a part that fails is reported with its error and the others still
 * run; results.json is written after every part, so a crash loses nothing
 * measured, and on SIGINT/SIGTERM (Ctrl-C, a timeout) the bench stops its
 * servers and browsers and writes it with the part under way marked
 * interrupted. It records the machine's load average (other work on the
 * machine slows every figure).
 * `BENCH_PARTS=octets,visites` runs only the parts named (see PARTS).
 */
import { writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { BEST_PRACTICES_BUDGET, LIGHTHOUSE_BUDGET, lighthouseScores } from './lighthouse.ts';
import {
  HEAP_BUDGET_BYTES,
  measureHeapSession,
  measureOfflineVisits,
  OFFLINE_VISIT_BUDGET_MS,
  SCREENS,
} from './screens.ts';
import { measureSearch, SEARCH_BUDGET_P95_MS } from './search.ts';
import { describeCommunes, measureCommunes } from './communes.ts';
import { measureScale } from './scale.ts';
import { measureSync, STREAMS_BUDGET, type SyncResults } from './sync.ts';
import { ANNOTATIONS_BUDGET_MS, measureAnnotationRendering } from './annotations.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium.ts';
import { DIST, jsParts, PRECACHE_BUDGET_GZIP, precachedFiles, totalGzip } from '../tests/build-size.ts';
import { describePooling, measurePooling, POOLING_BUDGET_CODES } from './pooling.ts';
import { describeWorkshop, measureWorkshop } from './workshop.ts';
import { describeDurability, measureDurability } from './durability.ts';
import { startSyncServer, type SyncServer } from './sync/server.ts';
import { cleanUpAll } from './cleanup.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PORT = Number(process.env.BENCH_PORT ?? 8098);
/** On a signal, how long servers and browsers get to stop before results.json is written anyway. */
const STOP_TIMEOUT_MS = 8_000;

/** The screens of bench/screens.ts, and the workshops' list and form. */
const LIGHTHOUSE_SCREENS = [
  ...SCREENS,
  { name: 'ateliers', path: '/ateliers' },
  { name: 'préparer un atelier', path: '/ateliers/nouveau' },
];

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const mib = (n: number) => `${(n / 1024 ** 2).toFixed(1)} Mo`;
const verdict = (ok: boolean) => (ok ? 'respecté' : 'DÉPASSÉ');
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

/** What a part gives back: its figures, the lines it prints, and whether each of its budgets holds. */
interface PartResult {
  figures: unknown;
  lines: string[];
  budgets?: Record<string, boolean>;
}

interface Context {
  /** The app's server (production build, real database), shared by the browser parts. */
  base: () => Promise<string>;
  /** A fresh Chromium for the part, closed after it. */
  browser: () => Promise<Browser>;
}

const PARTS: Record<string, (ctx: Context) => Promise<PartResult>> = {
  /** Bytes: first screen, database chunk, precache (the same figures npm test enforces). */
  async octets() {
    const parts = jsParts();
    const precached = precachedFiles();
    const precacheGzip = totalGzip(precached);
    const lines = parts.map(
      (p) =>
        `${p.name}, JavaScript gzip : ${kb(p.jsGzip)} (budget ${kb(p.gzipBudget)}, ${verdict(p.jsGzip <= p.gzipBudget)})`,
    );
    lines.push(`Premier écran, CSS gzip : ${kb(parts[0]!.cssGzip)}`);
    lines.push(
      `Précache : ${precached.length} fichiers, ${kb(precached.reduce((a, f) => a + f.bytes, 0))} (${kb(precacheGzip)} gzip ; budget ${kb(PRECACHE_BUDGET_GZIP)}, ${verdict(precacheGzip <= PRECACHE_BUDGET_GZIP)})`,
    );
    return {
      figures: {
        jsParts: parts.map((p) => ({
          name: p.name,
          jsGzipBytes: p.jsGzip,
          cssGzipBytes: p.cssGzip,
          budgetGzipBytes: p.gzipBudget,
          files: p.files,
        })),
        precache: {
          files: precached.length,
          bytes: precached.reduce((a, f) => a + f.bytes, 0),
          gzipBytes: precacheGzip,
        },
      },
      lines,
      budgets: {
        ...Object.fromEntries(parts.map((p) => [`js: ${p.name}`, p.jsGzip <= p.gzipBudget])),
        precache: precacheGzip <= PRECACHE_BUDGET_GZIP,
      },
    };
  },

  async recherche(ctx) {
    const search = await measureSearch(await ctx.browser(), await ctx.base());
    return {
      figures: search,
      lines: [
        `Recherche (${search.documents} documents, CPU ÷4) : médiane ${search.medianMs.toFixed(1)} ms, p95 ${search.p95Ms.toFixed(1)} ms (budget ${SEARCH_BUDGET_P95_MS} ms, ${verdict(search.p95Ms <= SEARCH_BUDGET_P95_MS)})`,
      ],
      budgets: { search: search.p95Ms <= SEARCH_BUDGET_P95_MS },
    };
  },

  async communes(ctx) {
    const figures = await measureCommunes(await ctx.browser(), await ctx.base(), DIST);
    return { figures, lines: [describeCommunes(figures)], budgets: { communes: figures.withinBudget } };
  },

  async annotations(ctx) {
    const a = await measureAnnotationRendering(await ctx.browser(), await ctx.base());
    const ok = a.extraScriptingMs <= ANNOTATIONS_BUDGET_MS;
    return {
      figures: a,
      lines: [
        `Kit avec ${a.annotations} annotations (CPU ÷4) : ${a.extraScriptingMs} ms de JavaScript de plus que sans (budget ${ANNOTATIONS_BUDGET_MS} ms, ${verdict(ok)} ; médianes ${a.withMs.join(', ')} contre ${a.withoutMs.join(', ')} ms) ; ancrage et dessin des surlignages ${a.highlightsPassMs} ms`,
      ],
      budgets: { annotations: ok },
    };
  },

  /** Every screen, visited again offline (4× CPU): see bench/screens.ts. */
  async visites(ctx) {
    const visits = await measureOfflineVisits(await ctx.browser(), await ctx.base());
    return {
      figures: visits,
      lines: visits.map(
        (v) =>
          `Visite répétée hors ligne (CPU ÷4), ${v.name} → contenu affiché : médiane ${v.medianMs} ms (${v.runsMs.join(', ')}) ; écran vivant : médiane ${v.liveMedianMs} ms (${v.liveRunsMs.join(', ')}) ; plancher du navigateur (le même balisage dans une page statique sans script) : médiane ${v.floorMedianMs} ms (${v.floorRunsMs.join(', ')}) (budget ${OFFLINE_VISIT_BUDGET_MS} ms, ${verdict(v.medianMs <= OFFLINE_VISIT_BUDGET_MS)})`,
      ),
      budgets: Object.fromEntries(visits.map((v) => [`visite ${v.name}`, v.medianMs <= OFFLINE_VISIT_BUDGET_MS])),
    };
  },

  async memoire(ctx) {
    const heap = await measureHeapSession(await ctx.browser(), await ctx.base());
    const ok = heap.maxUsedBytes <= HEAP_BUDGET_BYTES;
    return {
      figures: heap,
      lines: [
        `Mémoire JS d'une session (5 kits, recherche, 300 annotations) : max ${mib(heap.maxUsedBytes)}, ${mib(heap.afterGcBytes)} après ramasse-miettes (budget ${mib(HEAP_BUDGET_BYTES)}, ${verdict(ok)}) ; ${heap.steps.map((st) => `${st.step} ${mib(st.usedBytes)}`).join(', ')}`,
      ],
      budgets: { heap: ok },
    };
  },

  async lighthouse(ctx) {
    const base = await ctx.base();
    const scores = await lighthouseScores(LIGHTHOUSE_SCREENS.map((screen) => base + screen.path));
    const rows = LIGHTHOUSE_SCREENS.map((screen) => ({ ...screen, ...scores[base + screen.path]! }));
    const ok = (r: (typeof rows)[number]) =>
      r.performance !== null &&
      r.bestPractices !== null &&
      r.performance >= LIGHTHOUSE_BUDGET &&
      r.bestPractices >= BEST_PRACTICES_BUDGET;
    return {
      figures: rows,
      lines: rows.map((r) =>
        r.performance === null
          ? `Lighthouse, ${r.name} : ÉCHEC de toutes les mesures (${r.failures.join(' ; ')})`
          : `Lighthouse (mobile, 4G lente simulée, médiane de ${r.performanceRuns.length}), ${r.name} : performance ${r.performance} (${r.performanceRuns.join(', ')}), bonnes pratiques ${r.bestPractices}${r.failedBestPractices.length ? ` [${r.failedBestPractices.join(', ')}]` : ''} ; FCP ${r.metrics!.fcp} ms, LCP ${r.metrics!.lcp} ms, TBT ${r.metrics!.tbt} ms, CLS ${r.metrics!.cls}, SI ${r.metrics!.si} ms${r.failures.length ? ` ; ${r.failures.length} mesure(s) échouée(s) puis refaite(s) : ${r.failures.join(' ; ')}` : ''} (budget ${LIGHTHOUSE_BUDGET} et ${BEST_PRACTICES_BUDGET}, ${verdict(ok(r))})`,
      ),
      budgets: Object.fromEntries(rows.map((r) => [`lighthouse ${r.name}`, ok(r)])),
    };
  },

  /** Its own server process, on BENCH_SYNC_PORT; the first pull in a fresh Chromium. */
  async synchro(ctx) {
    const sync: SyncResults = await measureSync(await ctx.browser());
    const { push, pull, streams } = sync;
    const { http, rxdb: rx, storageFloor: floor } = pull;
    const b = rx.breakdown;
    return {
      figures: sync,
      lines: [
        `Synchro, envoi de ${push.documents} annotations par lots de ${push.batchSize} : médiane ${push.medianMs} ms sur ${push.runsMs.length} (${push.runsMs.join(', ')}), ${push.docsPerSecond} docs/s`,
        `Synchro, ${pull.documents} annotations vers un appareil neuf (Chromium, pages de ${pull.pageSize}, médiane de ${pull.rounds} tours) : réplication de l'application dans IndexedDB ${rx.ms} ms (${pull.rxdbRunsMs.join(', ')}), ${rx.docsPerSecond} docs/s ; HTTP seul ${http.ms} ms (${pull.httpRunsMs.join(', ')}) ; rapport ${pull.ratio} (${pull.ratiosRuns.join(', ')} ; objectif ≤ 2, ${pull.ratio <= 2 ? 'atteint' : 'NON atteint'})`,
        `Synchro, HTTP seul (${http.ms} ms, ${http.requests} requêtes) : requête SQL ${http.serverQueryMs} ms et construction du JSON ${http.serverSerialiseMs} ms côté serveur, JSON.parse ${http.parseMs} ms dans la page, le reste (HTTP, transfert, attente) ${http.networkAndWaitMs} ms`,
        `Synchro, où va le temps de la réplication (${rx.ms} ms après ${rx.openDatabaseMs} ms d'ouverture de la base, sans double compte) : requêtes seules ${b.requestOnlyMs} ms, écritures IndexedDB seules ${b.writeOnlyMs} ms (documents ${b.documentWritesMs} ms et métadonnées de réplication ${b.metaWritesMs} ms, chevauchements compris), les deux à la fois ${b.overlapMs} ms, ni l'un ni l'autre (travail propre à RxDB) ${b.neitherMs} ms ; côté serveur SQL ${rx.serverQueryMs} ms, JSON ${rx.serverSerialiseMs} ms`,
        `Synchro, plancher du navigateur (les mêmes pages écrites dans une IndexedDB nue, sans RxDB ni index, même tour) : un enregistrement par document ${floor.documentsMs} ms (${floor.documentsRatio} × HTTP), plus l'état serveur de chacun ${floor.withServerStateMs} ms (${floor.withServerStateRatio} ×), un seul par page ${floor.onePerPageMs} ms (${floor.onePerPageRatio} ×)`,
        `Synchro, flux SSE : ${streams.opened}/${streams.target} ouverts (${streams.users} comptes, serveur ${streams.serverRssBytes === null ? '?' : (streams.serverRssBytes / 1024 ** 2).toFixed(0)} MiB en mémoire) ; pire de ${streams.writes.length} écritures : reçue par ${streams.worst.received}, médiane ${streams.worst.medianMs} ms, p95 ${streams.worst.p95Ms} ms, max ${streams.worst.maxMs} ms (budget : ${STREAMS_BUDGET} flux, tous servis, ${verdict(streams.minReceived >= STREAMS_BUDGET)})`,
      ],
      budgets: { pullRatio: pull.ratio <= 2, streams: streams.minReceived >= STREAMS_BUDGET },
    };
  },

  /** SQLite vs PostgreSQL with one and two processes (prints its own lines as it goes). */
  async echelle() {
    return { figures: await measureScale(), lines: [] };
  },

  async miseEnCommun() {
    const pooling = measurePooling();
    return {
      figures: pooling,
      lines: [describePooling(pooling)],
      budgets: { pooling: pooling.codes <= POOLING_BUDGET_CODES },
    };
  },

  /** Its own server process, on BENCH_WORKSHOP_PORT. */
  async atelier() {
    const workshop = await measureWorkshop();
    return { figures: workshop, lines: [describeWorkshop(workshop)] };
  },

  async durabilite() {
    const durability = await measureDurability();
    return { figures: durability, lines: [describeDurability(durability)] };
  },
};

async function main() {
  const wanted = process.env.BENCH_PARTS?.split(',').map((p) => p.trim());
  const unknown = wanted?.filter((p) => !(p in PARTS)) ?? [];
  if (unknown.length)
    throw new Error(`BENCH_PARTS: unknown ${unknown.join(', ')} (known: ${Object.keys(PARTS).join(', ')})`);
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, loadAverageAtStart: load() },
    parts: {},
  };
  const parts = results.parts as Record<string, unknown>;
  const failedBudgets: string[] = [];
  const failedParts: string[] = [];
  let server: SyncServer | undefined;
  const ctx = (browsers: Browser[]): Context => ({
    base: async () => {
      server ??= await startSyncServer(PORT);
      return server.base;
    },
    browser: async () => {
      // No Playwright signal handlers: a signal is handled below, which closes the browsers.
      const browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: CHROMIUM_ARGS,
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      browsers.push(browser);
      return browser;
    },
  });
  /** results.json with what has been measured so far: written at the end, and when the bench is stopped. */
  const write = () => {
    (results.machine as Record<string, unknown>).loadAverageAtEnd = load();
    results.failedBudgets = failedBudgets;
    results.failedParts = failedParts;
    writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  };
  let current: { name: string; started: number; browsers: Browser[] } | undefined;
  const stopped = async (signal: NodeJS.Signals) => {
    if (results.interrupted) return;
    results.interrupted = signal;
    console.log(`Banc interrompu (${signal}) : écriture de ce qui a été mesuré.`);
    if (current) {
      parts[current.name] = {
        ok: false,
        interrupted: true,
        seconds: Math.round((performance.now() - current.started) / 100) / 10,
        error: `interrompue par ${signal}`,
      };
      failedParts.push(current.name);
    }
    await Promise.all([
      ...(current?.browsers ?? []).map((b) => b.close().catch(() => undefined)),
      cleanUpAll(STOP_TIMEOUT_MS),
      server?.stop(),
    ]);
    write();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, (s) => void stopped(s));
  try {
    for (const [name, run] of Object.entries(PARTS)) {
      if (wanted && !wanted.includes(name)) continue;
      if (results.interrupted) break;
      const started = performance.now();
      const loadBefore = load();
      const browsers: Browser[] = [];
      current = { name, started, browsers };
      try {
        const result = await run(ctx(browsers));
        if (results.interrupted) break;
        const seconds = Math.round((performance.now() - started) / 100) / 10;
        for (const line of result.lines) console.log(line);
        parts[name] = { ok: true, seconds, loadAverage: loadBefore, figures: result.figures, budgets: result.budgets };
        failedBudgets.push(
          ...Object.entries(result.budgets ?? {})
            .filter(([, ok]) => !ok)
            .map(([budget]) => budget),
        );
      } catch (error) {
        // Stopped by a signal: the part is already marked interrupted.
        if (results.interrupted) break;
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        console.log(`ÉCHEC de la partie « ${name} » : ${message.split('\n').slice(0, 4).join(' | ')}`);
        parts[name] = {
          ok: false,
          seconds: Math.round((performance.now() - started) / 100) / 10,
          loadAverage: loadBefore,
          error: message,
        };
        failedParts.push(name);
      } finally {
        await Promise.all(browsers.map((b) => b.close().catch(() => undefined)));
        current = undefined;
      }
      // What is measured is on disk at once: a later crash or kill loses nothing of it.
      write();
    }
  } finally {
    await server?.stop();
    write();
  }
  console.log(
    `Charge de la machine (moyenne sur 1, 5 et 15 min ; ${cpus().length} cœurs) : ${(results.machine as { loadAverageAtStart: number[] }).loadAverageAtStart.join(' / ')} au début, ${load().join(' / ')} à la fin`,
  );
  if (failedParts.length) console.log(`Parties en échec : ${failedParts.join(', ')}.`);
  if (failedBudgets.length) console.log(`Budgets dépassés : ${failedBudgets.join(', ')}.`);
  if (failedParts.length || failedBudgets.length) process.exitCode = 1;
}

await main();
