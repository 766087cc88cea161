import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { register } from '../accounts/test-client.ts';
import { startTestServer, type TestServer } from '../test-server.ts';
import { sseMessages } from '../test-sync.ts';
import { ANNOTATION_FIELDS } from '../../../src/model/annotations.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

interface Session {
  token: string;
  user: { id: string; displayName: string };
}

async function call(path: string, init: { method?: string; token?: string; body?: unknown; raw?: string } = {}) {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
    headers: {
      ...(init.body !== undefined || init.raw !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const text = await response.text();
  return { status: response.status, text, body: text ? (JSON.parse(text) as any) : undefined };
}

const NOW = '2026-11-25T10:00:00.000Z';
function annotation(owner: Session, patch: Record<string, unknown> = {}) {
  return {
    id: `a-${Math.random().toString(36).slice(2, 10)}`,
    ownerId: owner.user.id,
    workspaceId: null,
    rev: '1-a',
    createdAt: NOW,
    updatedAt: NOW,
    resourceId: 'kit-essai',
    target: { blockId: 'etapes' },
    color: 'jaune',
    note: 'À relire avant l’atelier',
    _deleted: false,
    ...patch,
  };
}

const push = (session: Session | undefined, rows: unknown, name = 'annotations') =>
  call(`/replication/${name}/push`, { token: session?.token, body: rows });
const pull = (session: Session | undefined, checkpoint?: unknown, name = 'annotations') =>
  call(
    `/replication/${name}/pull${checkpoint === undefined ? '' : `?checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}`}`,
    { token: session?.token },
  );

describe('user collections: push and pull', () => {
  it('needs a token for every route', async () => {
    expect((await pull(undefined)).body).toMatchObject({ error: 'unauthenticated' });
    expect((await push(undefined, [])).status).toBe(401);
    expect((await call('/replication/annotations/stream')).status).toBe(401);
    expect((await call('/replication/stream?collections=annotations')).status).toBe(401);
  });

  it('stores a pushed document and pulls it back byte for byte', async () => {
    const alice = await register(server, 'Alice');
    const doc = annotation(alice, { note: '<script>alert("x")</script> & <b>gras</b>' });
    const pushed = await push(alice, [{ newDocumentState: doc }]);
    expect(pushed).toMatchObject({ status: 200, body: [] });
    const pulled = await pull(alice);
    expect(pulled.text).toContain(JSON.stringify(doc));
    expect(pulled.body.documents).toEqual([doc]);
    expect(pulled.body.checkpoint).toEqual({ seq: expect.any(Number), m: expect.any(String) });
  });

  it('treats a retried push as written, without a conflict or a duplicate', async () => {
    const alice = await register(server, 'Alice');
    const doc = annotation(alice);
    expect((await push(alice, [{ newDocumentState: doc }])).body).toEqual([]);
    expect((await push(alice, [{ newDocumentState: doc }])).body).toEqual([]);
    const edit = { ...doc, note: 'Modifiée', rev: '2-b' };
    expect((await push(alice, [{ assumedMasterState: doc, newDocumentState: edit }])).body).toEqual([]);
    expect((await push(alice, [{ assumedMasterState: doc, newDocumentState: edit }])).body).toEqual([]);
    expect((await pull(alice)).body.documents).toEqual([edit]);
  });

  it('returns the stored document for a row based on a stale version, and writes nothing of it', async () => {
    const alice = await register(server, 'Alice');
    const doc = annotation(alice);
    await push(alice, [{ newDocumentState: doc }]);
    const fromLaptop = { ...doc, note: 'Depuis le portable', rev: '2-laptop' };
    await push(alice, [{ assumedMasterState: doc, newDocumentState: fromLaptop }]);
    const fromPhone = { ...doc, note: 'Depuis le téléphone', rev: '2-phone' };
    expect((await push(alice, [{ assumedMasterState: doc, newDocumentState: fromPhone }])).body).toEqual([fromLaptop]);
    expect((await push(alice, [{ newDocumentState: fromPhone }])).body).toEqual([fromLaptop]);
    expect((await pull(alice)).body.documents).toEqual([fromLaptop]);
  });

  it('keeps a deletion as a tombstone that syncs', async () => {
    const alice = await register(server, 'Alice');
    const doc = annotation(alice);
    await push(alice, [{ newDocumentState: doc }]);
    const deleted = { ...doc, rev: '2-del', _deleted: true };
    await push(alice, [{ assumedMasterState: doc, newDocumentState: deleted }]);
    expect((await pull(alice)).body.documents).toEqual([deleted]);
  });

  it('refuses an invalid document in the middle of a batch, naming it, and writes nothing', async () => {
    const alice = await register(server, 'Alice');
    const rows = [
      { newDocumentState: annotation(alice) },
      { newDocumentState: annotation(alice, { color: 'fluo' }) },
      { newDocumentState: annotation(alice) },
    ];
    const result = await push(alice, rows);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: 'invalid_document', row: 1, path: '/color' });
    expect((await pull(alice)).body.documents).toEqual([]);
  });

  it('refuses an annotation whose note is over its limit (ANNOTATION_FIELDS), as the note fields do', async () => {
    const alice = await register(server, 'Alice');
    const note = 'a'.repeat(ANNOTATION_FIELDS.note.maxLength);
    expect(await push(alice, [{ newDocumentState: annotation(alice, { note }) }])).toMatchObject({ status: 200 });
    expect(await push(alice, [{ newDocumentState: annotation(alice, { note: `${note}a` }) }])).toMatchObject({
      status: 400,
      body: { error: 'invalid_document', row: 0, path: '/note' },
    });
  });

  it('refuses batches over the limits', async () => {
    const alice = await register(server, 'Alice');
    const many = Array.from({ length: 101 }, () => ({ newDocumentState: annotation(alice) }));
    expect((await push(alice, many)).body).toMatchObject({ error: 'too_large' });
    const huge = [{ newDocumentState: annotation(alice, { note: 'x'.repeat(19000) }) }];
    const big = JSON.stringify(Array.from({ length: 60 }, () => huge[0]));
    expect((await call('/replication/annotations/push', { token: alice.token, raw: big })).body).toMatchObject({
      error: 'too_large',
    });
  });

  it('answers a malformed checkpoint and an unknown collection with their errors', async () => {
    const alice = await register(server, 'Alice');
    const bad = await call('/replication/annotations/pull?checkpoint=%7B%22seq%22%3A%22x%22%7D', {
      token: alice.token,
    });
    expect(bad).toMatchObject({ status: 400, body: { error: 'bad_checkpoint' } });
    expect((await push(alice, [], 'nothing')).body).toMatchObject({ error: 'unknown_collection' });
  });
});

describe('user collections: who may see and write what', () => {
  it('hides another user’s private document and refuses writing it by id', async () => {
    const alice = await register(server, 'Alice');
    const mallory = await register(server, 'Mallory');
    const secret = annotation(alice, { note: 'privé' });
    await push(alice, [{ newDocumentState: secret }]);
    expect((await pull(mallory)).body.documents).toEqual([]);
    const takeover = { ...secret, note: 'volé', rev: '2-m' };
    const result = await push(mallory, [{ assumedMasterState: secret, newDocumentState: takeover }]);
    expect(result).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(result.text).not.toContain('privé');
    expect((await pull(alice)).body.documents).toEqual([secret]);
  });

  it('refuses creating a document in someone else’s name, or moving one to another owner', async () => {
    const alice = await register(server, 'Alice');
    const bob = await register(server, 'Bob');
    expect((await push(alice, [{ newDocumentState: annotation(bob) }])).status).toBe(403);
    const doc = annotation(alice);
    await push(alice, [{ newDocumentState: doc }]);
    const moved = { ...doc, ownerId: bob.user.id, rev: '2-x' };
    expect((await push(alice, [{ assumedMasterState: doc, newDocumentState: moved }])).status).toBe(403);
  });

  it('refuses pushing into a group one has not joined, and nothing of the batch is written', async () => {
    const alice = await register(server, 'Alice');
    const bob = await register(server, 'Bob');
    const group = (await call('/workspaces', { token: alice.token, body: { name: 'Val de Sorgeon' } })).body;
    const rows = [
      { newDocumentState: annotation(bob) },
      { newDocumentState: annotation(bob, { workspaceId: group.id }) },
    ];
    expect((await push(bob, rows)).body).toMatchObject({ error: 'forbidden' });
    expect((await pull(bob)).body.documents).toEqual([]);
  });

  it('gives a new member the group’s earlier documents on their next pull', async () => {
    const alice = await register(server, 'Alice');
    const bob = await register(server, 'Bob');
    const group = (await call('/workspaces', { token: alice.token, body: { name: 'Atelier' } })).body;
    const shared = annotation(alice, { workspaceId: group.id, note: 'Pour le groupe' });
    const own = annotation(bob);
    await push(alice, [{ newDocumentState: shared }]);
    await push(bob, [{ newDocumentState: own }]);
    const before = await pull(bob);
    expect(before.body.documents).toEqual([own]);

    await call('/workspaces/join', { token: bob.token, body: { inviteCode: group.inviteCode } });
    const after = await pull(bob, before.body.checkpoint);
    expect(after.body.documents).toEqual(expect.arrayContaining([shared]));
    // Members edit the group's documents; the author stays the author.
    const edited = { ...shared, note: 'Complété par Bob', rev: '2-bob' };
    expect((await push(bob, [{ assumedMasterState: shared, newDocumentState: edited }])).body).toEqual([]);
    expect((await pull(alice)).body.documents).toEqual([edited]);
  });
});

describe('user collections: the stream', () => {
  async function openStream(session: Session) {
    const abort = new AbortController();
    const response = await fetch(`${server.url}/api/v1/replication/stream?collections=annotations,resources`, {
      headers: { authorization: `Bearer ${session.token}` },
      signal: abort.signal,
    });
    const next = sseMessages(response.body!);
    return { next, close: () => abort.abort() };
  }

  it('sends each user only what they may see, the writer included', async () => {
    const alice = await register(server, 'Alice');
    const bob = await register(server, 'Bob');
    const aliceStream = await openStream(alice);
    const bobStream = await openStream(bob);
    const secret = annotation(alice, { note: 'privé' });
    const bobs = annotation(bob, { note: 'à Bob' });
    await push(alice, [{ newDocumentState: secret }]);
    await push(bob, [{ newDocumentState: bobs }]);
    expect(await aliceStream.next()).toMatchObject({ collection: 'annotations', documents: [secret] });
    // Bob's first event is his own document: Alice's private one never reached him.
    expect(await bobStream.next()).toMatchObject({ collection: 'annotations', documents: [bobs] });
    aliceStream.close();
    bobStream.close();
  });

  it('tells a member to pull again when they join a group', async () => {
    const alice = await register(server, 'Alice');
    const bob = await register(server, 'Bob');
    const group = (await call('/workspaces', { token: alice.token, body: { name: 'Atelier' } })).body;
    const stream = await openStream(bob);
    await call('/workspaces/join', { token: bob.token, body: { inviteCode: group.inviteCode } });
    expect(await stream.next()).toBe('RESYNC');
    const shared = annotation(alice, { workspaceId: group.id });
    await push(alice, [{ newDocumentState: shared }]);
    expect(await stream.next()).toMatchObject({ documents: [shared] });
    stream.close();
  });

  it('ends the stream of a token that logs out', async () => {
    const alice = await register(server, 'Alice');
    const stream = await openStream(alice);
    expect((await call('/auth/logout', { method: 'POST', token: alice.token })).status).toBe(204);
    expect(await stream.next()).toBe('END');
  });
});

describe('inbox collections', () => {
  const feedback = (ownerId: string | null) => ({
    id: `f-${Math.random().toString(36).slice(2, 10)}`,
    ownerId,
    createdAt: NOW,
    usefulness: [{ need: 'faire-alliance', score: 5 }],
    missing: 'Des exemples en montagne',
    comment: '<i>Merci</i>',
    _deleted: false,
  });

  it('takes anonymous and signed pushes, and never serves them back', async () => {
    const alice = await register(server, 'Alice');
    expect((await push(undefined, [{ newDocumentState: feedback(null) }], 'feedback')).status).toBe(200);
    expect((await push(alice, [{ newDocumentState: feedback(alice.user.id) }], 'feedback')).status).toBe(200);
    expect((await push(alice, [{ newDocumentState: feedback('quelqu-un') }], 'feedback')).status).toBe(403);
    expect((await pull(alice, undefined, 'feedback')).body).toMatchObject({ error: 'write_only' });
    expect((await call('/replication/feedback/stream', { token: alice.token })).status).toBe(403);
    // After a workshop: the answer names it and scores it (schema version 1); a score out of range is refused.
    const afterWorkshop = { ...feedback(null), workshopId: 'atelier-abcd2345', workshopScore: 4 };
    expect((await push(undefined, [{ newDocumentState: afterWorkshop }], 'feedback')).status).toBe(200);
    const outOfRange = { ...feedback(null), workshopId: 'atelier-abcd2345', workshopScore: 6 };
    expect((await push(undefined, [{ newDocumentState: outOfRange }], 'feedback')).status).toBe(400);
    const sent = await server.store.readChanges('feedback', undefined, 10);
    expect(sent).toHaveLength(3);
  });

  it('rate-limits pushes per client address', async () => {
    let last = 0;
    for (let i = 0; i < 21; i++)
      last = (await push(undefined, [{ newDocumentState: feedback(null) }], 'feedback')).status;
    expect(last).toBe(429);
  });
});
