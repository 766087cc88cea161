import cluster from 'node:cluster';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { buildApp } from './app.ts';
import { openServerDatabase, type ServerDatabase } from './database.ts';
import { isStorageFailure } from './errors.ts';
import { limitsFromEnv, trustProxyFromEnv } from './limits.ts';
import { closeServer, listenUnavailable } from './unavailable.ts';
import type { WorkshopLimits } from './workshops/routes.ts';

/** Workshop guests' limits from the environment (docs/workshops.md); defaults where unset. */
function workshopLimitsFromEnv(): Partial<WorkshopLimits> {
  const number = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const limits: Partial<WorkshopLimits> = {};
  const hours = number('WORKSHOP_GUEST_HOURS');
  if (hours) limits.guestAccessMs = hours * 3600_000;
  const perWorkshop = number('WORKSHOP_WRITES_PER_WORKSHOP');
  if (perWorkshop) limits.writesPerWorkshop = { max: perWorkshop, windowMs: 10 * 60_000 };
  const perAddress = number('WORKSHOP_WRITES_PER_ADDRESS');
  if (perAddress) limits.writesPerAddress = { max: perAddress, windowMs: 10 * 60_000 };
  const joins = number('WORKSHOP_JOIN_FAILURES_PER_ADDRESS');
  if (joins) limits.joinFailuresPerAddress = { max: joins, windowMs: 15 * 60_000 };
  return limits;
}

const root = resolve(import.meta.dirname, '../..');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(process.env.DATA_DIR ?? './data');
const libraryDir = resolve(process.env.LIBRARY_DIR ?? join(root, 'sync-server/library'));
const staticDir = resolve(process.env.STATIC_DIR ?? join(root, 'dist'));
const databaseUrl = process.env.DATABASE_URL || undefined;
const workers = Number(process.env.WORKERS ?? 1);

if (!Number.isInteger(workers) || workers < 1) {
  console.error(`WORKERS must be a whole number of processes (1 or more), not « ${process.env.WORKERS} ».`);
  process.exit(1);
}
if (workers > 1 && !databaseUrl) {
  console.error('WORKERS > 1 needs DATABASE_URL (PostgreSQL): the embedded SQLite database serves one process.');
  process.exit(1);
}

/** Opens the database (migrations run then) and imports the library: both write, so both fail on a read-only or full data folder. */
async function openDatabase(importing: boolean): Promise<ServerDatabase> {
  const database = await openServerDatabase({ dataDir, databaseUrl });
  try {
    if (importing) {
      const report = await database.importLibrary(libraryDir);
      for (const { path, reason } of report.errors) console.error(`library: rejected ${path}: ${reason}`);
      console.log(
        `library: ${report.written} written, ${report.unchanged} unchanged, ${report.deleted} deleted, ${report.errors.length} rejected`,
      );
    }
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * A data folder that cannot take a write at start (read-only, full disk)
 * does not stop the server: it answers 503 (health included) and tries again
 * until it can, then serves normally.
 */
const RETRY_OPEN_MS = 2000;
async function openWhenWritable(importing: boolean, answerMeanwhile: boolean): Promise<ServerDatabase> {
  let unavailable: Server | undefined;
  for (;;) {
    try {
      const database = await openDatabase(importing);
      if (unavailable) await closeServer(unavailable);
      return database;
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      const code = (error as { code: string }).code;
      if (!unavailable) {
        console.error(`data folder ${dataDir} cannot be written (${code}): answering 503 until it can`);
        if (answerMeanwhile) unavailable = await listenUnavailable(port, host, code);
      }
      await new Promise((done) => setTimeout(done, RETRY_OPEN_MS));
    }
  }
}

if (workers > 1 && cluster.isPrimary) {
  // Migrations and the library import once, then WORKERS processes sharing the port (node:cluster).
  await (await openWhenWritable(true, false)).close();
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} else {
  // A worker of WORKERS=N finds the library imported by the primary.
  const database = await openWhenWritable(!cluster.isWorker, !cluster.isWorker);
  const app = await buildApp({
    store: database.store,
    accountStore: database.accountStore,
    blobs: database.blobs,
    streamSlots: database.streamSlots,
    staticDir,
    libraryDir,
    limits: limitsFromEnv(process.env),
    trustProxy: trustProxyFromEnv(process.env.TRUST_PROXY),
    logger: process.env.LOG !== 'off',
    workshopLimits: workshopLimitsFromEnv(),
  });

  /** SYNC-PROTOCOL.md, Limits: on SIGTERM, stop accepting, close streams, finish the writes in flight, exit within 10 s. */
  const SHUTDOWN_MS = 9_000;
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    const late = setTimeout(() => {
      console.error(`${signal}: requests still running after ${SHUTDOWN_MS} ms, exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_MS);
    late.unref();
    await app.close(); // streams end in preClose; requests in flight finish first
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port, host });
}
