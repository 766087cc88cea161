import { share } from 'rxjs';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { formatWorkshopCode } from '../../model/workshops/code.ts';
import type { WorkshopEntry } from '../../model/workshops/contribution.ts';
import type { AppDatabase } from '../database.ts';
import { notePushed, noteRefused } from '../outbox.ts';
import { saveGuestRecord, type GuestRecord } from '../workshop-guests.ts';
import { eventStream, gatedPull } from './stream.ts';
import { SyncRefused } from './user.ts';
import { readErrorBody, type Checkpoint as ProtocolCheckpoint } from '../../model/protocol.ts';

export interface GuestReplicationOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  retryMs?: number;
}

type Checkpoint = ProtocolCheckpoint | null;
const PERMANENT_REFUSALS = new Set([400, 403, 413]);

/**
 * A guest's part in one workshop (docs/workshops.md): first the join is
 * confirmed with the server (the guest token may have been made offline),
 * then the workshop's entries go both ways and the workshop document comes
 * down, live through the workshop's event stream. Only the guest's own
 * entries of this workshop are sent.
 */
export function replicateGuestWorkshop(
  db: AppDatabase,
  guest: GuestRecord,
  code: string,
  options: GuestReplicationOptions = {},
): RxReplicationState<unknown, Checkpoint>[] {
  const base = `${options.baseUrl ?? ''}/api/v1/workshops`;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const auth = { authorization: `Guest ${guest.token}` };
  let joined: Promise<void> | undefined;

  const call = async (url: string, init: RequestInit = {}, headers: Record<string, string> = auth) => {
    const response = await doFetch(url, { ...init, cache: 'no-store', headers: { ...headers, ...init.headers } });
    if (!response.ok) {
      const body = readErrorBody(await response.json().catch(() => undefined), response.status);
      throw new SyncRefused(response.status, body.error, body.message);
    }
    return response.json();
  };
  /** Confirms the participation once per run (joining again only renews the access). */
  const join = () =>
    (joined ??= (async () => {
      await call(
        `${base}/join`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: formatWorkshopCode(code), guestToken: guest.token }),
        },
        {},
      );
      await saveGuestRecord(db, guest.workshopId, (current) => ({
        ...(current ?? guest),
        joinedAt: current?.joinedAt ?? new Date().toISOString(),
      }));
    })().catch((error) => {
      joined = undefined;
      throw error;
    }));

  const scoped = `${base}/${encodeURIComponent(guest.workshopId)}/replication`;
  const events$ = eventStream({
    url: `${scoped}/stream`,
    fetch: async (url, init) => {
      await join();
      return doFetch(url, init);
    },
    headers: () => auth,
    retryMs: options.retryMs,
  }).pipe(share());

  const pull = (name: 'workshops' | 'contributions') => ({
    batchSize: 100,
    ...gatedPull(events$, name, async (checkpoint: Checkpoint | undefined, batchSize: number) => {
      await join();
      const params = new URLSearchParams({ limit: String(batchSize) });
      if (checkpoint) params.set('checkpoint', JSON.stringify(checkpoint));
      return call(`${scoped}/${name}/pull?${params}`);
    }),
  });

  const send = async (rows: { newDocumentState: unknown }[]): Promise<unknown[]> => {
    try {
      const conflicts = (await call(`${scoped}/contributions/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(rows),
      })) as { id: string }[];
      const conflicting = new Set(conflicts.map((c) => c.id));
      const written = rows.map((r) => r.newDocumentState as { id: string; rev: string });
      await notePushed(
        db,
        'contributions',
        written.filter((d) => !conflicting.has(d.id)),
      );
      return conflicts;
    } catch (error) {
      if (!(error instanceof SyncRefused) || !PERMANENT_REFUSALS.has(error.status)) throw error;
      if (rows.length > 1) {
        const results: unknown[] = [];
        for (const row of rows) results.push(...(await send([row])));
        return results;
      }
      const { id } = rows[0]!.newDocumentState as { id: string };
      await noteRefused(db, { collection: 'contributions', id, code: error.code, message: error.message });
      return [];
    }
  };

  return [
    replicateRxCollection<unknown, Checkpoint>({
      replicationIdentifier: `guest-contributions-${guest.workshopId}-${guest.guestId}-v1`,
      collection: db.collections.contributions as never,
      live: true,
      retryTime: options.retryMs ?? 5000,
      waitForLeadership: true,
      pull: pull('contributions'),
      push: {
        batchSize: 50,
        async handler(rows) {
          const mine = rows.filter((r) => {
            const entry = r.newDocumentState as unknown as WorkshopEntry;
            return entry.workshopId === guest.workshopId && entry.ownerId === guest.guestId;
          });
          if (mine.length === 0) return [];
          await join();
          return (await send(mine)) as never;
        },
      },
    }),
    replicateRxCollection<unknown, Checkpoint>({
      replicationIdentifier: `guest-workshop-${guest.workshopId}-${guest.guestId}-v1`,
      collection: db.collections.workshops as never,
      live: true,
      retryTime: options.retryMs ?? 5000,
      waitForLeadership: true,
      pull: pull('workshops'),
    }),
  ];
}
