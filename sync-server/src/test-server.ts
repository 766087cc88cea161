import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteAccountStore } from './accounts/sqlite.ts';
import type { AccountSettings } from './accounts/accounts.ts';
import { TEST_SCRYPT } from './accounts/passwords.ts';
import { buildApp, type App } from './app.ts';
import { importLibrary, type ImportReport } from './library/importer.ts';
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
  close(): Promise<void>;
}

/** A real server on an ephemeral port, over a copy of the fixture library. */
export async function startTestServer(
  options: { staticDir?: string; pollMs?: number; accountSettings?: AccountSettings } = {},
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'it-server-'));
  const libraryDir = join(dataDir, 'library');
  cpSync(new URL('../../tests/fixtures/library', import.meta.url), libraryDir, { recursive: true });
  const store = openSqliteStore(join(dataDir, 'app.sqlite'));
  await importLibrary(store, libraryDir);
  const accountStore = openSqliteAccountStore(join(dataDir, 'app.sqlite'));
  const app = await buildApp({
    store,
    accountStore,
    accountSettings: { scrypt: TEST_SCRYPT, ...options.accountSettings },
    staticDir: options.staticDir,
    libraryDir,
    pollMs: options.pollMs ?? 50,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
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
    async close() {
      const closing = app.close();
      app.server.closeAllConnections(); // keep-alive sockets of the test's own fetch calls
      await closing;
      await accountStore.close();
      await store.close();
    },
  };
}
