/**
 * `npm run bench:abuse`: the server under load, abuse and a crash
 * (SYNC-PROTOCOL.md, Limits), against the real server as its own process.
 *
 * 1. Load: 500 event streams (8 per user, the protocol's default limit)
 *    while one writer pushes 50 documents a second for 5 minutes, shared
 *    with a group every reader belongs to: server memory at start, middle
 *    and end, events missed (goal 0), write → arrival p95.
 * 2. Slow readers: 60 streams that never read while 12 pushes of about
 *    1 MiB go through: the server's memory growth (goal ≤ 64 MiB).
 * 3. Crash: `kill -9` during a burst of pushes, then a restart on the same
 *    data: acknowledged documents lost (goal 0).
 *
 * ABUSE_LOAD_SECONDS shortens the load phase for a quick run (default 300);
 * ABUSE_PROFILE=<folder> writes a CPU profile of the load phase's server there;
 * ABUSE_PHASES=load runs only the load (default: load,slow,crash).
 * The streams are read by worker threads that only note arrival times, and
 * the report says how busy they and the writer were: figures taken while
 * the client was saturated would measure the client, not the server.
 * Prints the figures (with the writes acknowledged per second and the
 * machine's load average) and writes bench/abuse-results.json.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import getPort from 'get-port';
import { annotation, Api, type Session } from './sync/api.ts';
import { startSyncServer, type SyncServer } from './sync/server.ts';
import { openStreamReaders } from './sync/stream-readers.ts';

/** BENCH_ABUSE_PORT (and the next one, for the crash), or free ports. */
const PORT = process.env.BENCH_ABUSE_PORT ? Number(process.env.BENCH_ABUSE_PORT) : await getPort({ host: '127.0.0.1' });
const CRASH_PORT = process.env.BENCH_ABUSE_PORT ? PORT + 1 : await getPort({ host: '127.0.0.1' });
const LOAD_SECONDS = Number(process.env.ABUSE_LOAD_SECONDS ?? 300);
/** ABUSE_PROFILE=<folder>: the server of the load phase writes a CPU profile there (`--cpu-prof`). */
const PROFILE_DIR = process.env.ABUSE_PROFILE;
const LOAD_STREAMS = 500;
/** Threads reading the streams (ABUSE_READER_THREADS). */
const READER_THREADS = Number(process.env.ABUSE_READER_THREADS ?? 3);
const STREAMS_PER_USER = 8;
const WRITES_PER_SECOND = 50;
const SLOW_STREAMS = 60;
const BIG_PUSHES = 12;
const MIB = 1024 * 1024;
const BURST_PUSHERS = 8;

const mib = (bytes: number | null) => (bytes === null ? null : Math.round((bytes / MIB) * 10) / 10);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The protocol's default stream limits: the load must fit within them. */
const LIMITS = {
  STREAMS_PER_USER: String(STREAMS_PER_USER),
  STREAMS_PER_ADDRESS: '32',
  REGISTRATIONS_PER_HOUR: '1000',
};

/** One after the other: each registration costs a real password hash. */
async function registerMany(api: Api, prefix: string, count: number): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let i = 0; i < count; i++) sessions.push(await api.register(`${prefix} ${i + 1}`));
  return sessions;
}

async function group(api: Api, owner: Session, members: Session[]): Promise<string> {
  const workspace = await api.call<{ id: string; inviteCode: string }>('/workspaces', {
    token: owner.token,
    body: { name: 'Banc de charge' },
    expect: 201,
  });
  for (const member of members) {
    await api.call('/workspaces/join', { token: member.token, body: { inviteCode: workspace.inviteCode } });
  }
  return workspace.id;
}

async function load(server: SyncServer) {
  const api = new Api(server.base);
  const writer = await api.register('Écrivain');
  const readers = await registerMany(api, 'Lecteur', Math.ceil(LOAD_STREAMS / STREAMS_PER_USER));
  const workspaceId = await group(api, writer, readers);
  const total = LOAD_SECONDS * WRITES_PER_SECOND;
  // The streams are read by worker threads that only note arrival times: the client keeps up.
  const streams = await openStreamReaders(
    server.base,
    '/api/v1/replication/stream?collections=annotations',
    readers.flatMap((r) => Array.from({ length: STREAMS_PER_USER }, () => r.token)).slice(0, LOAD_STREAMS),
    total,
    READER_THREADS,
  );
  const sentAt = new Float64Array(total).fill(NaN);
  const acked = new Uint8Array(total);
  const clock = () => performance.timeOrigin + performance.now();
  const memory = { startMiB: mib(server.rssBytes()), middleMiB: null as number | null, endMiB: null as number | null };
  const cpuBefore = server.cpuSeconds();
  const writerLoop = performance.eventLoopUtilization();
  const started = performance.now();
  let failedWrites = 0;
  const failureReasons: Record<string, number> = {};
  let lateWrites = 0;
  const writes: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / WRITES_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    else if (wait < -100) lateWrites += 1;
    if (i === Math.floor(total / 2)) memory.middleMiB = mib(server.rssBytes());
    const doc = annotation(writer, `charge-${i}`, workspaceId);
    sentAt[i] = clock();
    writes.push(
      api.push(writer, [doc]).then(
        () => void (acked[i] = 1),
        (error: Error) => {
          failedWrites += 1;
          const reason = error.message.replace(/charge-\d+/g, 'charge-n').slice(0, 160);
          failureReasons[reason] = (failureReasons[reason] ?? 0) + 1;
        },
      ),
    );
  }
  await Promise.all(writes);
  const writingSeconds = (performance.now() - started) / 1000;
  // Arrivals still on their way: wait until every stream has every acknowledged write, or 10 s.
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline && (await streams.missing(acked)) > 0) await sleep(500);
  memory.endMiB = mib(server.rssBytes());
  const cpuAfter = server.cpuSeconds();
  const report = await streams.finish(sentAt, acked);
  const acknowledged = acked.reduce((sum, a) => sum + a, 0);
  return {
    seconds: LOAD_SECONDS,
    streams: report.streams,
    streamFailures: report.failures,
    streamsClosedByServer: report.closedByServer,
    writes: total,
    /** Writes the server acknowledged, and how many a second over the writing time: the throughput goal is 50. */
    acknowledged,
    acknowledgedPerSecond: Math.round((acknowledged / writingSeconds) * 10) / 10,
    failedWrites,
    failureReasons,
    /** Writes sent more than 100 ms after their due time (the writer itself fell behind). */
    lateWrites,
    writingSeconds: Math.round(writingSeconds * 10) / 10,
    memory,
    eventsExpected: acknowledged * report.streams,
    eventsMissed: report.missed,
    arrivalP50Ms: report.p50Ms,
    arrivalP95Ms: report.p95Ms,
    arrivalMaxMs: report.maxMs,
    /** Share of one core the server used during the phase (the machine has two, shared). */
    serverCpu:
      cpuBefore === null || cpuAfter === null
        ? null
        : Math.round(((cpuAfter - cpuBefore) / ((performance.now() - started) / 1000)) * 100) / 100,
    writerBusy: Math.round(performance.eventLoopUtilization(writerLoop).utilization * 100) / 100,
    readerBusy: report.readerBusy,
  };
}

/** A client that sends its request and never reads the answer. */
function slowReader(server: SyncServer, token: string): Socket {
  const socket = connect(server.port, '127.0.0.1');
  socket.pause();
  socket.on('error', () => undefined);
  socket.write(
    `GET /api/v1/replication/stream?collections=annotations HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer ${token}\r\n\r\n`,
  );
  return socket;
}

async function slowReaders(server: SyncServer) {
  const api = new Api(server.base);
  const writer = await api.register('Gros envoi');
  const readers = await registerMany(api, 'Lent', Math.ceil(SLOW_STREAMS / STREAMS_PER_USER));
  const workspaceId = await group(api, writer, readers);
  const before = server.rssBytes();
  const sockets = Array.from({ length: SLOW_STREAMS }, (_, i) =>
    slowReader(server, readers[i % readers.length]!.token),
  );
  let closedByServer = 0;
  for (const socket of sockets) socket.on('close', () => (closedByServer += 1));
  await sleep(500);
  let peak = server.rssBytes() ?? 0;
  const note = 'x'.repeat(19_000);
  for (let p = 0; p < BIG_PUSHES; p++) {
    // About 1 MiB: 52 annotations with a long note.
    const docs = Array.from({ length: 52 }, (_, i) => ({ ...annotation(writer, `gros-${p}-${i}`, workspaceId), note }));
    await api.push(writer, docs);
    peak = Math.max(peak, server.rssBytes() ?? 0);
  }
  for (let i = 0; i < 20; i++) {
    await sleep(100);
    peak = Math.max(peak, server.rssBytes() ?? 0);
  }
  // The server ended the streams it stopped queueing for; a socket sees it once it reads.
  for (const socket of sockets) socket.resume();
  await sleep(1000);
  const result = {
    streams: SLOW_STREAMS,
    pushes: BIG_PUSHES,
    pushedMiB: mib(BIG_PUSHES * 52 * (note.length + 400)),
    memoryBeforeMiB: mib(before),
    memoryPeakMiB: mib(peak),
    growthMiB: before === null ? null : mib(peak - before),
    streamsClosedByServer: closedByServer,
  };
  sockets.forEach((s) => s.destroy());
  return result;
}

async function crash() {
  const dataDir = mkdtempSync(join(tmpdir(), 'it-bench-crash-'));
  try {
    let server = await startSyncServer(CRASH_PORT, { dataDir, env: LIMITS });
    const api = new Api(server.base);
    const pushers = await registerMany(api, 'Rafale', BURST_PUSHERS);
    const acknowledged = new Map<string, Session>();
    let stop = false;
    let attempted = 0;
    const pushLoop = async (session: Session, index: number) => {
      for (let n = 0; !stop; n++) {
        const docs = Array.from({ length: 5 }, (_, i) => annotation(session, `rafale-${index}-${n}-${i}`));
        attempted += docs.length;
        try {
          await api.push(session, docs);
          for (const doc of docs) acknowledged.set(doc.id, session);
        } catch {
          return; // the server died under this request: not acknowledged
        }
      }
    };
    const loops = pushers.map((session, index) => pushLoop(session, index));
    await sleep(1500);
    await server.kill();
    stop = true;
    await Promise.all(loops);
    server = await startSyncServer(CRASH_PORT, { dataDir, env: LIMITS });
    const restarted = new Api(server.base);
    const found = new Set<string>();
    for (const session of pushers) {
      let checkpoint: unknown = null;
      for (;;) {
        const query = checkpoint ? `&checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}` : '';
        const page = await restarted.call<{ documents: { id: string }[]; checkpoint: unknown }>(
          `/replication/annotations/pull?limit=500${query}`,
          { token: session.token },
        );
        page.documents.forEach((d) => found.add(d.id));
        checkpoint = page.checkpoint;
        if (page.documents.length < 500) break;
      }
    }
    await server.stop();
    const lost = [...acknowledged.keys()].filter((id) => !found.has(id));
    return { attempted, acknowledged: acknowledged.size, afterRestart: found.size, acknowledgedLost: lost.length };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const phases = new Set((process.env.ABUSE_PHASES ?? 'load,slow,crash').split(','));
  // The machine's load (1, 5, 15 min) at start and end: figures from a busy machine say so.
  const loadAverage = { start: loadavg().map((l) => Math.round(l * 100) / 100), end: [] as number[] };
  const results: Record<string, unknown> = {};
  const goals: Record<string, boolean> = {};
  if (phases.has('load')) {
    const nodeArgs = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
    const server = await startSyncServer(PORT, { env: LIMITS, nodeArgs });
    try {
      const figures = await load(server);
      results.load = figures;
      goals.eventsMissed = figures.eventsMissed === 0;
      // Every write acknowledged, at the rate it was sent (within 5 %): the server kept up.
      goals.acknowledged50PerSecond =
        figures.failedWrites === 0 && figures.acknowledgedPerSecond >= 0.95 * WRITES_PER_SECOND;
      console.log('load', JSON.stringify(figures));
    } finally {
      await server.stop();
    }
  }
  if (phases.has('slow')) {
    const server = await startSyncServer(PORT, { env: LIMITS });
    try {
      const slow = await slowReaders(server);
      results.slowReaders = slow;
      goals.slowReadersGrowthWithin64MiB = (slow.growthMiB ?? Infinity) <= 64;
      console.log('slow readers', JSON.stringify(slow));
    } finally {
      await server.stop();
    }
  }
  if (phases.has('crash')) {
    const crashed = await crash();
    results.crash = crashed;
    goals.acknowledgedLost = crashed.acknowledgedLost === 0;
    console.log('kill -9', JSON.stringify(crashed));
  }
  loadAverage.end = loadavg().map((l) => Math.round(l * 100) / 100);
  console.log('load average', JSON.stringify(loadAverage));
  writeFileSync(
    new URL('./abuse-results.json', import.meta.url),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), loadAverage, ...results, goals }, null, 2)}\n`,
  );
  console.log('goals', JSON.stringify(goals));
  if (Object.values(goals).some((met) => !met)) process.exitCode = 1;
}

await main();
