import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountSettings } from './accounts/accounts.ts';
import { TEST_SCRYPT } from './accounts/passwords.ts';
import { buildApp, type App, type AppOptions } from './app.ts';
import type { ImportReport } from './library/importer.ts';
import type { ServerLimits } from './limits.ts';
import type { PgStoreOptions } from './store/postgres.ts';
import type { Store } from './store/store.ts';
import { openTestDatabase, testDatabaseConfig, type TestDatabaseConfig } from './test-database.ts';

export interface TestServer {
  app: App;
  store: Store;
  url: string;
  dataDir: string;
  /** The database it runs on (SQLite in dataDir, or a PostgreSQL schema), to start another process on it. */
  database: TestDatabaseConfig;
  libraryDir: string;
  /** Imports the library as `npm run library:import` does: another connection to the same database. */
  importLibraryAsCli(): Promise<ImportReport>;
  /** Stops the server and starts it again on the same port and data, as after a crash or a deploy. */
  restart(): Promise<TestServer>;
  close(): Promise<void>;
}

interface Options {
  staticDir?: string;
  pollMs?: number;
  accountSettings?: AccountSettings;
  workshopLimits?: AppOptions['workshopLimits'];
  /** The protocol's limits, except registrations: tests register many users from one address. */
  limits?: Partial<ServerLimits>;
  trustProxy?: boolean | number | string[];
  /** The port to listen on (0: any free one). */
  port?: number;
  /** Test seams of the PostgreSQL store. */
  pgStore?: PgStoreOptions;
}

/** A real server on an ephemeral port, over a copy of the fixture library. */
export async function startTestServer(options: Options = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'it-server-'));
  const libraryDir = join(dataDir, 'library');
  cpSync(new URL('../../tests/fixtures/library', import.meta.url), libraryDir, { recursive: true });
  const config = testDatabaseConfig(dataDir);
  const database = await openTestDatabase(config);
  await database.importLibrary(libraryDir);
  await database.close();
  return listen(config, libraryDir, options, options.port ?? 0);
}

/** Another server process on the same database (same data folder, or same PostgreSQL schema). */
export function startTestServerOn(
  config: TestDatabaseConfig,
  libraryDir: string,
  options: Options = {},
): Promise<TestServer> {
  return listen(config, libraryDir, options, 0);
}

async function listen(
  config: TestDatabaseConfig,
  libraryDir: string,
  options: Options,
  port: number,
): Promise<TestServer> {
  const { dataDir } = config;
  const database = await openTestDatabase(config, { pgStore: options.pgStore });
  const { store, accountStore, blobs, streamSlots } = database;
  const app = await buildApp({
    store,
    accountStore,
    blobs,
    streamSlots,
    accountSettings: { scrypt: TEST_SCRYPT, ...options.accountSettings },
    staticDir: options.staticDir,
    libraryDir,
    pollMs: options.pollMs ?? 50,
    workshopLimits: options.workshopLimits,
    limits: { registrationsPerHour: 10_000, ...options.limits },
    trustProxy: options.trustProxy,
  });
  const url = await app.listen({ port, host: '127.0.0.1' });
  const close = async () => {
    const closing = app.close();
    app.server.closeAllConnections(); // keep-alive sockets of the test's own fetch calls
    await closing;
    await database.close();
  };
  const server: TestServer = {
    app,
    store,
    url,
    dataDir,
    database: config,
    libraryDir,
    async importLibraryAsCli() {
      const other = await openTestDatabase(config);
      try {
        return await other.importLibrary(libraryDir);
      } finally {
        await other.close();
      }
    },
    async restart() {
      await close();
      const next = await listen(config, libraryDir, options, Number(new URL(url).port));
      return Object.assign(server, next);
    },
    close: () => close(),
  };
  return server;
}
