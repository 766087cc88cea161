/**
 * The sync server as its own process, as `npm start` runs it: its own port
 * on 127.0.0.1 and a temporary data folder, always stopped at the end.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;

export interface SyncServer {
  /** `http://127.0.0.1:<port>` */
  base: string;
  port: number;
  /** The server's last lines on stderr, for error messages. */
  stderr(): string;
  /** Resident memory of the server process (VmRSS from /proc, Linux only), in bytes. */
  rssBytes(): number | null;
  stop(): Promise<void>;
}

export async function startSyncServer(port: number): Promise<SyncServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'it-bench-sync-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG: 'off' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let running = true;
  void exited.then(() => {
    running = false;
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (running) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (!running) throw new Error(`sync server exited at start:\n${stderr}`);
      const ok = await fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`sync server did not answer on ${base} within ${START_TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const rssBytes = () => {
    try {
      const kib = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      return kib ? Number(kib) * 1024 : null;
    } catch {
      return null;
    }
  };
  return { base, port, stderr: () => stderr, rssBytes, stop };
}
