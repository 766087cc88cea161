import { firstValueFrom } from 'rxjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../sync-server/src/test-server.ts';
import type { AppDatabase } from './database.ts';
import { openTestDatabase } from './test-database.ts';
import { queueJoin, sendPendingJoins, watchPendingJoins, WORKSPACES_KEY } from './pending-joins.ts';
import { createWorkspace } from './remote/account-api.ts';
import { saveSession, type Session } from './session.ts';
import type { WorkspaceSummary } from '../model/accounts.ts';

let server: TestServer;
let db: AppDatabase;
let count = 0;
/** The app's requests (to /api/v1/…) reach the test server, or, with the network cut, a port nobody listens on. */
let reachable = true;
let requests = 0;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  server = await startTestServer();
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    requests++;
    return realFetch(`${reachable ? server.url : 'http://127.0.0.1:9'}${input}`, init);
  });
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await server.close();
});
beforeEach(async () => {
  reachable = true;
  count++; // a new account's email per test
  db = await openTestDatabase('pending-joins-test');
});
afterEach(() => db.close());

async function register(name: string): Promise<Session> {
  const response = await realFetch(`${server.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${name}-${count}@exemple.fr`, password: 'un mot de passe', displayName: name }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Session;
}

/** Someone else's group and its invitation code (ABCD2345 form). */
async function someonesGroup(name: string): Promise<{ id: string; code: string }> {
  const owner = await register(`Camille${name.length}`);
  const created = await createWorkspace(owner, name);
  return { id: created.id, code: created.inviteCode.replace('-', '') };
}

const pending = () => firstValueFrom(watchPendingJoins(db));
const knownGroups = async () =>
  ((await db.getLocal<{ list: WorkspaceSummary[] }>(WORKSPACES_KEY))?.toJSON().data.list ?? []) as WorkspaceSummary[];

describe('joins asked without a network', () => {
  it('wait on the device while the server is out of reach, then are sent once it answers', async () => {
    const group = await someonesGroup('Conseil de village');
    await saveSession(db, await register('Dominique'));
    reachable = false;
    await queueJoin(db, group.code);
    await queueJoin(db, group.code); // asked twice: waits once
    expect(await pending()).toEqual([{ code: group.code, queuedAt: expect.any(String) }]);

    expect(await sendPendingJoins(db)).toEqual([]);
    expect((await pending()).map((p) => p.code)).toEqual([group.code]);
    expect(await knownGroups()).toEqual([]);

    reachable = true;
    const joined = await sendPendingJoins(db);
    expect(joined).toEqual([{ id: group.id, name: 'Conseil de village', role: 'member' }]);
    expect(await pending()).toEqual([]);
    // Known by name on the device at once, for « Mes espaces » offline.
    expect(await knownGroups()).toEqual(joined);
  });

  it('refused by the server, keep the reason and are not sent again', async () => {
    await saveSession(db, await register('Dominique'));
    await queueJoin(db, 'ZZZZ9999');
    expect(await sendPendingJoins(db)).toEqual([]);
    const [refused] = await pending();
    expect(refused?.problem).toMatch(/^Aucun espace ne correspond à ce code/);
    requests = 0;
    expect(await sendPendingJoins(db)).toEqual([]);
    expect(requests).toBe(0);
    expect(await pending()).toEqual([refused]);
  });

  it('wait without a session (signed out): nothing is sent', async () => {
    await queueJoin(db, 'ABCD2345');
    expect(await sendPendingJoins(db)).toEqual([]);
    expect((await pending()).map((p) => p.code)).toEqual(['ABCD2345']);
  });
});
