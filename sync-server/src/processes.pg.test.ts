import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../tests/postgres/cluster.ts';
import { annotation, openStream, pullAll, pushNew, signUp, until } from './test-sync.ts';

/**
 * Two real server processes (`sync-server/src/main.ts`, as an operator runs
 * them) on one PostgreSQL database, started at the same moment.
 */
const root = resolve(import.meta.dirname, '../..');

interface Process {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
}

async function createDatabase(): Promise<string> {
  const url = inject('databaseUrl')!;
  const name = `p_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return url.replace(/\/[^/]*$/, `/${name}`);
}

async function startProcess(databaseUrl: string): Promise<Process> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'it-pg-process-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LIBRARY_DIR: join(root, 'tests/fixtures/library'),
      STATIC_DIR: join(tmpdir(), 'no-app'),
      LOG: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { url: `http://127.0.0.1:${port}`, dataDir, child, output: () => output };
}

const healthy = (p: Process) =>
  fetch(`${p.url}/api/v1/health`).then(
    (r) => r.ok,
    () => false,
  );

let a: Process;
let b: Process;
beforeAll(async () => {
  const databaseUrl = await createDatabase();
  [a, b] = await Promise.all([startProcess(databaseUrl), startProcess(databaseUrl)]);
  await until(async () => (await healthy(a)) && (await healthy(b)), 60_000);
}, 90_000);
afterAll(() => {
  for (const p of [a, b]) {
    p?.child.kill('SIGKILL');
    if (p) rmSync(p.dataDir, { recursive: true, force: true });
  }
});

describe('two server processes on one PostgreSQL database', () => {
  it('migrate and import the library once when started together', () => {
    const imports = [a, b].map((p) => /library: (\d+) written, (\d+) unchanged/.exec(p.output())!.slice(1).map(Number));
    // One process wrote the library; the other, after it, found every text unchanged.
    expect(imports.map(([written]) => written).sort((x, y) => x! - y!)).toEqual([0, imports.flat().find((n) => n > 0)]);
  });

  it('show a client of one process what was written through the other, live and by pull', async () => {
    const alice = await signUp(a.url, 'Alice');
    const onA = await openStream(a.url, alice);
    expect((await pushNew(b.url, alice, [annotation(alice, 'via-b')])).body).toEqual([]);
    await onA.waitFor('via-b');
    onA.close();
    expect((await pullAll(a.url, alice)).ids).toEqual(['via-b']);
  });

  it('lose no acknowledged write when one is killed (kill -9), and its clients carry on with the other', async () => {
    const alice = await signUp(a.url, 'Alice');
    const onA = await openStream(a.url, alice);
    const onB = await openStream(b.url, alice);
    const acknowledged: string[] = [];
    const writer = (async () => {
      for (let i = 0; ; i++) {
        const docs = [annotation(alice, `k-${i}-0`), annotation(alice, `k-${i}-1`)];
        const reply = await pushNew(b.url, alice, docs).catch(() => undefined);
        if (!reply) return; // the process is gone: this batch was never acknowledged
        expect(reply.body).toEqual([]);
        acknowledged.push(...docs.map((d) => d.id));
      }
    })();
    await until(() => acknowledged.length >= 20);
    b.child.kill('SIGKILL');
    await writer;
    // B's stream ends (after the messages it had sent before it died).
    while ((await onB.next()) !== 'END');

    // Every acknowledged write is there, read through the process that is left.
    const pulled = (await pullAll(a.url, alice)).ids;
    expect(pulled).toEqual(expect.arrayContaining(acknowledged));
    // The device that used B goes on with A: its writes are taken and streamed.
    expect((await pushNew(a.url, alice, [annotation(alice, 'after-kill')])).body).toEqual([]);
    await onA.waitFor('after-kill');
    onA.close();
  });
});
