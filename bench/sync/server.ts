/**
 * The sync server as its own process, as `npm start` runs it: its own port
 * on 127.0.0.1 and a temporary data folder, always stopped at the end.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { onInterrupt } from '../cleanup.ts';

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
  /** CPU time the server process used so far (user + system, from /proc), in seconds. */
  cpuSeconds(): number | null;
  /** Stops the server and deletes its data (unless the data folder was given). */
  stop(): Promise<void>;
  /** `kill -9`: the process dies at once, whatever it was doing; the data folder stays. */
  kill(): Promise<void>;
}

export interface SyncServerOptions {
  /** Environment variables of the server (limits, say). */
  env?: Record<string, string>;
  /** An existing data folder (kept at the end); a new temporary one otherwise. */
  dataDir?: string;
  /** Node's own options for the server process (`--cpu-prof`, say). */
  nodeArgs?: string[];
}

/**
 * The bench registers many users and opens hundreds of streams from one
 * address: the protocol's per-address and per-user limits are raised.
 */
const BENCH_LIMITS = { REGISTRATIONS_PER_HOUR: '100000', STREAMS_PER_USER: '1000', STREAMS_PER_ADDRESS: '1000' };

export async function startSyncServer(port: number, options: SyncServerOptions = {}): Promise<SyncServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'it-bench-sync-'));
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'sync-server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...BENCH_LIMITS,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG: 'off',
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // Stopped midway, the bench kills the server and deletes its temporary data.
  const forget = onInterrupt(() => {
    child.kill('SIGKILL');
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  void exited.then(forget);
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
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const kill = async () => {
    if (running) {
      child.kill('SIGKILL');
      await exited;
    }
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
  const cpuSeconds = () => {
    try {
      // /proc/<pid>/stat: utime and stime, fields 14 and 15, in clock ticks (100 a second on Linux).
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return null;
    }
  };
  return { base, port, stderr: () => stderr, rssBytes, cpuSeconds, stop, kill };
}
