import { combineLatest, map, merge, Observable, share, startWith } from 'rxjs';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { LIBRARY_COLLECTIONS } from '../../model/collections.ts';
import type { AppDatabase } from '../database.ts';
import { eventStream, gatedPull } from './stream.ts';
import { serverFetch } from '../network.ts';
import type { Checkpoint as ProtocolCheckpoint } from '../../model/protocol.ts';

export interface LibraryReplicationOptions {
  /** Origin of the sync server ('' for the page's own origin). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Documents per pull request. */
  batchSize?: number;
  retryMs?: number;
  /** What the screen being opened shows: replicated before the rest (default: the home's). */
  first?: readonly string[];
}

type Checkpoint = ProtocolCheckpoint | null;

/** What the home shows, replicated before the rest. */
export const HOME_COLLECTIONS = ['needs', 'webinars'];

/**
 * Replicates the published library (pull-only) into the local database:
 * batches of `batchSize` with a checkpoint kept per collection, so an
 * interrupted first download resumes where it stopped; then live, through
 * one event stream for all library collections.
 */
export function replicateLibrary(
  db: AppDatabase,
  options: LibraryReplicationOptions = {},
): RxReplicationState<unknown, Checkpoint>[] {
  const base = `${options.baseUrl ?? ''}/api/v1/replication`;
  const doFetch = options.fetch ?? serverFetch;
  const names = LIBRARY_COLLECTIONS.map((c) => c.name);
  const first = new Set(options.first ?? HOME_COLLECTIONS);
  const events$ = eventStream({
    url: `${base}/stream?collections=${names.join(',')}`,
    fetch: doFetch,
    retryMs: options.retryMs,
  }).pipe(share());

  const replications = names.map((name) => {
    return replicateRxCollection<unknown, Checkpoint>({
      replicationIdentifier: `library-${name}-v1`,
      collection: db.collections[name] as never,
      live: true,
      autoStart: first.has(name),
      retryTime: options.retryMs ?? 5000,
      waitForLeadership: true,
      pull: {
        batchSize: options.batchSize ?? 50,
        ...gatedPull(events$, name, async (checkpoint: Checkpoint | undefined, batchSize) => {
          const params = new URLSearchParams({ limit: String(batchSize) });
          if (checkpoint) params.set('checkpoint', JSON.stringify(checkpoint));
          const response = await doFetch(`${base}/${name}/pull?${params}`, { cache: 'no-store' });
          if (!response.ok) throw new Error(`pull ${name}: HTTP ${response.status}`);
          return (await response.json()) as { documents: never[]; checkpoint: Checkpoint };
        }),
      },
    });
  });
  // What the screen shows comes first: the other collections wait for it, so
  // that on a first visit they do not share the bandwidth.
  const leading = replications.filter((_, i) => first.has(names[i]!));
  void Promise.all(leading.map((r) => r.awaitInitialReplication())).finally(() => {
    replications.filter((r) => !leading.includes(r)).forEach((r) => void r.start());
  });
  return replications;
}

export interface ReplicationActivity {
  /** A request is under way. */
  syncing: boolean;
  /** The last request failed, and no document has arrived since. */
  error: boolean;
}

export function replicationActivity(
  replications: RxReplicationState<unknown, Checkpoint>[],
): Observable<ReplicationActivity> {
  const error$ = merge(
    ...replications.map((r) => r.error$.pipe(map(() => true))),
    ...replications.map((r) => r.received$.pipe(map(() => false))),
  ).pipe(startWith(false));
  const syncing$ = combineLatest(replications.map((r) => r.active$)).pipe(map((active) => active.some(Boolean)));
  return combineLatest([syncing$, error$]).pipe(map(([syncing, error]) => ({ syncing, error })));
}

export interface LibraryProgress {
  /** Library collections fully on the device (one « part » each: needs, kits and texts, glossary…). */
  partsDone: number;
  partsTotal: number;
  /** The whole library has reached this device (on this visit or an earlier one). */
  complete: boolean;
}

const COMPLETE_KEY = 'library-complete';

/**
 * How far the library's download has gone: a collection counts once its
 * first replication has caught up with the server. Once all have, the
 * device remembers it, so an offline visit knows its library is whole.
 */
export function libraryProgress(
  db: AppDatabase,
  replications: RxReplicationState<unknown, Checkpoint>[],
): Observable<LibraryProgress> {
  const partsTotal = replications.length;
  return new Observable<LibraryProgress>((subscriber) => {
    let partsDone = 0;
    let remembered = false;
    const publish = () => {
      const complete = remembered || partsDone === partsTotal;
      subscriber.next({ partsDone: complete ? partsTotal : partsDone, partsTotal, complete });
    };
    publish();
    void db.getLocal(COMPLETE_KEY).then((doc) => {
      remembered = doc !== null;
      if (remembered) publish();
    });
    replications.forEach(
      (r) =>
        void r.awaitInitialReplication().then(() => {
          partsDone += 1;
          if (partsDone === partsTotal && !remembered) {
            remembered = true;
            void db.upsertLocal(COMPLETE_KEY, { at: new Date().toISOString() });
          }
          if (!subscriber.closed) publish();
        }),
    );
  });
}
