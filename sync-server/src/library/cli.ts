import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openSqliteStore } from '../store/sqlite.ts';
import { importLibrary } from './importer.ts';

/** `npm run library:import`: publishes sync-server/library into DATA_DIR's database. */
const dataDir = resolve(process.env.DATA_DIR ?? './data');
const libraryDir = resolve(process.env.LIBRARY_DIR ?? join(import.meta.dirname, '../../library'));
mkdirSync(dataDir, { recursive: true });
const store = openSqliteStore(join(dataDir, 'app.sqlite'));
const report = await importLibrary(store, libraryDir);
await store.close();
for (const { path, reason } of report.errors) console.error(`rejeté ${path} : ${reason}`);
console.log(
  `bibliothèque : ${report.written} écrit(s), ${report.unchanged} inchangé(s), ${report.deleted} supprimé(s), ${report.errors.length} rejeté(s)`,
);
process.exitCode = report.errors.length > 0 ? 1 : 0;
