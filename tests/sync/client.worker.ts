/**
 * One simulated device: a real RxDB client (Dexie storage over
 * fake-indexeddb) in its own worker thread — the free RxDB build limits open
 * collections per JavaScript context. Driven by messages from the test;
 * released, it can open a new device for the next seed (loading RxDB is
 * most of a worker's cost).
 */
import { parentPort } from 'node:worker_threads';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { AppDatabase } from '../../src/db/database.ts';
import { openTestDatabase } from '../../src/db/test-database.ts';
import { replicateUserCollections } from '../../src/db/replication/user.ts';
import { saveSession, type Session } from '../../src/db/session.ts';
import { firstValueFrom } from 'rxjs';
import { newRev } from '../../src/db/ids.ts';
import { replicatedState } from '../../src/db/conflicts.ts';
import { countUnsyncedChanges, recordWrite, watchRefusals } from '../../src/db/outbox.ts';

let db: AppDatabase;
let replications: RxReplicationState<unknown, never>[] = [];
const network = { online: true, loseNextPushResponse: false };

/** The device's network: off means requests fail as with no connection. */
const deviceFetch: typeof fetch = async (input, init) => {
  if (!network.online) throw new TypeError('Failed to fetch');
  const response = await fetch(input, init);
  if (network.loseNextPushResponse && String(input).endsWith('/push')) {
    network.loseNextPushResponse = false;
    await response.arrayBuffer();
    throw new TypeError('network error: response lost');
  }
  return response;
};

type Command =
  | { type: 'open'; session: Session; name: string; baseUrl: string }
  | { type: 'write'; doc: Record<string, unknown> }
  | { type: 'edit'; id: string; patch: Record<string, unknown> }
  | { type: 'online'; value: boolean }
  | { type: 'loseNextPushResponse' }
  | { type: 'sync' }
  | { type: 'setNote'; id: string; note: string }
  | { type: 'readAll' }
  | { type: 'read'; id: string }
  | { type: 'pending' }
  | { type: 'refusals' }
  | { type: 'release' };

async function handle(command: Command): Promise<unknown> {
  switch (command.type) {
    case 'open':
      network.online = true;
      network.loseNextPushResponse = false;
      db = await openTestDatabase(`device-${command.name}`);
      await saveSession(db, command.session);
      replications = replicateUserCollections(db, command.session, {
        baseUrl: command.baseUrl,
        fetch: deviceFetch,
        retryMs: 100,
      }) as unknown as RxReplicationState<unknown, never>[];
      return null;
    case 'write': {
      const doc = { ...command.doc, id: String(command.doc.id), rev: newRev() };
      await recordWrite(db, 'annotations', doc, () => db.annotations.insert(doc as never));
      return doc;
    }
    case 'edit': {
      const current = await db.annotations.findOne(command.id).exec();
      const rev = newRev();
      await recordWrite(db, 'annotations', { id: command.id, rev }, () =>
        current!.incrementalPatch({ ...command.patch, rev, updatedAt: new Date().toISOString() } as never),
      );
      return null;
    }
    case 'setNote': {
      // Atomic: the value replaced is the one the new value was written over (the chaos test's causality).
      const current = await db.annotations.findOne(command.id).exec();
      let previous: unknown;
      const rev = newRev();
      await recordWrite(db, 'annotations', { id: command.id, rev }, () =>
        current!.incrementalModify((data) => {
          previous = (data as { note?: string }).note;
          return { ...data, note: command.note, rev, updatedAt: new Date().toISOString() };
        }),
      );
      return previous ?? null;
    }
    case 'readAll': {
      const docs = await db.annotations.find().exec();
      return docs
        .map((doc) => replicatedState(doc.toJSON(true) as Record<string, unknown>))
        .sort((a, b) => String(a.id).localeCompare(String(b.id)));
    }
    case 'online':
      network.online = command.value;
      if (command.value) replications.forEach((r) => r.reSync());
      return null;
    case 'loseNextPushResponse':
      network.loseNextPushResponse = true;
      return null;
    case 'sync':
      // What "Synchroniser maintenant" does: pull again, and wait until both directions are idle.
      for (let i = 0; i < 3; i++) {
        replications.forEach((r) => r.reSync());
        await Promise.all(replications.map((r) => r.awaitInSync()));
      }
      return null;
    case 'read': {
      const doc = await db.annotations.findOne(command.id).exec();
      if (!doc) return null;
      return replicatedState(doc.toJSON(true) as Record<string, unknown>);
    }
    case 'pending':
      return countUnsyncedChanges(db);
    case 'refusals':
      return firstValueFrom(watchRefusals(db));
    case 'release':
      // The device's data goes (fake-indexeddb keeps it in memory); the worker may serve another run.
      await Promise.all(replications.map((r) => r.cancel()));
      replications = [];
      await db.remove();
      return null;
  }
}

parentPort!.on('message', async ({ id, command }: { id: number; command: Command }) => {
  try {
    parentPort!.postMessage({ id, result: await handle(command) });
  } catch (error) {
    parentPort!.postMessage({ id, error: String((error as Error).stack ?? error) });
  }
});
