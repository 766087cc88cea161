import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import getPort from 'get-port';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The server as an operator runs it (`sync-server/src/main.ts`, a process of
 * its own): honest health on a full or read-only data folder, and SIGTERM.
 * The disk is a small tmpfs mounted in a user namespace (`unshare`), so no
 * privilege is needed and nothing outside the test is touched.
 */
const root = resolve(import.meta.dirname, '../..');
const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs tmpfs /tmp']).status === 0;

/** Runs in the namespace: mounts the folder, starts the server, then obeys one command per line on stdin. */
const SCRIPT = `
D="$1"; shift
mount -t tmpfs -o size=6m tmpfs "$D"
[ "$READ_ONLY" = 1 ] && mount -o remount,ro "$D"
node --import tsx sync-server/src/main.ts &
SERVER=$!
echo "server $SERVER"
while read -r command; do
  case "$command" in
    fill) dd if=/dev/zero of="$D/filler" bs=64k 2>/dev/null; echo "done fill" ;;
    free) rm -f "$D/filler"; echo "done free" ;;
    rw) mount -o remount,rw "$D"; echo "done rw" ;;
  esac
done
kill -TERM $SERVER; wait $SERVER
`;

interface Running {
  url: string;
  child: ChildProcessWithoutNullStreams;
  command(name: string): Promise<void>;
}

let running: Running | undefined;
afterEach(() => {
  running?.child.stdin.end();
  running = undefined;
});

/** On a free port, so that two checkouts can run their tests at once. */
async function start(env: Record<string, string> = {}): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'it-process-'));
  const port = await getPort({ host: '127.0.0.1' });
  const child = spawn('unshare', ['-rm', 'sh', '-c', SCRIPT, 'sh', dataDir], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LIBRARY_DIR: join(root, 'tests/fixtures/library'),
      STATIC_DIR: join(dataDir, 'no-app'),
      LOG: 'off',
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', () => {});
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    async command(name) {
      child.stdin.write(`${name}\n`);
      await expect.poll(() => output.includes(`done ${name}`), { timeout: 10_000 }).toBe(true);
    },
  };
}

/**
 * The longest wait for a server process to answer after its start: a few
 * seconds when the machine is quiet, much more on a loaded 2-core runner
 * (CI timed out at 30 s with a load average of 17).
 */
const STARTUP_MS = 90_000;

const health = (server: Running) =>
  fetch(`${server.url}/api/v1/health`).then(
    async (r) => ({ status: r.status, body: await r.json() }),
    () => ({ status: 0, body: undefined }),
  );

describe.skipIf(!canMount)('the server process', { timeout: STARTUP_MS + 60_000 }, () => {
  it('says 503 on /health while the disk is full, refuses writes with 503, and 200 again once there is room', async () => {
    const server = (running = await start());
    await expect.poll(async () => (await health(server)).status, { timeout: STARTUP_MS }).toBe(200);
    await server.command('fill');
    expect(await health(server)).toMatchObject({
      status: 503,
      body: { ok: false, reason: expect.stringMatching(/^(ENOSPC|SQLITE_FULL)$/) },
    });
    const register = await fetch(`${server.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'plein@exemple.fr', password: 'mot-de-passe-solide', displayName: 'Camille' }),
    });
    // Either the database still had room for this small row (201), or it refused in the API's shape (503).
    expect([201, 503]).toContain(register.status);
    await server.command('free');
    expect(await health(server)).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('starts on a read-only data folder answering 503, and serves once it can write', async () => {
    const server = (running = await start({ READ_ONLY: '1' }));
    await expect.poll(async () => (await health(server)).status, { timeout: STARTUP_MS }).toBe(503);
    expect((await health(server)).body).toMatchObject({ ok: false, reason: expect.stringMatching(/^(SQLITE|E)/) });
    await server.command('rw');
    await expect.poll(async () => (await health(server)).status, { timeout: 30_000 }).toBe(200);
  });

  it('on SIGTERM closes its streams and exits within 10 s', async () => {
    const server = (running = await start());
    await expect.poll(async () => (await health(server)).status, { timeout: STARTUP_MS }).toBe(200);
    const stream = await fetch(`${server.url}/api/v1/replication/resources/stream`);
    const reader = stream.body!.getReader();
    await reader.read(); // the first comment: connected
    const exited = new Promise<number | null>((done) => server.child.on('exit', done));
    const sent = Date.now();
    server.child.stdin.end(); // the script sends SIGTERM to the server and waits for it
    for (;;) if ((await reader.read()).done) break;
    expect(await exited).toBe(0);
    expect(Date.now() - sent).toBeLessThan(10_000);
    running = undefined;
  });
});
