import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { openSqliteAccountStore } from './accounts/sqlite.ts';
import { buildApp } from './app.ts';
import { importLibrary } from './library/importer.ts';
import { limitsFromEnv, trustProxyFromEnv } from './limits.ts';
import { isStorageFailure } from './errors.ts';
import { openSqliteStore } from './store/sqlite.ts';
import type { Store } from './store/store.ts';
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

if (process.env.DATABASE_URL) {
  console.error('DATABASE_URL (PostgreSQL) is not supported yet: unset it to use the embedded SQLite database.');
  process.exit(1);
}

/** Opens the database and imports the library: both write, so both fail on a read-only or full data folder. */
async function openStore(): Promise<Store> {
  mkdirSync(dataDir, { recursive: true });
  const store = openSqliteStore(join(dataDir, 'app.sqlite'));
  try {
    const report = await importLibrary(store, libraryDir);
    for (const { path, reason } of report.errors) console.error(`library: rejected ${path}: ${reason}`);
    console.log(
      `library: ${report.written} written, ${report.unchanged} unchanged, ${report.deleted} deleted, ${report.errors.length} rejected`,
    );
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * A data folder that cannot take a write at start (read-only, full disk)
 * does not stop the server: it answers 503 (health included) and tries again
 * until it can, then serves normally.
 */
const RETRY_OPEN_MS = 2000;
let unavailable: Server | undefined;
let store: Store | undefined;
while (!store) {
  try {
    store = await openStore();
  } catch (error) {
    if (!isStorageFailure(error)) throw error;
    const code = (error as { code: string }).code;
    if (!unavailable) {
      console.error(`data folder ${dataDir} cannot be written (${code}): answering 503 until it can`);
      unavailable = await listenUnavailable(port, host, code);
    }
    await new Promise((done) => setTimeout(done, RETRY_OPEN_MS));
  }
}
if (unavailable) await closeServer(unavailable);

const accountStore = openSqliteAccountStore(join(dataDir, 'app.sqlite'));
const app = await buildApp({
  store,
  accountStore,
  blobDir: join(dataDir, 'blobs'),
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
  await accountStore.close();
  await store.close();
  process.exit(0);
};
process.on('SIGINT', () => void close('SIGINT'));
process.on('SIGTERM', () => void close('SIGTERM'));
await app.listen({ port, host });
