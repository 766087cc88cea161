import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectPostgres, type PgConnection } from '../postgres/connection.ts';
import { testDatabaseConfig } from '../test-database.ts';
import { startTestServer, startTestServerOn, type TestServer } from '../test-server.ts';
import { signUp, tryStream as openStream } from '../test-sync.ts';
import { pgStreamSlots } from './stream-slots-postgres.ts';

/**
 * SYNC-PROTOCOL.md, Limits: STREAMS_PER_USER and STREAMS_PER_ADDRESS hold
 * for the whole deployment, not per process, when several server processes
 * share one PostgreSQL database.
 */
let servers: TestServer[] = [];
let connections: PgConnection[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await Promise.all(connections.map((c) => c.close()));
  servers = [];
  connections = [];
});

describe('open streams across two server processes on one database', () => {
  it('counts a user’s streams on both processes together, and frees a place on one when a stream closes on the other', async () => {
    const a = await startTestServer({ limits: { streamsPerUser: 2 } });
    const b = await startTestServerOn(a.database, a.libraryDir, { limits: { streamsPerUser: 2 } });
    servers.push(a, b);
    const alice = await signUp(a.url, 'Alice');
    const path = '/replication/stream?collections=annotations';
    const onA = await openStream(a.url, path, alice.token);
    const onB = await openStream(b.url, path, alice.token);
    expect([onA.status, onB.status]).toEqual([200, 200]);
    for (const server of [a, b]) {
      expect(await openStream(server.url, path, alice.token)).toMatchObject({
        status: 429,
        body: { error: 'too_many_streams' },
      });
    }
    onA.close();
    await expect.poll(async () => (await openStream(b.url, path, alice.token)).status, { timeout: 10_000 }).toBe(200);
    onB.close();
  });

  it('counts anonymous streams of one address on both processes together', async () => {
    const a = await startTestServer({ limits: { streamsPerAddress: 1 } });
    const b = await startTestServerOn(a.database, a.libraryDir, { limits: { streamsPerAddress: 1 } });
    servers.push(a, b);
    const onA = await openStream(a.url, '/replication/resources/stream');
    expect(onA.status).toBe(200);
    expect(await openStream(b.url, '/replication/resources/stream')).toMatchObject({
      status: 429,
      body: { error: 'too_many_streams' },
    });
    onA.close();
  });
});

describe('stream places in PostgreSQL', () => {
  async function connect(): Promise<PgConnection> {
    const config = testDatabaseConfig(mkdtempSync(join(tmpdir(), 'it-slots-')));
    const db = await connectPostgres({ url: config.databaseUrl!, schema: config.schema, poolSize: 4 });
    connections.push(db);
    return db;
  }

  it('stop counting the places of a process that died without giving them back once their lease runs out, not before', async () => {
    const db = await connect();
    let clock = Date.parse('2026-11-29T10:00:00Z');
    const now = () => clock;
    const dead = pgStreamSlots(db, { leaseMs: 60_000, now });
    const living = pgStreamSlots(db, { leaseMs: 60_000, now });
    expect(await dead.claim('u:alice', 2)).toBeTypeOf('function');
    const kept = await living.claim('u:alice', 2);
    expect(kept).toBeTypeOf('function');
    expect(await living.claim('u:alice', 2)).toBeUndefined();

    // The living process renews its place; the dead one no longer does.
    clock += 40_000;
    await living.renew();
    clock += 30_000; // the dead place's lease ran out 10 s ago; the living one has 30 s left
    const freed = await living.claim('u:alice', 2);
    expect(freed).toBeTypeOf('function');
    expect(await living.claim('u:alice', 2)).toBeUndefined();
    // Expired places are deleted by whoever renews next.
    await living.renew();
    const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM open_streams');
    expect(rows[0]!.n).toBe(2);
    await Promise.all([dead.close(), living.close()]);
  });

  it('never lets processes claiming at the same moment past the limit', async () => {
    const db = await connect();
    const processes = [pgStreamSlots(db), pgStreamSlots(db), pgStreamSlots(db)];
    const claims = await Promise.all(
      Array.from({ length: 12 }, (_, i) => processes[i % processes.length]!.claim('a:192.0.2.7', 5)),
    );
    expect(claims.filter(Boolean)).toHaveLength(5);
    // At shutdown a process gives its places back.
    await Promise.all(processes.map((p) => p.close()));
    const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM open_streams');
    expect(rows[0]!.n).toBe(0);
  });
});
