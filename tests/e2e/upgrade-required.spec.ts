import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { AccountScreen, newPerson } from './pages/account.ts';
import { NotesPanel } from './pages/notes.ts';
import { LIBRARY_DIR, ROOT, waitForHealth } from './server.ts';

/**
 * SYNC-PROTOCOL.md, Versioning, end to end: a server that no longer supports
 * this build's annotations answers 426; the app asks for an update and keeps
 * the unsent note, which goes once the server accepts it again.
 */
const PORT = Number(process.env.E2E_PORT ?? 8097) + 23;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DATA_DIR = mkdtempSync(join(tmpdir(), 'it-e2e-upgrade-'));

function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR, LIBRARY_DIR, LOG: 'off', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function stop(server: ChildProcess): Promise<void> {
  const exited = new Promise((done) => server.once('exit', done));
  server.kill('SIGTERM');
  await exited;
}

let server: ChildProcess | undefined;
test.afterEach(async () => {
  if (server) await stop(server);
  server = undefined;
});

test('a server that requires a newer app gets an update prompt, and the unsent note is kept', async ({ page }) => {
  test.setTimeout(120_000);
  server = startServer({ MIN_SCHEMA_VERSIONS: 'annotations=99' });
  await waitForHealth(ORIGIN);
  const account = new AccountScreen(page);
  await page.goto(`${ORIGIN}/compte`);
  await account.register(newPerson('Élue'));
  await expect(account.identity()).toBeVisible();
  await page.goto(`${ORIGIN}/ressources/kit-faire-alliance`);
  const notes = new NotesPanel(page);
  await notes.add('Pièges à éviter', 'Note écrite avant la mise à jour');

  const prompt = page.getByRole('alert').filter({ hasText: 'trop ancienne' });
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('Votre modification non envoyée reste sur cet appareil');
  await expect(prompt.getByRole('button', { name: 'Mettre à jour' })).toBeVisible();
  await expect(notes.list().getByText('Note écrite avant la mise à jour')).toBeVisible();

  // The server accepts this build again (as after the app's update): the kept note goes.
  await stop(server);
  server = startServer({});
  await waitForHealth(ORIGIN);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: /^À jour/ })).toBeVisible();
  await expect(notes.list().getByText('Note écrite avant la mise à jour')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'trop ancienne' })).toHaveCount(0);
});
