import { share, tap } from 'rxjs';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { USER_COLLECTIONS } from '../../model/collections.ts';
import type { AppDatabase } from '../database.ts';
import type { Session } from '../session.ts';
import { takeForgotten } from '../lost-groups.ts';
import { notePushed, noteRefused } from '../outbox.ts';
import { guestRecords } from '../workshop-guests.ts';
import { eventStream, gatedPull } from './stream.ts';
import { splitStaleRows } from './stale-rows.ts';
import { serverFetch } from '../network.ts';
import { schemaVersionsHeader } from './versions.ts';
import { readErrorBody, type Checkpoint as ProtocolCheckpoint } from '../../model/protocol.ts';

export interface UserReplicationOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  retryMs?: number;
  batchSize?: number;
  /**
   * Called when the event stream asks for a full pull (at every connection,
   * and after a change of the user's groups): the moment to check them.
   */
  onResync?: () => void;
}

type Checkpoint = ProtocolCheckpoint | null;

/**
 * Documents per pull request: the most the protocol allows. A device that
 * signs in with thousands of documents to fetch makes five times fewer
 * round trips than with the old 100, and RxDB writes each page into
 * IndexedDB in one transaction, so fewer, larger pages also cost less to
 * store (docs/performance.md, « Premier téléchargement »).
 */
export const USER_PULL_BATCH_SIZE = 500;

/** Refusals that sending again cannot change: invalid, forbidden, too large. */
const PERMANENT_REFUSALS = new Set([400, 403, 413]);

/** A refusal from the server, kept readable for the sync status. */
export class SyncRefused extends Error {
  override readonly name = 'SyncRefused';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Two-way replication of every user collection for one signed-in session:
 * pull and push over HTTP, live through one authenticated event stream,
 * conflicts merged without loss by the collections' conflict handler. One
 * tab replicates for all (leader election).
 */
export function replicateUserCollections(
  db: AppDatabase,
  session: Session,
  options: UserReplicationOptions = {},
): RxReplicationState<unknown, Checkpoint>[] {
  const base = `${options.baseUrl ?? ''}/api/v1/replication`;
  const doFetch = options.fetch ?? serverFetch;
  const names = USER_COLLECTIONS.map((c) => c.name);
  const auth = { authorization: `Bearer ${session.token}`, ...schemaVersionsHeader(names) };
  const events$ = eventStream({
    url: `${base}/stream?collections=${names.join(',')}`,
    fetch: doFetch,
    headers: () => auth,
    retryMs: options.retryMs,
  }).pipe(
    tap((event) => {
      if (event.kind === 'connected' || event.data === 'RESYNC') options.onResync?.();
    }),
    share(),
  );

  const call = async (url: string, init: RequestInit = {}) => {
    const response = await doFetch(url, { ...init, cache: 'no-store', headers: { ...auth, ...init.headers } });
    if (!response.ok) {
      const body = readErrorBody(await response.json().catch(() => undefined), response.status);
      throw new SyncRefused(response.status, body.error, body.message);
    }
    return response.json();
  };

  type Row = { newDocumentState: unknown };
  const send = async (name: string, rows: Row[], url = `${base}/${name}/push`) => {
    const conflicts = (await call(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(rows),
    })) as { id: string }[];
    const conflicting = new Set(conflicts.map((c) => c.id));
    const written = rows
      .map((r) => r.newDocumentState as { id: string; rev: string })
      .filter((d) => !conflicting.has(d.id));
    await notePushed(db, name as 'annotations', written);
    return conflicts;
  };
  /**
   * Sends rows; when the server refuses a batch for good, finds the refused
   * rows by halves and sets them aside (`noteRefused`), so that one bad
   * document never holds back the others — a queue that cannot get stuck.
   */
  const pushRows = async (name: string, rows: Row[], url?: string): Promise<{ id: string }[]> => {
    try {
      return await send(name, rows, url);
    } catch (error) {
      if (!(error instanceof SyncRefused) || !PERMANENT_REFUSALS.has(error.status)) throw error;
      if (rows.length === 1) {
        const { id } = rows[0]!.newDocumentState as { id: string };
        await noteRefused(db, { collection: name, id, code: error.code, message: error.message });
        return [];
      }
      const half = Math.ceil(rows.length / 2);
      return [...(await pushRows(name, rows.slice(0, half), url)), ...(await pushRows(name, rows.slice(half), url))];
    }
  };

  /**
   * Workshops (docs/workshops.md): what this device holds of a workshop it
   * joins as a guest is sent by the guest's own replication, not here; the
   * entries of other participants that the facilitator's device collected
   * (QR codes, a shared file) go through the workshop's route, which lets a
   * member of its group bring them under their authors' names.
   */
  const routeRows = async (name: string, rows: Row[]): Promise<{ id: string }[]> => {
    if (name !== 'workshops' && name !== 'contributions') return pushRows(name, rows);
    const asGuest = new Set(Object.keys(await guestRecords(db)));
    const doc = (row: Row) => row.newDocumentState as { id: string; ownerId: string; workshopId?: string };
    const kept = rows.filter((row) => !asGuest.has(name === 'workshops' ? doc(row).id : doc(row).workshopId!));
    const own = kept.filter((row) => name === 'workshops' || doc(row).ownerId === session.user.id);
    const conflicts = own.length > 0 ? await pushRows(name, own) : [];
    const collected = new Map<string, Row[]>();
    for (const row of kept) {
      if (own.includes(row)) continue;
      collected.set(doc(row).workshopId!, [...(collected.get(doc(row).workshopId!) ?? []), row]);
    }
    for (const [workshopId, group] of collected) {
      const url = `${options.baseUrl ?? ''}/api/v1/workshops/${encodeURIComponent(workshopId)}/replication/contributions/push`;
      conflicts.push(...(await pushRows(name, group, url)));
    }
    return conflicts;
  };

  return names.map((name) => {
    return replicateRxCollection<unknown, Checkpoint>({
      // The user is part of the identifier: another account on this device starts afresh.
      replicationIdentifier: `user-${name}-${session.user.id}-v1`,
      collection: db.collections[name] as never,
      live: true,
      retryTime: options.retryMs ?? 5000,
      waitForLeadership: true,
      pull: {
        batchSize: options.batchSize ?? USER_PULL_BATCH_SIZE,
        ...gatedPull(events$, name, async (checkpoint: Checkpoint | undefined, batchSize) => {
          const params = new URLSearchParams({ limit: String(batchSize) });
          if (checkpoint) params.set('checkpoint', JSON.stringify(checkpoint));
          const page = (await call(`${base}/${name}/pull?${params}`)) as {
            documents: unknown[];
            checkpoint: Checkpoint;
          };
          // A lost group's documents leave as deletions from the server's side: never pushed back.
          return { ...page, documents: [...page.documents, ...takeForgotten(db, name)] } as never;
        }),
      },
      push: {
        batchSize: 50,
        async handler(rows) {
          const { fresh, stale } = await splitStaleRows(db.collections[name] as never, rows);
          const conflicts = fresh.length > 0 ? await routeRows(name, fresh) : [];
          return [...conflicts, ...stale] as never;
        },
      },
    });
  });
}
