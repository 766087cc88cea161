import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../sync-server/src/test-server.ts';
import type { Session } from '../../src/db/session.ts';
import { Device } from './device.ts';

let server: TestServer;
let devices: Device[] = [];

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await Promise.all(devices.map((d) => d.close()));
  devices = [];
  await server.close();
});

async function account(name: string): Promise<Session> {
  const response = await fetch(`${server.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `${name}-${Date.now()}@exemple.fr`,
      password: 'un-long-mot-de-passe',
      displayName: name,
    }),
  });
  return (await response.json()) as Session;
}

async function device(name: string, session: Session): Promise<Device> {
  const d = new Device();
  devices.push(d);
  await d.open(session, name, server.url);
  return d;
}

const NOW = '2026-11-25T10:00:00.000Z';
const note = (session: Session, patch: Record<string, unknown> = {}) => ({
  id: `n${Math.random().toString(36).slice(2, 12)}`,
  ownerId: session.user.id,
  workspaceId: null,
  createdAt: NOW,
  updatedAt: NOW,
  resourceId: 'kit-essai',
  target: { blockId: 'etapes' },
  color: 'jaune',
  note: 'Première version',
  ...patch,
});

describe('several devices of one account', () => {
  it('converge after concurrent offline edits of different fields, keeping both', async () => {
    const alice = await account('alice');
    const laptop = await device('laptop', alice);
    const phone = await device('phone', alice);
    const doc = await laptop.write(note(alice));
    await laptop.sync();
    await phone.sync();
    expect(await phone.read(doc.id as string)).toMatchObject({ note: 'Première version' });

    await laptop.online(false);
    await phone.online(false);
    await laptop.edit(doc.id as string, { note: 'Écrit sur le portable' });
    await phone.edit(doc.id as string, { color: 'vert' });
    await laptop.online(true);
    await phone.online(true);
    await laptop.sync();
    await phone.sync();
    await laptop.sync();

    const onLaptop = await laptop.read(doc.id as string);
    expect(onLaptop).toEqual(await phone.read(doc.id as string));
    expect(onLaptop).toMatchObject({ note: 'Écrit sur le portable', color: 'vert' });
    expect(onLaptop!.conflicts).toBeUndefined();
    expect(await laptop.pending()).toBe(0);
    expect(await phone.pending()).toBe(0);
  });

  it('converge when both change the same field, the other version kept visible', async () => {
    const alice = await account('alice');
    const laptop = await device('laptop', alice);
    const phone = await device('phone', alice);
    const doc = await laptop.write(note(alice));
    await laptop.sync();
    await phone.sync();
    await laptop.online(false);
    await phone.online(false);
    await laptop.edit(doc.id as string, { note: 'Version du portable' });
    await phone.edit(doc.id as string, { note: 'Version du téléphone' });
    await laptop.online(true);
    await laptop.sync();
    await phone.online(true);
    await phone.sync();
    await laptop.sync();

    const onLaptop = await laptop.read(doc.id as string);
    expect(onLaptop).toEqual(await phone.read(doc.id as string));
    expect(onLaptop!.note).toBe('Version du portable');
    expect(onLaptop!.conflicts).toEqual([{ field: 'note', value: 'Version du téléphone', at: expect.any(String) }]);
  });

  it('retries a push whose response was lost, without a conflict or a duplicate', async () => {
    const alice = await account('alice');
    const laptop = await device('laptop', alice);
    await laptop.loseNextPushResponse();
    const doc = await laptop.write(note(alice));
    await laptop.sync();
    const onDevice = await laptop.read(doc.id as string);
    expect(onDevice!.conflicts).toBeUndefined();
    const stored = await server.store.readChanges('annotations', undefined, 10);
    expect(stored.map((d) => d.id)).toEqual([doc.id]);
    expect(await laptop.pending()).toBe(0);
  });
});

describe('a document the server refuses for good', () => {
  it('is set aside on the device, and the documents after it are still sent', async () => {
    const alice = await account('alice');
    const laptop = await device('laptop', alice);
    // Shared with a group Alice is not a member of: the server forbids it.
    const refused = await laptop.write(note(alice, { workspaceId: 'groupe-inconnu', note: 'Pour un autre groupe' }));
    const accepted = await laptop.write(note(alice, { note: 'Note privée' }));
    await laptop.sync();

    const stored = (await server.store.readChanges('annotations', undefined, 10)).map((d) => d.id);
    expect(stored).toEqual([accepted.id]);
    expect(await laptop.read(refused.id as string)).toMatchObject({ note: 'Pour un autre groupe' });
    expect(await laptop.pending()).toBe(1);
    expect(await laptop.refusals()).toEqual([
      expect.objectContaining({ id: refused.id, code: 'forbidden', message: expect.any(String) }),
    ]);

    // Made private, it goes through and leaves the refusals.
    await laptop.edit(refused.id as string, { workspaceId: null });
    await laptop.sync();
    expect(await laptop.pending()).toBe(0);
    expect(await laptop.refusals()).toEqual([]);
  });
});

describe('a server restart in the middle of syncing', () => {
  it('loses nothing that was acknowledged, and the device carries on', async () => {
    const alice = await account('alice');
    const laptop = await device('laptop', alice);
    const first = await laptop.write(note(alice, { note: 'Avant le redémarrage' }));
    await laptop.sync();

    const restarted = await server.restart();
    expect((await restarted.store.readDocument('annotations', first.id as string))?.body).toContain(
      'Avant le redémarrage',
    );
    const second = await laptop.write(note(alice, { note: 'Pendant le redémarrage' }));
    await laptop.sync();
    const ids = (await restarted.store.readChanges('annotations', undefined, 10)).map((d) => d.id);
    expect(ids).toEqual([first.id, second.id]);
    expect(await laptop.pending()).toBe(0);
  });
});
