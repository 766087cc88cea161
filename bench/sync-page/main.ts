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

export interface SyncBench {
  http(token: string, pageSize: number): Promise<HttpPull>;
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

window.syncBench = {
  async http(token, pageSize) {
    performance.clearResourceTimings();
    const serverMs = { query: 0, serialise: 0 };
    let checkpoint: unknown = null;
    let documents = 0;
    let requests = 0;
    let parseMs = 0;
    const t = performance.now();
    for (;;) {
      const params = new URLSearchParams({ limit: String(pageSize) });
      if (checkpoint) params.set('checkpoint', JSON.stringify(checkpoint));
      const url = `${PULL}?${params}`;
      const response = await fetch(url, { cache: 'no-store', headers: { authorization: `Bearer ${token}` } });
      const text = await response.text();
      if (!response.ok) throw new Error(`pull: HTTP ${response.status}: ${text}`);
      const p = performance.now();
      const page = JSON.parse(text) as { documents: unknown[]; checkpoint: unknown };
      parseMs += performance.now() - p;
      requests++;
      serverTiming(url, serverMs);
      documents += page.documents.length;
      checkpoint = page.checkpoint;
      if (page.documents.length < pageSize) break;
    }
    return { ms: performance.now() - t, requests, documents, parseMs, serverMs };
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
