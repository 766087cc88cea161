/**
 * Sync figures against the real sync server, started as its own process on
 * 127.0.0.1 (never in the bench's process) and stopped at the end:
 * pushing from one client, a fresh client's first pull (raw HTTP, and a real
 * RxDB client on Dexie over fake-indexeddb), and how many event streams one
 * server process holds and how fast a write reaches all of them.
 */
import { performance } from 'node:perf_hooks';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxStorage, WithDeleted } from 'rxdb/plugins/core';
import type { Annotation } from '../src/model/annotations.ts';
import { openDatabase } from '../src/db/database.ts';
import { annotation, Api, type Session } from './sync/api.ts';
import { startSyncServer, type SyncServer } from './sync/server.ts';
import { measureFanOut, openStreams, type FanOut } from './sync/streams.ts';

const PORT = Number(process.env.BENCH_SYNC_PORT ?? 8099);
const PUSH_DOCUMENTS = 1000;
const PUSH_BATCH = 100;
const PUSH_RUNS = 3;
const PULL_DOCUMENTS = 10_000;
const PULL_PAGE = 500;
const RXDB_TIMEOUT_MS = 90_000;
const STREAM_USERS = 20;
/** BENCH_SYNC_STREAMS tries another number of streams (the budget stays 500). */
const STREAMS = Number(process.env.BENCH_SYNC_STREAMS ?? 500);
const STREAM_WRITES = 5;
const FAN_OUT_TIMEOUT_MS = 10_000;
/** Event streams one server process must hold, every one of them receiving every write. */
export const STREAMS_BUDGET = 500;

type Checkpoint = { seq: number; m: string } | null;

export interface SyncResults {
  push: { documents: number; batchSize: number; runsMs: number[]; medianMs: number; docsPerSecond: number };
  pull: {
    documents: number;
    pageSize: number;
    /** Paging through the pull route and parsing the JSON, no database. */
    http: {
      ms: number;
      requests: number;
      docsPerSecond: number;
      /** JSON.parse on the client. */
      parseMs: number;
      /** The rest: the server's query and serialisation, and the transfer (not separable from outside). */
      serverAndTransferMs: number;
    };
    /** RxDB's time over plain HTTP's (goal: at most 2). */
    ratio: number;
    /** A fresh RxDB client (replicateRxCollection, live: false) until awaitInitialReplication(). */
    rxdb: {
      openDatabaseMs: number;
      ms: number;
      docsPerSecond: number;
      /** Summed time inside the pull handler (request and JSON); overlaps the writes. */
      handlerMs: number;
      /** Summed bulkWrite time into the documents' storage: IndexedDB inserts with their indexes. */
      storageDocumentsMs: number;
      /** Summed bulkWrite time into the replication's metadata storage. */
      storageMetaMs: number;
      /**
       * The elapsed time split without double counting: only a request under
       * way, only a write, both at once, neither (RxDB's own work between
       * pages: checkpoints, conflict checks, events). The four add up to `ms`.
       */
      breakdown: ReturnType<typeof pullBreakdown>;
      requests: number;
      stored: number;
      devMode: boolean;
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
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Starts its own sync server, measures, and stops it. */
export async function measureSync(): Promise<SyncResults> {
  const started = performance.now();
  const server = await startSyncServer(PORT);
  try {
    const api = new Api(server.base);
    // Production password hashing (scrypt, ~0.2 s a core): a few accounts only.
    const [writer, reader, owner, ...members] = await Promise.all([
      api.register('Écrivain'),
      api.register('Lecteur'),
      api.register('Animatrice'),
      ...Array.from({ length: STREAM_USERS }, (_, i) => api.register(`Participant ${i + 1}`)),
    ]);
    const push = await measurePush(api, writer!);
    const pull = await measurePull(api, reader!);
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

/** One page of the pull route; `parsed` gets the time spent parsing its JSON on the client. */
async function pullPage(
  api: Api,
  reader: Session,
  checkpoint: Checkpoint,
  limit: number,
  parsed: (ms: number) => void = () => undefined,
) {
  const params = new URLSearchParams({ limit: String(limit) });
  if (checkpoint) params.set('checkpoint', JSON.stringify(checkpoint));
  const response = await fetch(`${api.base}/api/v1/replication/annotations/pull?${params}`, {
    headers: { authorization: `Bearer ${reader.token}` },
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`pull: HTTP ${response.status}: ${text}`);
  const t = performance.now();
  const body = JSON.parse(text) as { documents: WithDeleted<Annotation>[]; checkpoint: Checkpoint };
  parsed(performance.now() - t);
  return body;
}

/**
 * The Dexie storage with the time of every bulkWrite counted: the documents'
 * own collection (insert into IndexedDB with its indexes) apart from the
 * replication's metadata (RxDB keeps the server state of each document).
 */
function timedStorage(base: RxStorage<unknown, unknown>) {
  const times = { documentsMs: 0, metaMs: 0 };
  const spans: Record<'documentsMs' | 'metaMs', Span[]> = { documentsMs: [], metaMs: [] };
  const storage = Object.create(base) as RxStorage<unknown, unknown>;
  storage.createStorageInstance = async (params) => {
    const instance = await base.createStorageInstance(params);
    const write = instance.bulkWrite.bind(instance);
    const key = params.collectionName.startsWith('rx-replication-meta') ? 'metaMs' : 'documentsMs';
    instance.bulkWrite = async (rows, context) => {
      const t = performance.now();
      try {
        return await write(rows, context);
      } finally {
        times[key] += performance.now() - t;
        spans[key].push([t, performance.now()]);
      }
    };
    return instance;
  };
  return { storage, times, spans };
}

/** A stretch of time, [start, end] in ms. */
type Span = [number, number];

/** How long at least one of `spans` was under way (overlapping spans counted once). */
export function coveredMs(spans: Span[]): number {
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

/**
 * Where a pull's elapsed time went, without counting twice what happened at
 * once: RxDB asks for the next page while it writes the previous one, so
 * summing request and write times overshoots the elapsed time.
 */
export function pullBreakdown(totalMs: number, requests: Span[], documents: Span[], meta: Span[]) {
  const requestMs = coveredMs(requests);
  const writeMs = coveredMs([...documents, ...meta]);
  const eitherMs = coveredMs([...requests, ...documents, ...meta]);
  return {
    requestOnlyMs: round1(eitherMs - writeMs),
    writeOnlyMs: round1(eitherMs - requestMs),
    overlapMs: round1(requestMs + writeMs - eitherMs),
    neitherMs: round1(totalMs - eitherMs),
    documentWritesMs: round1(coveredMs(documents)),
    metaWritesMs: round1(coveredMs(meta)),
  };
}

/** 10,000 documents seeded (not timed), then pulled by a fresh client. */
async function measurePull(api: Api, reader: Session): Promise<SyncResults['pull']> {
  await pushAll(api, reader, 'pull', PULL_DOCUMENTS);

  // Raw HTTP: page until a page is short.
  let t = performance.now();
  let checkpoint: Checkpoint = null;
  let received = 0;
  let requests = 0;
  let httpParseMs = 0;
  for (let page = 0; page <= PULL_DOCUMENTS / PULL_PAGE + 1; page++) {
    const body = await pullPage(api, reader, checkpoint, PULL_PAGE, (ms) => (httpParseMs += ms));
    requests++;
    received += body.documents.length;
    checkpoint = body.checkpoint;
    if (body.documents.length < PULL_PAGE) break;
  }
  const httpMs = performance.now() - t;
  if (received !== PULL_DOCUMENTS) throw new Error(`HTTP pull: ${received} documents, ${PULL_DOCUMENTS} expected`);

  // A real client: RxDB (production mode, as under tsx import.meta.env is undefined) on Dexie over fake-indexeddb.
  const devMode = import.meta.env?.DEV === true;
  const warn = console.warn;
  // Dexie storage's one-time notice about RxDB's paid storages would interleave with the figures.
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('RxDB Open Core RxStorage')) warn(...args);
  };
  const timed = timedStorage(getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>);
  t = performance.now();
  const db = await openDatabase({
    name: `bench-sync-${Date.now()}`,
    storage: timed.storage,
    multiInstance: false,
  });
  const openDatabaseMs = performance.now() - t;
  try {
    let handlerMs = 0;
    const handlerSpans: Span[] = [];
    let rxRequests = 0;
    const errors: unknown[] = [];
    t = performance.now();
    const replication = replicateRxCollection<Annotation, Checkpoint>({
      replicationIdentifier: 'bench-annotations-pull',
      collection: db.annotations,
      live: false,
      retryTime: 1000,
      pull: {
        batchSize: PULL_PAGE,
        async handler(last, batchSize) {
          const h = performance.now();
          rxRequests++;
          try {
            return await pullPage(api, reader, last ?? null, batchSize);
          } finally {
            handlerMs += performance.now() - h;
            handlerSpans.push([h, performance.now()]);
          }
        },
      },
    });
    const subscription = replication.error$.subscribe((error) => errors.push(error));
    try {
      await withTimeout(replication.awaitInitialReplication(), RXDB_TIMEOUT_MS, 'RxDB pull');
    } catch (error) {
      if (errors.length > 0) (error as Error).message += ` (replication errors: ${String(errors[0])})`;
      throw error;
    } finally {
      subscription.unsubscribe();
      await replication.cancel();
    }
    const rxMs = performance.now() - t;
    const stored = await db.annotations.count().exec();
    if (stored !== PULL_DOCUMENTS) throw new Error(`RxDB pull: ${stored} documents stored, ${PULL_DOCUMENTS} expected`);
    return {
      documents: PULL_DOCUMENTS,
      pageSize: PULL_PAGE,
      http: {
        ms: round1(httpMs),
        requests,
        docsPerSecond: perSecond(PULL_DOCUMENTS, httpMs),
        parseMs: round1(httpParseMs),
        serverAndTransferMs: round1(httpMs - httpParseMs),
      },
      ratio: round1(rxMs / httpMs),
      rxdb: {
        openDatabaseMs: round1(openDatabaseMs),
        ms: round1(rxMs),
        docsPerSecond: perSecond(PULL_DOCUMENTS, rxMs),
        handlerMs: round1(handlerMs),
        storageDocumentsMs: round1(timed.times.documentsMs),
        storageMetaMs: round1(timed.times.metaMs),
        breakdown: pullBreakdown(rxMs, handlerSpans, timed.spans.documentsMs, timed.spans.metaMs),
        requests: rxRequests,
        stored,
        devMode,
      },
    };
  } finally {
    await db.remove();
    console.warn = warn;
  }
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
  console.log(JSON.stringify(await measureSync(), null, 2));
}
