import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteAccountStore } from './accounts/sqlite.ts';
import type { AccountSettings } from './accounts/accounts.ts';
import { TEST_SCRYPT } from './accounts/passwords.ts';
import { buildApp, type App, type AppOptions } from './app.ts';
import { importLibrary, type ImportReport } from './library/importer.ts';
import type { ServerLimits } from './limits.ts';
import { openSqliteStore } from './store/sqlite.ts';
import type { Store } from './store/store.ts';

export interface TestServer {
  app: App;
  store: Store;
  url: string;
  dataDir: string;
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
}

/** A real server on an ephemeral port, over a copy of the fixture library. */
export async function startTestServer(options: Options = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'it-server-'));
  const libraryDir = join(dataDir, 'library');
  cpSync(new URL('../../tests/fixtures/library', import.meta.url), libraryDir, { recursive: true });
  const store = openSqliteStore(join(dataDir, 'app.sqlite'));
  await importLibrary(store, libraryDir);
  await store.close();
  return listen(dataDir, libraryDir, options, options.port ?? 0);
}

async function listen(dataDir: string, libraryDir: string, options: Options, port: number): Promise<TestServer> {
  const store = openSqliteStore(join(dataDir, 'app.sqlite'));
  const accountStore = openSqliteAccountStore(join(dataDir, 'app.sqlite'));
  const app = await buildApp({
    store,
    accountStore,
    blobDir: join(dataDir, 'blobs'),
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
    await accountStore.close();
    await store.close();
  };
  const server: TestServer = {
    app,
    store,
    url,
    dataDir,
    libraryDir,
    async importLibraryAsCli() {
      const other = openSqliteStore(join(dataDir, 'app.sqlite'));
      try {
        return await importLibrary(other, libraryDir);
      } finally {
        await other.close();
      }
    },
    async restart() {
      await close();
      const next = await listen(dataDir, libraryDir, options, Number(new URL(url).port));
      return Object.assign(server, next);
    },
    close: () => close(),
  };
  return server;
}
