/**
 * Where a pull's time goes, measured from inside the client: the spans of
 * the pull requests and of the writes into storage, and their union without
 * counting twice what happened at once. Pure enough to run in the page.
 */
import type { RxStorage } from 'rxdb/plugins/core';

/** A stretch of time, [start, end] in ms. */
export type Span = [number, number];

const round1 = (n: number) => Math.round(n * 10) / 10;

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
 * summing request and write times overshoots the elapsed time. Spans must
 * lie within the pull (from its start), so the four parts add up to `totalMs`.
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

export type PullBreakdown = ReturnType<typeof pullBreakdown>;

/**
 * A storage with the time of every bulkWrite noted: the documents' own
 * collections (IndexedDB inserts with their indexes) apart from the
 * replication's metadata (RxDB keeps the server state of each document).
 * Writes before `since(t)` (opening the database) are not counted.
 */
export function timedStorage(base: RxStorage<unknown, unknown>) {
  const spans: { documents: Span[]; meta: Span[] } = { documents: [], meta: [] };
  let from = Infinity;
  const since = (t: number) => {
    from = t;
  };
  const storage = Object.create(base) as RxStorage<unknown, unknown>;
  storage.createStorageInstance = async (params) => {
    const instance = await base.createStorageInstance(params);
    const write = instance.bulkWrite.bind(instance);
    const key = params.collectionName.startsWith('rx-replication-meta') ? 'meta' : 'documents';
    instance.bulkWrite = async (rows, context) => {
      const t = performance.now();
      try {
        return await write(rows, context);
      } finally {
        if (t >= from) spans[key].push([t, performance.now()]);
      }
    };
    return instance;
  };
  return { storage, spans, since };
}
