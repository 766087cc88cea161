import { join, resolve } from 'node:path';
import { openServerDatabase } from '../database.ts';

/** `npm run library:import`: publishes sync-server/library into the server's database (DATA_DIR's SQLite file, or DATABASE_URL). */
const dataDir = resolve(process.env.DATA_DIR ?? './data');
const libraryDir = resolve(process.env.LIBRARY_DIR ?? join(import.meta.dirname, '../../library'));
const database = await openServerDatabase({ dataDir, databaseUrl: process.env.DATABASE_URL || undefined, poolSize: 2 });
const report = await database.importLibrary(libraryDir).finally(() => database.close());
for (const { path, reason } of report.errors) console.error(`rejeté ${path} : ${reason}`);
console.log(
  `bibliothèque : ${report.written} écrit(s), ${report.unchanged} inchangé(s), ${report.deleted} supprimé(s), ${report.errors.length} rejeté(s)`,
);
process.exitCode = report.errors.length > 0 ? 1 : 0;
