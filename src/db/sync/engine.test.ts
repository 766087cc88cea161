import { firstValueFrom, filter } from 'rxjs';
import { register } from '../../../sync-server/src/accounts/test-client.ts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../../../sync-server/src/test-server.ts';
import type { Annotation } from '../../model/annotations.ts';
import type { AppDatabase } from '../database.ts';
import { openTestDatabase, testAnnotation } from '../test-database.ts';
import { watchLostGroups } from '../lost-groups.ts';
import { currentOwnerId, recordWrite, watchOutbox, watchRefusals } from '../outbox.ts';
import { readSession, saveSession } from '../session.ts';
import { SyncEngine, type SyncEnvironment, type SyncState } from './engine.ts';

/** The browser, as a test drives it: the network and the foreground are switches. */
function fakeBrowser(baseUrl: string) {
  let online = true;
  const wake: (() => void)[] = [];
  const env: SyncEnvironment = {
    online: () => online,
    onWake: (callback) => wake.push(callback),
    onOffline: () => undefined,
    every: () => undefined,
    replication: { baseUrl, retryMs: 50 },
  };
  return {
    env,
    setOnline(value: boolean) {
      online = value;
      wake.forEach((callback) => callback());
    },
  };
}

let server: TestServer;
let db: AppDatabase;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await openTestDatabase('engine-test');
});
afterEach(() => db.close());

async function writeNote(note: string): Promise<Annotation> {
  const annotation = testAnnotation({ ownerId: await currentOwnerId(db), note });
  await recordWrite(db, 'annotations', annotation, () => db.annotations.insert(annotation));
  return annotation;
}

const reach = (engine: SyncEngine, state: SyncState) =>
  firstValueFrom(engine.status$.pipe(filter((status) => status.state === state)));

describe('SyncEngine', () => {
  it('signed out, it keeps what was written here and counts it', async () => {
    const browser = fakeBrowser(server.url);
    const engine = new SyncEngine(db, browser.env);
    await writeNote('Avant d’avoir un compte.');
    const status = await firstValueFrom(engine.status$.pipe(filter((s) => s.pending === 1)));
    expect(status.state).toBe('signed-out');
  });

  it('once signed in, the device’s notes become the user’s and are sent; the hooks follow the session', async () => {
    const browser = fakeBrowser(server.url);
    const onSession = vi.fn();
    const engine = new SyncEngine(db, browser.env, { onSession });
    const note = await writeNote('Écrite hors compte.');
    const session = await register(server, 'Camille');
    await saveSession(db, session);
    const upToDate = await reach(engine, 'up-to-date');
    expect(upToDate.pending).toBe(0);
    expect(onSession).toHaveBeenLastCalledWith(db, expect.objectContaining({ token: session.token }));
    expect((await db.annotations.findOne(note.id).exec())?.ownerId).toBe(session.user.id);
    const pulled = await fetch(`${server.url}/api/v1/replication/annotations/pull?limit=10`, {
      headers: { authorization: `Bearer ${session.token}` },
    }).then((r) => r.json() as Promise<{ documents: { id: string }[] }>);
    expect(pulled.documents.map((d) => d.id)).toContain(note.id);
  });

  it('says offline when the network goes, and sends what waits when it returns', async () => {
    const browser = fakeBrowser(server.url);
    const engine = new SyncEngine(db, browser.env);
    await saveSession(db, await register(server, 'Dominique'));
    await reach(engine, 'up-to-date');
    browser.setOnline(false);
    await writeNote('Dans le train.');
    await firstValueFrom(engine.status$.pipe(filter((s) => s.state === 'offline' && s.pending === 1)));
    browser.setOnline(true);
    const back = await firstValueFrom(engine.status$.pipe(filter((s) => s.state === 'up-to-date' && s.pending === 0)));
    expect(back.lastSyncAt).toBeTypeOf('number');
  });

  it('signing out on a shared device wipes the user’s data and runs the wipe hook', async () => {
    const browser = fakeBrowser(server.url);
    const onWipe = vi.fn(async () => undefined);
    const engine = new SyncEngine(db, browser.env, { onWipe });
    await saveSession(db, await register(server, 'Sacha'));
    await reach(engine, 'up-to-date');
    await writeNote('Privée.');
    await engine.signOutAndWipe();
    expect(onWipe).toHaveBeenCalledWith(db);
    expect(await db.annotations.count().exec()).toBe(0);
    expect(await readSession(db)).toBeNull();
    expect((await reach(engine, 'signed-out')).pending).toBe(0);
  });
});

describe('SyncEngine, a group the user loses', () => {
  async function api<T>(path: string, token: string, method = 'GET', body?: unknown): Promise<T> {
    const response = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  const groupNote = (ownerId: string, workspaceId: string, note: string): Annotation =>
    testAnnotation({ ownerId, workspaceId, note });
  const until = async (condition: () => Promise<boolean>) => {
    while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
  };

  it('removed from the group, the device forgets its documents but keeps and lists the unsent ones', async () => {
    const owner = await register(server, 'Responsable');
    const member = await register(server, 'Membre');
    const group = await api<{ id: string; inviteCode: string }>('/workspaces', owner.token, 'POST', { name: 'Vallée' });
    await api('/workspaces/join', member.token, 'POST', { inviteCode: group.inviteCode });
    const fromOwner = { ...groupNote(owner.user.id, group.id, 'Du responsable.'), authorName: 'Responsable' };
    await api('/replication/annotations/push', owner.token, 'POST', [
      { newDocumentState: { ...fromOwner, _deleted: false } },
    ]);

    // The member's device: its pushes can be held back, as on a train.
    let holdPushes = false;
    const browser = fakeBrowser(server.url);
    browser.env.replication!.fetch = (input, init) =>
      holdPushes && String(input).endsWith('/push') ? Promise.reject(new TypeError('hors réseau')) : fetch(input, init);
    const engine = new SyncEngine(db, browser.env);
    await db.upsertLocal('workspaces', { list: [{ id: group.id, name: 'Vallée', role: 'member' }] });
    await saveSession(db, member);
    const sent = { ...groupNote(member.user.id, group.id, 'Envoyée avant.'), authorName: 'Membre' };
    await recordWrite(db, 'annotations', sent, () => db.annotations.insert(sent));
    const own = await writeNote('Privée, hors groupe.');
    await firstValueFrom(engine.status$.pipe(filter((s) => s.state === 'up-to-date' && s.pending === 0)));
    await until(async () => (await db.annotations.findOne(fromOwner.id).exec()) !== null);

    holdPushes = true;
    const unsent = { ...groupNote(member.user.id, group.id, 'Écrite dans le train.'), authorName: 'Membre' };
    await recordWrite(db, 'annotations', unsent, () => db.annotations.insert(unsent));
    await api(`/workspaces/${group.id}/members/${member.user.id}`, owner.token, 'DELETE');

    const lost = await firstValueFrom(watchLostGroups(db).pipe(filter((groups) => groups.length > 0)));
    expect(lost).toEqual([
      expect.objectContaining({
        workspaceId: group.id,
        name: 'Vallée',
        kept: [{ collection: 'annotations', id: unsent.id, label: 'Annotation « Écrite dans le train. »' }],
      }),
    ]);
    // RxDB holds the server's events while a push is under way: the train reaches a station.
    holdPushes = false;
    await until(async () => (await db.annotations.findOne(fromOwner.id).exec()) === null);
    await until(async () => (await db.annotations.findOne(sent.id).exec()) === null);
    expect((await db.annotations.findOne(unsent.id).exec())?.note).toBe('Écrite dans le train.');
    expect(await db.annotations.findOne(own.id).exec()).not.toBeNull();
    // The kept change is refused and stays; the server never heard of a deletion.
    await firstValueFrom(watchRefusals(db).pipe(filter((refusals) => refusals.some((r) => r.id === unsent.id))));
    expect(await db.annotations.findOne(unsent.id).exec()).not.toBeNull();
    expect(await firstValueFrom(watchOutbox(db))).toEqual([`annotations/${unsent.id}`]);
    const seen = await api<{ documents: (Annotation & { _deleted: boolean })[] }>(
      '/replication/annotations/pull?limit=100',
      owner.token,
    );
    expect(seen.documents.map((d) => [d.id, d._deleted])).toEqual([
      [fromOwner.id, false],
      [sent.id, false],
    ]);
  });
});
