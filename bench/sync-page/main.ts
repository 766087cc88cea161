/**
 * The sync bench's page script: a fresh device's first pull in Chromium,
 * through the app's own code (src/db: the database as the app opens it on
 * the browser's IndexedDB, and the replication of every user collection the
 * app starts at sign-in), beside plain HTTP paging over the same route.
 * Built and minified by bench/sync.ts, exposed on `window` for Playwright.
 */
import type { RxStorage } from 'rxdb/plugins/core';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase } from '../../src/db/database.ts';
import { replicateUserCollections, USER_PULL_BATCH_SIZE } from '../../src/db/replication/user.ts';
import type { Session } from '../../src/db/session.ts';
import { USER_COLLECTIONS } from '../../src/model/collections.ts';
import { pullBreakdown, timedStorage, type PullBreakdown, type Span } from '../sync/timing.ts';

export interface HttpPull {
  ms: number;
  requests: number;
  documents: number;
  /** JSON.parse in the page. */
  parseMs: number;
  /** What the server says it spent per request (Server-Timing), summed. */
  serverMs: { query: number; serialise: number };
}

export interface RxdbPull {
  openDatabaseMs: number;
  ms: number;
  requests: number;
  stored: number;
  /** Summed time of the pull requests, from sending to the parsed page; overlaps the writes. */
  requestMs: number;
  serverMs: { query: number; serialise: number };
  breakdown: PullBreakdown;
}

/**
 * The same pages written straight into a bare IndexedDB object store (no
 * RxDB, no index, one transaction per page, the next page asked for while
 * the previous one is written, as RxDB does): what storing one record per
 * document costs in this browser at the least.
 */
export interface StorageFloor {
  /** One record per document. */
  documentsMs: number;
  /** One record per document plus one per document's server state, as a replication must keep. */
  withServerStateMs: number;
  /** One record per page of 500: the cost of the transfer and of the transactions without the per-record cost. */
  onePerPageMs: number;
}

export interface SyncBench {
  http(token: string, pageSize: number): Promise<HttpPull>;
  floor(token: string, pageSize: number): Promise<StorageFloor>;
  rxdb(session: Session): Promise<RxdbPull>;
}

declare global {
  interface Window {
    syncBench: SyncBench;
  }
}

const PULL = '/api/v1/replication/annotations/pull';

/** The server's own figures for a request, from its Server-Timing header. */
function serverTiming(url: string, into: { query: number; serialise: number }) {
  const entry = performance.getEntriesByName(new URL(url, location.href).href).at(-1) as
    PerformanceResourceTiming | undefined;
  for (const t of entry?.serverTiming ?? []) {
    if (t.name === 'query') into.query += t.duration;
    if (t.name === 'serialise') into.serialise += t.duration;
  }
}

type Page = { documents: { id: string }[]; checkpoint: unknown };

/**
 * Every page of the user's annotations, in order; `onPage` (which may write)
 * runs while the next page is asked for, and is awaited before the one after.
 */
async function eachPage(
  token: string,
  pageSize: number,
  onPage: (page: Page, url: string, parseMs: number) => Promise<void> | void,
): Promise<number> {
  let checkpoint: unknown = null;
  let pending: Promise<void> | void = undefined;
  const t = performance.now();
  for (;;) {
    const params = new URLSearchParams({ limit: String(pageSize) });
    if (checkpoint) params.set('checkpoint', JSON.stringify(checkpoint));
    const url = `${PULL}?${params}`;
    const response = await fetch(url, { cache: 'no-store', headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    if (!response.ok) throw new Error(`pull: HTTP ${response.status}: ${text}`);
    const p = performance.now();
    const page = JSON.parse(text) as Page;
    const parseMs = performance.now() - p;
    await pending;
    pending = onPage(page, url, parseMs);
    checkpoint = page.checkpoint;
    if (page.documents.length < pageSize) break;
  }
  await pending;
  return performance.now() - t;
}

function openBareDatabase(name: string, stores: string[]): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => stores.forEach((s) => request.result.createObjectStore(s, { keyPath: 'id' }));
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function putAll(db: IDBDatabase, records: Record<string, { id: string }[]>): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(Object.keys(records), 'readwrite');
    for (const [store, rows] of Object.entries(records)) rows.forEach((row) => tx.objectStore(store).put(row));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/** Pages every annotation into a new bare database laid out by `records`, then deletes it. */
async function bareWrite(
  token: string,
  pageSize: number,
  stores: string[],
  records: (page: Page, n: number) => Record<string, { id: string }[]>,
): Promise<number> {
  const name = `bench-floor-${stores.join('-')}-${Date.now()}`;
  const db = await openBareDatabase(name, stores);
  let n = 0;
  try {
    return await eachPage(token, pageSize, (page) => putAll(db, records(page, n++)));
  } finally {
    db.close();
    indexedDB.deleteDatabase(name);
  }
}

window.syncBench = {
  async http(token, pageSize) {
    performance.clearResourceTimings();
    const serverMs = { query: 0, serialise: 0 };
    let documents = 0;
    let requests = 0;
    let parseMs = 0;
    const ms = await eachPage(token, pageSize, (page, url, parsing) => {
      parseMs += parsing;
      requests++;
      serverTiming(url, serverMs);
      documents += page.documents.length;
    });
    return { ms, requests, documents, parseMs, serverMs };
  },

  async floor(token, pageSize) {
    return {
      documentsMs: await bareWrite(token, pageSize, ['documents'], (page) => ({ documents: page.documents })),
      withServerStateMs: await bareWrite(token, pageSize, ['documents', 'state'], (page) => ({
        documents: page.documents,
        state: page.documents.map((doc) => ({ id: doc.id, isCheckpoint: '0', docData: doc })),
      })),
      onePerPageMs: await bareWrite(token, pageSize, ['pages'], (page, n) => ({
        pages: [{ id: String(n), documents: page.documents }],
      })),
    };
  },

  async rxdb(session) {
    performance.clearResourceTimings();
    const timed = timedStorage(getRxStorageDexie() as RxStorage<unknown, unknown>);
    let t = performance.now();
    const db = await openDatabase({ name: `bench-sync-${Date.now()}`, storage: timed.storage });
    const openDatabaseMs = performance.now() - t;
    try {
      const requestSpans: Span[] = [];
      const urls: string[] = [];
      /** The annotations' pulls, timed from sending to the parsed page (what the app's handler awaits). */
      const timedFetch: typeof fetch = async (input, init) => {
        if (!String(input).includes(PULL)) return fetch(input, init);
        urls.push(String(input));
        const h = performance.now();
        const response = await fetch(input, init);
        const text = await response.text();
        requestSpans.push([h, performance.now()]);
        const copy = new Response(text, { status: response.status, headers: response.headers });
        copy.json = async () => {
          const p = performance.now();
          try {
            return JSON.parse(text) as unknown;
          } finally {
            requestSpans.push([p, performance.now()]);
          }
        };
        return copy;
      };
      t = performance.now();
      timed.since(t);
      const replications = replicateUserCollections(db, session, { fetch: timedFetch, retryMs: 1000 });
      const errors: unknown[] = [];
      const subscriptions = replications.map((r) => r.error$.subscribe((error) => errors.push(error)));
      try {
        const annotations = replications[USER_COLLECTIONS.findIndex((c) => c.name === 'annotations')]!;
        await annotations.awaitInitialReplication();
      } finally {
        subscriptions.forEach((s) => s.unsubscribe());
      }
      const ms = performance.now() - t;
      await Promise.all(replications.map((r) => r.cancel()));
      if (errors.length > 0) throw new Error(`replication error: ${String(errors[0])}`);
      const serverMs = { query: 0, serialise: 0 };
      for (const url of urls) serverTiming(url, serverMs);
      return {
        openDatabaseMs,
        ms,
        requests: urls.length,
        stored: await db.annotations.count().exec(),
        requestMs: requestSpans.reduce((a, [s, e]) => a + e - s, 0),
        serverMs,
        breakdown: pullBreakdown(ms, requestSpans, timed.spans.documents, timed.spans.meta),
      };
    } finally {
      await db.remove();
    }
  },
};

export { USER_PULL_BATCH_SIZE };
