import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openSqliteAccountStore } from './accounts/sqlite.ts';
import { buildApp } from './app.ts';
import { importLibrary } from './library/importer.ts';
import { openSqliteStore } from './store/sqlite.ts';

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

mkdirSync(dataDir, { recursive: true });
const store = openSqliteStore(join(dataDir, 'app.sqlite'));
const report = await importLibrary(store, libraryDir);
for (const { path, reason } of report.errors) console.error(`library: rejected ${path}: ${reason}`);
console.log(
  `library: ${report.written} written, ${report.unchanged} unchanged, ${report.deleted} deleted, ${report.errors.length} rejected`,
);

const accountStore = openSqliteAccountStore(join(dataDir, 'app.sqlite'));
const app = await buildApp({
  store,
  accountStore,
  blobDir: join(dataDir, 'blobs'),
  staticDir,
  libraryDir,
  logger: process.env.LOG !== 'off',
});
const close = async () => {
  await app.close();
  await accountStore.close();
  await store.close();
  process.exit(0);
};
process.on('SIGINT', close);
process.on('SIGTERM', close);
await app.listen({ port, host });
