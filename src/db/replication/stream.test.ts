import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { firstValueFrom, Subject, toArray } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectionStream, PullGate, type StreamEvent } from './stream.ts';

type Checkpoint = { seq: number };
const message = (id: string, seq: number): StreamEvent => ({
  kind: 'message',
  data: { collection: 'notes', documents: [{ id, _deleted: false }], checkpoint: { seq } },
});

describe('collectionStream', () => {
  it('turns document events into RESYNC from a (re)connection until a pull has begun', async () => {
    const events$ = new Subject<StreamEvent>();
    const gate = new PullGate();
    const items = firstValueFrom(collectionStream<Checkpoint>(events$, 'notes', gate).pipe(toArray()));
    events$.next({ kind: 'connected' });
    events$.next(message('a', 1));
    gate.pulling();
    events$.next(message('b', 2));
    events$.next({ kind: 'message', data: 'RESYNC' });
    events$.next(message('c', 3));
    events$.next({ kind: 'message', data: { collection: 'autre', documents: [], checkpoint: { seq: 4 } } });
    events$.complete();
    expect(await items).toEqual([
      'RESYNC',
      'RESYNC',
      { documents: [{ id: 'b', _deleted: false }], checkpoint: { seq: 2 } },
      'RESYNC',
      'RESYNC',
    ]);
  });
});

describe('live replication through collectionStream (real RxDB)', () => {
  let db: RxDatabase | undefined;
  afterEach(async () => {
    await db?.close();
  });

  /**
   * RxDB 17.6 drops a RESYNC queued right behind a document event; the next
   * document event then carried its checkpoint past a write made while the
   * stream was down, and no later pull fetched it (chaos seed 1052).
   */
  it('a write made while the stream was down reaches the device even if RxDB drops the RESYNC', async () => {
    db = await createRxDatabase({
      name: `stream-test-${Date.now()}`,
      storage: getRxStorageDexie({ indexedDB, IDBKeyRange }),
      multiInstance: false,
    });
    await db.addCollections({
      notes: {
        schema: {
          version: 0,
          primaryKey: 'id',
          type: 'object',
          properties: { id: { type: 'string', maxLength: 20 } },
          required: ['id'],
        },
      },
    });
    const notes = db.notes as RxCollection<{ id: string }>;
    // The server: its documents in write order, and a pull that answers what it held when asked.
    const server: { id: string; seq: number }[] = [{ id: 'a', seq: 1 }];
    let hold: Promise<void> | undefined;
    let pulls = 0;
    const events$ = new Subject<StreamEvent>();
    const gate = new PullGate();
    const replication = replicateRxCollection<unknown, Checkpoint>({
      collection: notes as never,
      replicationIdentifier: 'stream-test',
      live: true,
      pull: {
        stream$: collectionStream<Checkpoint>(events$, 'notes', gate),
        async handler(checkpoint) {
          gate.pulling();
          pulls += 1;
          const after = checkpoint?.seq ?? 0;
          const page = server.filter((d) => d.seq > after);
          if (hold) await hold;
          return {
            documents: page.map((d) => ({ id: d.id, _deleted: false })),
            checkpoint: { seq: page.at(-1)?.seq ?? after },
          };
        },
      },
    });
    events$.next({ kind: 'connected' });
    await replication.awaitInitialReplication();
    /** Tasks RxDB's downstream has queued so far (each stream item is one). */
    const queued = () => replication.internalReplicationState!.stats.down.addNewTask;
    /** Emits a stream event and waits until RxDB has queued it. */
    const emit = async (event: StreamEvent) => {
      const before = queued();
      events$.next(event);
      await vi.waitFor(() => expect(queued()).toBe(before + 1));
    };

    // A pull is under way (slow network) when the stream delivers b...
    let release!: () => void;
    hold = new Promise((done) => (release = done));
    const pullsBefore = pulls;
    await emit({ kind: 'message', data: 'RESYNC' });
    await vi.waitFor(() => expect(pulls).toBe(pullsBefore + 1));
    server.push({ id: 'b', seq: 2 });
    await emit(message('b', 2));
    // ...then drops; c is written while it is down; it reconnects; d follows.
    server.push({ id: 'c', seq: 3 });
    await emit({ kind: 'connected' });
    server.push({ id: 'd', seq: 4 });
    await emit(message('d', 4));
    hold = undefined;
    release();

    await vi.waitFor(
      async () => expect((await notes.find().exec()).map((d) => d.id).sort()).toEqual(['a', 'b', 'c', 'd']),
      { timeout: 5000 },
    );
    await replication.cancel();
  });
});
