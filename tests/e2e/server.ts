import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The server's data and its own copy of the library, which tests may edit. */
export const E2E_DIR = join(tmpdir(), `it-e2e-${process.env.E2E_PORT ?? 8097}`);
export const LIBRARY_DIR = join(E2E_DIR, 'library');
export const DATA_DIR = join(E2E_DIR, 'data');

export function prepareDirs(): void {
  rmSync(E2E_DIR, { recursive: true, force: true });
  mkdirSync(DATA_DIR, { recursive: true });
  cpSync(join(ROOT, 'sync-server/library'), LIBRARY_DIR, { recursive: true });
}

export function startServer(port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
    cwd: ROOT,
    // Every e2e person registers from 127.0.0.1: the per-address limit (tested in limits.test.ts) is raised here.
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR,
      LIBRARY_DIR,
      LOG: 'off',
      REGISTRATIONS_PER_HOUR: '1000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** What an editor runs after changing a library file. */
export function runLibraryImport(): void {
  const result = spawnSync('npm', ['run', '--silent', 'library:import'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR, LIBRARY_DIR },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`library:import failed: ${result.stderr}`);
}

export async function waitForHealth(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not become healthy`);
}

/** The survey answers the server has received, as stored (JSON bodies). */
export function feedbackOnServer(): string[] {
  const db = new Database(join(DATA_DIR, 'app.sqlite'), { readonly: true });
  try {
    return db
      .prepare<[], { body: string }>("SELECT body FROM documents WHERE collection = 'feedback'")
      .all()
      .map((row) => row.body);
  } finally {
    db.close();
  }
}
