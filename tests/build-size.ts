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

/**
 * The install's precache, gzipped. Code a device needs offline only for a
 * rarer screen can go to the offline extras instead (scripts/offline-extras-plugin.ts).
 */
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

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

const manifest = () =>
  JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;

/** A module of the app and the chunks it loads with it (its static imports), from Vite's manifest. */
function closure(chunks: Record<string, ManifestChunk>, keys: string[], follow = (_key: string) => false): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = chunks[key];
    if (!chunk) throw new Error(`${key} is not in the build's manifest`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.css?.forEach((css) => files.add(css));
    chunk.imports?.forEach(visit);
    chunk.dynamicImports?.filter(follow).forEach(visit);
  };
  keys.forEach(visit);
  return files;
}

/**
 * Parts of the app loaded together, each with its budget of JavaScript
 * (gzipped), as size-limit would check them: a part counts the chunks it
 * needs that an earlier part has not already loaded.
 */
export const JS_BUDGETS = [
  {
    name: 'Premier écran',
    /**
     * The page's plain scripts, the entry, and what it loads once the static shell is painted
     * (src/main.tsx): React (src/boot.tsx), then the app (scripts/first-screen-chunk.ts).
     */
    modules: ['index.html', 'src/boot.tsx', 'src/app/App.tsx'],
    gzipBudget: 150 * 1024,
  },
  {
    name: 'Base de données (RxDB, Dexie, réplication de la bibliothèque)',
    modules: ['src/db/react/open.ts'],
    gzipBudget: 100 * 1024,
  },
] as const;

export interface JsPart {
  name: string;
  files: SizedFile[];
  jsGzip: number;
  cssGzip: number;
  gzipBudget: number;
}

/** Plain scripts index.html runs as it is parsed (from public/, so outside Vite's manifest). */
function plainScripts(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/<script src="\/([^"]+)"><\/script>/g)].map((m) => m[1]!);
}

export function jsParts(): JsPart[] {
  const chunks = manifest();
  const seen = new Set<string>();
  return JS_BUDGETS.map(({ name, modules, gzipBudget }) => {
    const withPage = (modules as readonly string[]).includes('index.html') ? plainScripts() : [];
    const files = [...withPage, ...closure(chunks, [...modules], (key) => (modules as readonly string[]).includes(key))]
      .filter((file) => !seen.has(file))
      .map(sized);
    files.forEach((f) => seen.add(f.path));
    const gzipOf = (ext: string) => totalGzip(files.filter((f) => f.path.endsWith(ext)));
    return { name, files, jsGzip: gzipOf('.js'), cssGzip: gzipOf('.css'), gzipBudget };
  });
}

/** The file Vite built for one module of the app (a key of its manifest). */
export function chunkFile(module: string): string {
  const chunk = manifest()[module];
  if (!chunk) throw new Error(`${module} is not in the build's manifest`);
  return chunk.file;
}
