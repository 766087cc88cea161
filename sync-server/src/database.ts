import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPgAccountStore } from './accounts/postgres.ts';
import { openSqliteAccountStore } from './accounts/sqlite.ts';
import type { AccountStore } from './accounts/store.ts';
import type { BlobBytes } from './blobs/bytes.ts';
import { BlobFiles } from './blobs/files.ts';
import { pgBlobBytes } from './blobs/postgres.ts';
import { importLibrary, type ImportReport } from './library/importer.ts';
import { connectPostgres, LOCKS, type PgConnection } from './postgres/connection.ts';
import { openPgStore, type PgStoreOptions } from './store/postgres.ts';
import { openSqliteStore } from './store/sqlite.ts';
import type { Store } from './store/store.ts';
import { memoryStreamSlots, type StreamSlots } from './replication/stream-slots.ts';
import { pgStreamSlots } from './replication/stream-slots-postgres.ts';

/** Everything the server keeps, in one database: SQLite by default, PostgreSQL with DATABASE_URL. */
export interface ServerDatabase {
  kind: 'sqlite' | 'postgres';
  store: Store;
  accountStore: AccountStore;
  blobs: BlobBytes;
  /** Open streams per user and per address: in memory for SQLite (one process), in the database for PostgreSQL. */
  streamSlots: StreamSlots;
  /** Publishes the library folder; with PostgreSQL one process at a time (the others then find it unchanged). */
  importLibrary(dir: string): Promise<ImportReport>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** SQLite file and blob files (`DATA_DIR`); unused with PostgreSQL. */
  dataDir: string;
  /** `postgres://…` selects PostgreSQL. */
  databaseUrl?: string;
  /** PostgreSQL schema (tests give each server its own); `public` when absent. */
  schema?: string;
  poolSize?: number;
  /** Test seams of the PostgreSQL document store. */
  pgStore?: PgStoreOptions;
}

export async function openServerDatabase(options: DatabaseOptions): Promise<ServerDatabase> {
  if (options.databaseUrl) {
    const db = await connectPostgres({ url: options.databaseUrl, schema: options.schema, poolSize: options.poolSize });
    const store = openPgStore(db, options.pgStore);
    const streamSlots = pgStreamSlots(db);
    return {
      kind: 'postgres',
      store,
      accountStore: openPgAccountStore(db),
      blobs: pgBlobBytes(db),
      streamSlots,
      importLibrary: (dir) => exclusively(db, () => importLibrary(store, dir)),
      async close() {
        await streamSlots.close();
        await db.close();
      },
    };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, 'app.sqlite');
  const store = openSqliteStore(file);
  const accountStore = openSqliteAccountStore(file);
  return {
    kind: 'sqlite',
    store,
    accountStore,
    blobs: new BlobFiles(join(options.dataDir, 'blobs')),
    streamSlots: memoryStreamSlots(),
    importLibrary: (dir) => importLibrary(store, dir),
    async close() {
      await accountStore.close();
      await store.close();
    },
  };
}

/** Runs `work` while holding the library lock: processes starting together import one after the other. */
async function exclusively<T>(db: PgConnection, work: () => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCKS.library, db.schema]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCKS.library, db.schema]);
    }
  } finally {
    client.release();
  }
}
