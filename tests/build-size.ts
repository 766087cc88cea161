/**
 * Weights of the production build (dist/), read from Vite's manifest and the
 * service worker: what the first screen loads and what the install stores.
 * The budgets here fail `npm test` (tests/e2e/budgets.spec.ts) and are
 * printed by `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const DIST = resolve(import.meta.dirname, '../dist');

/** The install's precache, gzipped. */
export const PRECACHE_BUDGET_GZIP = 350 * 1024;

export interface SizedFile {
  path: string;
  bytes: number;
  gzip: number;
}

const sized = (path: string): SizedFile => {
  const content = readFileSync(join(DIST, path));
  return { path, bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
};

export const totalGzip = (files: SizedFile[]) => files.reduce((a, f) => a + f.gzip, 0);

/** Every file the service worker stores when it installs. */
export function precachedFiles(): SizedFile[] {
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  return [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => sized(m[1]!));
}
