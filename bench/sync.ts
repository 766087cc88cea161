/**
 * Sync figures against the real sync server, started as its own process on
 * 127.0.0.1 (never in the bench's process) and stopped at the end:
 * pushing from one client, a fresh device's first pull in Chromium (plain
 * HTTP, and the app's own replication into IndexedDB), and how many event streams one
 * server process holds and how fast a write reaches all of them.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from 'playwright-core';
import { USER_PULL_BATCH_SIZE as PULL_PAGE } from '../src/db/replication/user.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/chromium.ts';
import type { HttpPull, RxdbPull, StorageFloor } from './sync-page/main.ts';
import type { PullBreakdown } from './sync/timing.ts';
import { annotation, Api, type Session } from './sync/api.ts';
import { startSyncServer, type SyncServer } from './sync/server.ts';
import { measureFanOut, openStreams, type FanOut } from './sync/streams.ts';
import { buildPageScript } from './page-script.ts';
import { median } from './stats.ts';

const PORT = Number(process.env.BENCH_SYNC_PORT ?? 8099);
const PUSH_DOCUMENTS = 1000;
const PUSH_BATCH = 100;
const PUSH_RUNS = 3;
const PULL_DOCUMENTS = 10_000;
const RXDB_TIMEOUT_MS = 90_000;
/** Turns of (plain HTTP, RxDB) in one page; the figures are the median round's. */
const PULL_ROUNDS = 3;
/** BENCH_SYNC_PROFILE=<file.cpuprofile> writes the page's JavaScript profile of the first RxDB pull (open it in Chromium's developer tools). */
const PROFILE = process.env.BENCH_SYNC_PROFILE;
const STREAM_USERS = 20;
/** BENCH_SYNC_STREAMS tries another number of streams (the budget stays 500). */
const STREAMS = Number(process.env.BENCH_SYNC_STREAMS ?? 500);
const STREAM_WRITES = 5;
const FAN_OUT_TIMEOUT_MS = 10_000;
/** Event streams one server process must hold, every one of them receiving every write. */
export const STREAMS_BUDGET = 500;

export interface SyncResults {
  push: { documents: number; batchSize: number; runsMs: number[]; medianMs: number; docsPerSecond: number };
  pull: {
    documents: number;
    pageSize: number;
    rounds: number;
    ratiosRuns: number[];
    httpRunsMs: number[];
    rxdbRunsMs: number[];
    /** Paging through the pull route and parsing the JSON in the page, no database (the median round). */
    http: {
      ms: number;
      requests: number;
      docsPerSecond: number;
      /** JSON.parse in the page. */
      parseMs: number;
      /** The server's own time (Server-Timing): the SQL query, and building the response body. */
      serverQueryMs: number;
      serverSerialiseMs: number;
      /** The rest: HTTP in the server and the browser, the transfer, waiting. */
      networkAndWaitMs: number;
    };
    /** RxDB's time over plain HTTP's in the same round (goal: at most 2). */
    ratio: number;
    /**
     * The same pages written into a bare IndexedDB store, no RxDB (the median
     * round's): what one record per document costs at the least, with each
     * figure over plain HTTP's time in its round.
     */
    storageFloor: {
      documentsMs: number;
      documentsRatio: number;
      withServerStateMs: number;
      withServerStateRatio: number;
      onePerPageMs: number;
      onePerPageRatio: number;
    };
    /** A fresh device: the app's replication of the user collections until annotations' awaitInitialReplication(). */
    rxdb: {
      /** Opening the database with its nine collections (before the pull, not in `ms`). */
      openDatabaseMs: number;
      ms: number;
      docsPerSecond: number;
      requests: number;
      /** Summed time of the pull requests (sending to parsed JSON); overlaps the writes. */
      requestMs: number;
      serverQueryMs: number;
      serverSerialiseMs: number;
      /**
       * The elapsed time split without double counting: only a request under
       * way, only a write, both at once, neither (RxDB's own work between
       * pages: checks against the stored state, revisions, checkpoints,
       * events). The four add up to `ms`.
       */
      breakdown: PullBreakdown;
      stored: number;
    };
  };
  streams: {
    target: number;
    users: number;
    opened: number;
    failures: Record<string, number>;
    openMs: number;
    writes: FanOut[];
    /** The write with the longest delay to its last stream. */
    worst: FanOut;
    /** The fewest streams a write reached. */
    minReceived: number;
    /** Resident memory of the server process with every stream open (Linux), in bytes. */
    serverRssBytes: number | null;
  };
  totalMs: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const perSecond = (documents: number, ms: number) => Math.round((documents / ms) * 1000);

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Starts its own sync server, measures (the pull in `browser`), and stops it. */
export async function measureSync(browser: Browser): Promise<SyncResults> {
  const started = performance.now();
  const server = await startSyncServer(PORT);
  try {
    const api = new Api(server.base);
    // Production password hashing (scrypt, ~0.2 s a core): a few accounts, a few at a time, so that on a
    // busy machine no registration waits behind twenty others until it times out.
    const [writer, reader] = await registerAll(api, ['Écrivain', 'Lecteur']);
    const push = await measurePush(api, writer!);
    const pull = await measurePull(api, reader!, browser);
    const [owner, ...members] = await registerAll(api, [
      'Animatrice',
      ...Array.from({ length: STREAM_USERS }, (_, i) => `Participant ${i + 1}`),
    ]);
    const streams = await measureStreams(api, server, owner!, members);
    return { push, pull, streams, totalMs: Math.round(performance.now() - started) };
  } catch (error) {
    const stderr = server.stderr();
    if (stderr) (error as Error).message += `\nsync server stderr:\n${stderr}`;
    throw error;
  } finally {
    await server.stop();
  }
}

async function registerAll(api: Api, names: string[]): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let i = 0; i < names.length; i += 4) {
    sessions.push(...(await Promise.all(names.slice(i, i + 4).map((name) => api.register(name)))));
  }
  return sessions;
}

async function pushAll(api: Api, session: Session, prefix: string, count: number, workspaceId: string | null = null) {
  for (let from = 0; from < count; from += PUSH_BATCH) {
    const batch = Array.from({ length: Math.min(PUSH_BATCH, count - from) }, (_, i) =>
      annotation(session, `${prefix}-${from + i}`, workspaceId),
    );
    await api.push(session, batch);
  }
}

/** One client pushing 1,000 new documents in batches of 100, one batch after the other as RxDB does. */
async function measurePush(api: Api, writer: Session): Promise<SyncResults['push']> {
  const runsMs: number[] = [];
  for (let run = 0; run < PUSH_RUNS; run++) {
    const t = performance.now();
    await pushAll(api, writer, `push${run}`, PUSH_DOCUMENTS);
    runsMs.push(round1(performance.now() - t));
  }
  const medianMs = median(runsMs);
  return {
    documents: PUSH_DOCUMENTS,
    batchSize: PUSH_BATCH,
    runsMs,
    medianMs,
    docsPerSecond: perSecond(PUSH_DOCUMENTS, medianMs),
  };
}

/**
 * 10,000 documents seeded (not timed), then pulled into a fresh device in
 * Chromium: plain HTTP paging in the page, then the app's replication into
 * a new database, in turns, ROUNDS times; the figures are the medians.
 */
async function measurePull(api: Api, reader: Session, browser: Browser): Promise<SyncResults['pull']> {
  await pushAll(api, reader, 'pull', PULL_DOCUMENTS);
  const script = await buildPageScript('sync-page', { minify: !PROFILE });
  const context = await browser.newContext({ bypassCSP: true });
  try {
    const page = await context.newPage();
    // A page of the server's origin: same-origin requests and IndexedDB, as the app has.
    await page.goto(`${api.base}/api/v1/health`);
    await page.addScriptTag({ content: script });
    const session = { token: reader.token, user: { ...reader.user, email: 'lecteur@exemple.fr' } };
    const http: HttpPull[] = [];
    const rxdb: RxdbPull[] = [];
    const floors: StorageFloor[] = [];
    for (let round = 0; round < PULL_ROUNDS; round++) {
      http.push(
        await withTimeout(
          page.evaluate(([token, size]) => window.syncBench.http(token, size), [reader.token, PULL_PAGE] as const),
          RXDB_TIMEOUT_MS,
          'HTTP pull',
        ),
      );
      if (http.at(-1)!.documents !== PULL_DOCUMENTS) {
        throw new Error(`HTTP pull: ${http.at(-1)!.documents} documents, ${PULL_DOCUMENTS} expected`);
      }
      const profile = PROFILE && round === 0 ? await startProfile(page) : undefined;
      rxdb.push(
        await withTimeout(
          page.evaluate((s) => window.syncBench.rxdb(s), session),
          RXDB_TIMEOUT_MS,
          'RxDB pull',
        ),
      );
      await profile?.();
      if (rxdb.at(-1)!.stored !== PULL_DOCUMENTS) {
        throw new Error(`RxDB pull: ${rxdb.at(-1)!.stored} documents stored, ${PULL_DOCUMENTS} expected`);
      }
      floors.push(
        await withTimeout(
          page.evaluate(([token, size]) => window.syncBench.floor(token, size), [reader.token, PULL_PAGE] as const),
          RXDB_TIMEOUT_MS,
          'bare IndexedDB pull',
        ),
      );
    }
    const ratios = rxdb.map((r, i) => r.ms / http[i]!.ms);
    // The round whose ratio is the median: its own figures, consistent with each other.
    const mid = ratios.indexOf(median(ratios));
    const h = http[mid]!;
    const r = rxdb[mid]!;
    const b = r.breakdown;
    const f = floors[mid]!;
    return {
      documents: PULL_DOCUMENTS,
      pageSize: PULL_PAGE,
      rounds: PULL_ROUNDS,
      ratiosRuns: ratios.map(round1),
      httpRunsMs: http.map((x) => round1(x.ms)),
      rxdbRunsMs: rxdb.map((x) => round1(x.ms)),
      http: {
        ms: round1(h.ms),
        requests: h.requests,
        docsPerSecond: perSecond(PULL_DOCUMENTS, h.ms),
        parseMs: round1(h.parseMs),
        serverQueryMs: round1(h.serverMs.query),
        serverSerialiseMs: round1(h.serverMs.serialise),
        networkAndWaitMs: round1(h.ms - h.parseMs - h.serverMs.query - h.serverMs.serialise),
      },
      ratio: round1(ratios[mid]!),
      storageFloor: {
        documentsMs: round1(f.documentsMs),
        documentsRatio: round1(f.documentsMs / h.ms),
        withServerStateMs: round1(f.withServerStateMs),
        withServerStateRatio: round1(f.withServerStateMs / h.ms),
        onePerPageMs: round1(f.onePerPageMs),
        onePerPageRatio: round1(f.onePerPageMs / h.ms),
      },
      rxdb: {
        openDatabaseMs: round1(r.openDatabaseMs),
        ms: round1(r.ms),
        docsPerSecond: perSecond(PULL_DOCUMENTS, r.ms),
        requests: r.requests,
        requestMs: round1(r.requestMs),
        serverQueryMs: round1(r.serverMs.query),
        serverSerialiseMs: round1(r.serverMs.serialise),
        breakdown: b,
        stored: r.stored,
      },
    };
  } finally {
    await context.close();
  }
}

/** Profiles the page's JavaScript until the returned function is called, which writes it to PROFILE. */
async function startProfile(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(PROFILE!, JSON.stringify(profile));
    await cdp.detach();
  };
}

/**
 * An owner and 20 members of one workspace hold 500 streams between them;
 * the owner writes into the workspace and every stream must get the write.
 */
async function measureStreams(
  api: Api,
  server: SyncServer,
  owner: Session,
  members: Session[],
): Promise<SyncResults['streams']> {
  const group = await api.call<{ id: string; inviteCode: string }>('/workspaces', {
    token: owner.token,
    body: { name: 'Atelier du banc d’essai' },
    expect: 201,
  });
  await Promise.all(
    members.map((m) => api.call('/workspaces/join', { token: m.token, body: { inviteCode: group.inviteCode } })),
  );
  const tokens = [owner, ...members].map((s) => s.token);
  const opened = await openStreams(server.base, '/api/v1/replication/stream?collections=annotations', tokens, STREAMS);
  try {
    const serverRssBytes = server.rssBytes();
    const writes: FanOut[] = [];
    for (let i = 0; i < STREAM_WRITES; i++) {
      const id = `stream-${i}`;
      writes.push(
        await measureFanOut(
          opened.streams,
          id,
          () => api.push(owner, [annotation(owner, id, group.id)]),
          FAN_OUT_TIMEOUT_MS,
        ),
      );
      await new Promise((r) => setTimeout(r, 200));
    }
    const round = (w: FanOut): FanOut => ({
      received: w.received,
      medianMs: round1(w.medianMs),
      p95Ms: round1(w.p95Ms),
      maxMs: round1(w.maxMs),
    });
    const worst = writes.reduce((a, b) => (b.received < a.received || b.maxMs > a.maxMs ? b : a));
    return {
      target: STREAMS,
      users: tokens.length,
      opened: opened.streams.length,
      failures: opened.failures,
      openMs: round1(opened.openMs),
      writes: writes.map(round),
      worst: round(worst),
      minReceived: Math.min(...writes.map((w) => w.received)),
      serverRssBytes,
    };
  } finally {
    opened.close();
  }
}

// `npx tsx bench/sync.ts` runs this part alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    console.log(JSON.stringify(await measureSync(browser), null, 2));
  } finally {
    await browser.close();
  }
}
