/**
 * Side by side, in one run: the embedded SQLite with one server process,
 * PostgreSQL with one process, and PostgreSQL with two processes on the same
 * database (requests spread over them, as a load balancer would). For each:
 * push throughput (1,000 annotations), a fresh client's pull of 10,000, and
 * 1,000 event streams spread over the processes with the time from a write
 * to its arrival on every stream. PostgreSQL is a throwaway cluster with
 * durable commits (tests/postgres/cluster.ts); every server is its own
 * process on 127.0.0.1, stopped at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { onInterrupt } from './cleanup.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { freePort, startPostgres } from '../tests/postgres/cluster.ts';
import { annotation, Api, type Session } from './sync/api.ts';
import { measureFanOut, openStreams } from './sync/streams.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PUSH_DOCUMENTS = 1000;
const BATCH = 100;
const PULL_DOCUMENTS = 10_000;
const PULL_PAGE = 500;
const STREAMS = Number(process.env.BENCH_SCALE_STREAMS ?? 1000);
const STREAM_USERS = 20;
const STREAM_WRITES = 5;

export interface ScaleRun {
  setup: string;
  processes: number;
  push: { documents: number; ms: number; docsPerSecond: number };
  pull: { documents: number; ms: number; docsPerSecond: number; requests: number };
  streams: { target: number; opened: number; received: number; p50Ms: number; p95Ms: number };
}

interface ServerProcess {
  base: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'it-bench-scale-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LIBRARY_DIR: join(ROOT, 'tests/fixtures/library'),
      LOG: 'off',
      // The bench's own load: many accounts from one address, many streams per account.
      REGISTRATIONS_PER_HOUR: '100000',
      STREAMS_PER_USER: '100000',
      STREAMS_PER_ADDRESS: '100000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  void exited.then(onInterrupt(() => child.kill('SIGKILL')));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${base}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server on ${base} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    child,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createDatabase(clusterUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return clusterUrl.replace(/\/[^/]*$/, `/${name}`);
}

async function measure(setup: string, servers: ServerProcess[]): Promise<ScaleRun> {
  const apis = servers.map((s) => new Api(s.base));
  const api = (i: number) => apis[i % apis.length]!;
  const writer = await apis[0]!.register('Banc');

  // Push: 1,000 documents in batches of 100, batches spread over the processes, two at a time.
  const pushStart = performance.now();
  await pushMany(writer, 'push', PUSH_DOCUMENTS, api);
  const pushMs = performance.now() - pushStart;

  // Pull: 10,000 documents (9,000 more), read from nothing by a fresh client, pages spread over the processes.
  const reader = await apis[0]!.register('Lecteur');
  await pushMany(reader, 'pull', PULL_DOCUMENTS, api);
  const pullStart = performance.now();
  let checkpoint: unknown = null;
  let pulled = 0;
  let requests = 0;
  for (;;) {
    const query = `limit=${PULL_PAGE}${checkpoint ? `&checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}` : ''}`;
    const page = await api(requests++).call<{ documents: unknown[]; checkpoint: unknown }>(
      `/replication/annotations/pull?${query}`,
      { token: reader.token },
    );
    pulled += page.documents.length;
    checkpoint = page.checkpoint;
    if (page.documents.length < PULL_PAGE) break;
  }
  const pullMs = performance.now() - pullStart;

  // Streams: 1,000 over 20 accounts, spread over the processes; each write goes through one process in turn.
  const users: Session[] = [];
  for (let i = 0; i < STREAM_USERS; i++) users.push(await apis[0]!.register(`Flux ${i}`));
  const group = await apis[0]!.call<{ id: string; inviteCode: string }>('/workspaces', {
    token: users[0]!.token,
    body: { name: 'Banc' },
    expect: 201,
  });
  for (const user of users.slice(1)) {
    await apis[0]!.call('/workspaces/join', { token: user.token, body: { inviteCode: group.inviteCode } });
  }
  const opened = await Promise.all(
    servers.map((s, i) =>
      openStreams(
        s.base,
        '/api/v1/replication/annotations/stream',
        users.map((u) => u.token),
        Math.floor(STREAMS / servers.length) + (i < STREAMS % servers.length ? 1 : 0),
      ),
    ),
  );
  const streams = opened.flatMap((o) => o.streams);
  const arrivals: number[] = [];
  let received = Infinity;
  for (let i = 0; i < STREAM_WRITES; i++) {
    const doc = annotation(users[0]!, `scale-${setup}-${i}`, group.id);
    const fanOut = await measureFanOut(streams, doc.id, () => api(i).push(users[0]!, [doc]), 20_000);
    received = Math.min(received, fanOut.received);
    arrivals.push(fanOut.medianMs, fanOut.p95Ms);
  }
  // p50 and p95 over every arrival would need them all; measureFanOut gives per-write quantiles: report the worst write's.
  const worst = {
    p50: Math.max(...arrivals.filter((_, i) => i % 2 === 0)),
    p95: Math.max(...arrivals.filter((_, i) => i % 2 === 1)),
  };
  opened.forEach((o) => o.close());

  return {
    setup,
    processes: servers.length,
    push: {
      documents: PUSH_DOCUMENTS,
      ms: Math.round(pushMs),
      docsPerSecond: Math.round(PUSH_DOCUMENTS / (pushMs / 1000)),
    },
    pull: { documents: pulled, ms: Math.round(pullMs), docsPerSecond: Math.round(pulled / (pullMs / 1000)), requests },
    streams: {
      target: STREAMS,
      opened: streams.length,
      received,
      p50Ms: Math.round(worst.p50),
      p95Ms: Math.round(worst.p95),
    },
  };
}

async function pushMany(owner: Session, prefix: string, count: number, api: (i: number) => Api): Promise<void> {
  const batches = Array.from({ length: count / BATCH }, (_, b) =>
    Array.from({ length: BATCH }, (_, i) => annotation(owner, `${prefix}-${b}-${i}`)),
  );
  let next = 0;
  const lane = async () => {
    while (next < batches.length) {
      const index = next++;
      await api(index).push(owner, batches[index]!);
    }
  };
  await Promise.all([lane(), lane()]);
}

export async function measureScale(): Promise<ScaleRun[]> {
  const cluster = await startPostgres({ durable: true, port: Number(process.env.BENCH_PG_PORT) || undefined });
  const forgetCluster = onInterrupt(() => cluster.stop());
  const runs: ScaleRun[] = [];
  try {
    const setups: [string, number, Record<string, string>][] = [
      ['SQLite', 1, {}],
      ['PostgreSQL', 1, { DATABASE_URL: await createDatabase(cluster.url, 'bench_one') }],
      ['PostgreSQL', 2, { DATABASE_URL: await createDatabase(cluster.url, 'bench_two') }],
    ];
    for (const [name, count, env] of setups) {
      const servers: ServerProcess[] = [];
      try {
        for (let i = 0; i < count; i++) servers.push(await startServer(env));
        const run = await measure(`${name.toLowerCase()}-${count}`, servers);
        runs.push({ ...run, setup: name });
        console.log(describe(run, name));
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    }
  } finally {
    forgetCluster();
    cluster.stop();
  }
  return runs;
}

export function describe(run: ScaleRun, name = run.setup): string {
  const { push, pull, streams } = run;
  return (
    `Échelle, ${name} × ${run.processes} processus : envoi ${push.documents} docs en ${push.ms} ms (${push.docsPerSecond} docs/s) ; ` +
    `${pull.documents} docs vers un client neuf en ${pull.ms} ms (${pull.docsPerSecond} docs/s) ; ` +
    `${streams.opened}/${streams.target} flux, écriture → arrivée (pire de 5 écritures) p50 ${streams.p50Ms} ms, p95 ${streams.p95Ms} ms (reçue par ${streams.received})`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await measureScale();
}
