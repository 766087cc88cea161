// Compiles the sync server to JavaScript (sync-server/dist, the same layout
// as sync-server/src, so that paths relative to a module stay right): in
// production the server runs plain Node, no TypeScript loader. Packages stay
// in node_modules (better-sqlite3 and pg are native or optional).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: ['sync-server/src/main.ts', 'sync-server/src/library/cli.ts'],
  outbase: 'sync-server/src',
  outdir: 'sync-server/dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
