import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** How long a previous build's hashed files stay after a deployment replaced them. */
export const KEEP_RETIRED_MS = 7 * 24 * 3600_000;
const RECORD = '.retired-assets.json';

/**
 * A page opened before a deployment still runs the previous build, which
 * loads its screens' code lazily by hashed name: those files stay in
 * `dist/assets` for a week after the deployment that replaced them, then go.
 * `current`: the files of the new build; returns the files deleted.
 */
export function retireAssets(assetsDir: string, current: ReadonlySet<string>, now = Date.now()): string[] {
  if (!existsSync(assetsDir)) return [];
  const recordPath = join(assetsDir, RECORD);
  const retired: Record<string, number> = existsSync(recordPath)
    ? (JSON.parse(readFileSync(recordPath, 'utf8')) as Record<string, number>)
    : {};
  const deleted: string[] = [];
  const kept: Record<string, number> = {};
  for (const name of readdirSync(assetsDir)) {
    if (name === RECORD || current.has(name)) continue;
    const since = retired[name] ?? now;
    if (now - since >= KEEP_RETIRED_MS) {
      rmSync(join(assetsDir, name), { force: true });
      deleted.push(name);
    } else kept[name] = since;
  }
  writeFileSync(recordPath, `${JSON.stringify(kept, null, 2)}\n`);
  return deleted;
}

/** Builds into `dist` without emptying `dist/assets` first, then retires what the new build no longer has. */
export function keepPreviousAssets(): Plugin {
  let current = new Set<string>();
  let outDir = 'dist';
  return {
    name: 'keep-previous-assets',
    apply: 'build',
    config: () => ({ build: { emptyOutDir: false } }),
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (fileName.startsWith('assets/')) current.add(fileName.slice('assets/'.length));
      }
    },
    closeBundle() {
      retireAssets(join(outDir, 'assets'), current);
      current = new Set();
    },
  };
}
