import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * A bench page's script (`bench/<page>/main.ts`) with the app's code it
 * imports, bundled by Vite as the app ships it, as one classic script to
 * inject into a page. `minify: false` keeps names for a CPU profile.
 */
export async function buildPageScript(page: string, options: { minify?: boolean } = {}): Promise<string> {
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), `${page}-`));
  try {
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'warn',
      mode: 'production',
      publicDir: false,
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        minify: options.minify ?? true,
        lib: {
          entry: join(ROOT, 'bench', page, 'main.ts'),
          formats: ['iife'],
          name: 'benchPage',
          fileName: () => 'page.js',
        },
      },
    });
    return readFileSync(join(outDir, 'page.js'), 'utf8');
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
