import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCKS } from '../postgres/connection.ts';
import { startTestServer, startTestServerOn, type TestServer } from '../test-server.ts';
import { annotation, openStream, pullAll, pullPage, pushNew, signUp, until } from '../test-sync.ts';

/**
 * Two server processes on one PostgreSQL database (two apps, each with its
 * own connections, on one schema). Sequence numbers handed out by concurrent
 * transactions are not committed in order; a pull must still never skip a
 * document that commits after it returned its checkpoint.
 */
let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** A held write: server A numbers a document, then waits before committing until released. */
function holdGate() {
  let armed = false;
  let reached!: () => void;
  let release!: () => void;
  const reachedP = new Promise<void>((resolve) => (reached = resolve));
  const releaseP = new Promise<void>((resolve) => (release = resolve));
  return {
    arm: () => (armed = true),
    beforeCommit: async () => {
      if (!armed) return;
      armed = false;
      reached();
      await releaseP;
    },
    reached: reachedP,
    release,
  };
}

async function waitingForWriteLock(server: TestServer): Promise<boolean> {
  const client = new pg.Client({ connectionString: server.database.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
         AND classid = $1 AND objid::bigint = (hashtext($2)::bigint & 4294967295)`,
      [LOCKS.writes, server.database.schema],
    );
    return rows[0].n > 0;
  } finally {
    await client.end();
  }
}

async function twoProcesses(unorderedWrites: boolean) {
  const gate = holdGate();
  const a = await startTestServer({ pgStore: { beforeCommit: gate.beforeCommit, unorderedWrites } });
  const b = await startTestServerOn(a.database, a.libraryDir, { pgStore: { unorderedWrites } });
  servers.push(a, b);
  return { a, b, gate };
}

/**
 * A writes (numbered, not committed yet) while B writes after it; a client
 * pulls in between, then again once both committed.
 */
async function pullAcrossAnUncommittedWrite(unorderedWrites: boolean) {
  const { a, b, gate } = await twoProcesses(unorderedWrites);
  const alice = await signUp(a.url, 'Alice');
  gate.arm();
  const first = pushNew(a.url, alice, [annotation(alice, 'first')]);
  await gate.reached;
  let secondDone = false;
  const second = pushNew(b.url, alice, [annotation(alice, 'second')]).finally(() => (secondDone = true));
  // B has either written already (no lock) or is waiting for A's transaction to end.
  await until(async () => secondDone || (await waitingForWriteLock(a)));
  const before = await pullPage(b.url, alice, null);
  gate.release();
  expect((await first).status).toBe(200);
  expect((await second).status).toBe(200);
  const after = await pullAll(a.url, alice, before.checkpoint);
  return [...before.documents.map((d) => d.id), ...after.ids].sort();
}

describe('checkpoints with writers on two processes', () => {
  it('never skips a document whose number came before a later one that committed first', async () => {
    expect(await pullAcrossAnUncommittedWrite(false)).toEqual(['first', 'second']);
  });

  it('catches the naive design: numbering without the write lock loses the first document', async () => {
    // What this test guards against: the pull between the two commits returns
    // `second`'s number as its checkpoint, and `first`, numbered below it, never arrives.
    expect(await pullAcrossAnUncommittedWrite(true)).toEqual(['second']);
  });

  it('delivers every document to a puller following checkpoints while both processes write', async () => {
    const { a, b } = await twoProcesses(false);
    const alice = await signUp(a.url, 'Alice');
    const written: string[] = [];
    const writer = async (server: TestServer, name: string) => {
      for (let i = 0; i < 15; i++) {
        const docs = [0, 1].map((j) => annotation(alice, `${name}-${i}-${j}`));
        expect((await pushNew(server.url, alice, docs)).body).toEqual([]);
        written.push(...docs.map((d) => d.id));
      }
    };
    const seen = new Set<string>();
    let checkpoint: unknown = null;
    let writing = true;
    const puller = (async () => {
      for (let turn = 0; writing; turn++) {
        const page = await pullPage(turn % 2 ? a.url : b.url, alice, checkpoint, 7);
        page.documents.forEach((d) => seen.add(d.id));
        checkpoint = page.checkpoint;
      }
    })();
    await Promise.all([writer(a, 'a1'), writer(a, 'a2'), writer(b, 'b1'), writer(b, 'b2')]);
    writing = false;
    await puller;
    (await pullAll(b.url, alice, checkpoint)).ids.forEach((id) => seen.add(id));
    expect(written).toHaveLength(120);
    expect([...seen].sort()).toEqual([...written].sort());
  });

  it('streams a write made through one process to the clients of the other, and to pulls there', async () => {
    const { a, b } = await twoProcesses(false);
    const alice = await signUp(a.url, 'Alice');
    const onA = await openStream(a.url, alice);
    expect((await pushNew(b.url, alice, [annotation(alice, 'from-b')])).body).toEqual([]);
    await onA.waitFor('from-b');
    onA.close();
    expect((await pullAll(a.url, alice)).ids).toEqual(['from-b']);
  });
});
