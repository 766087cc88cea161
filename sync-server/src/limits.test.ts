import { createHash } from 'node:crypto';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { usesPostgres } from './test-database.ts';
import { startTestServer, type TestServer } from './test-server.ts';
import { tryStream } from './test-sync.ts';
import { recordedInitiative } from '../../src/model/initiatives/fixtures.ts';

/**
 * SYNC-PROTOCOL.md, Limits, through real HTTP: every limit answered with its
 * status and code, and nothing of a refused request written.
 */
let server: TestServer;
afterEach(async () => server?.close());

interface Session {
  token: string;
  user: { id: string; displayName: string };
}

async function call(
  path: string,
  init: { method?: string; token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
) {
  const hasBody = init.body !== undefined || init.raw !== undefined;
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method: init.method ?? (hasBody ? 'POST' : 'GET'),
    headers: {
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as any) : undefined };
}

let accounts = 0;
const registration = (displayName: string) => ({
  email: `${displayName.replace(/\W/g, '') || 'x'}-${++accounts}-${Date.now()}@exemple.fr`,
  password: 'mot-de-passe-solide',
  displayName,
});
async function register(displayName: string): Promise<Session> {
  const answer = await call('/auth/register', { body: registration(displayName) });
  expect(answer.status).toBe(201);
  return answer.body;
}

const NOW = '2026-11-25T10:00:00.000Z';
let ids = 0;
function annotation(owner: Session, patch: Record<string, unknown> = {}) {
  return {
    id: `a-${++ids}-${Math.random().toString(36).slice(2, 8)}`,
    ownerId: owner.user.id,
    workspaceId: null,
    rev: '1-a',
    createdAt: NOW,
    updatedAt: NOW,
    resourceId: 'kit-essai',
    target: { blockId: 'etapes' },
    color: 'jaune',
    note: 'À relire',
    _deleted: false,
    ...patch,
  };
}
const push = (session: Session, rows: unknown[]) =>
  call('/replication/annotations/push', { token: session.token, body: rows });
const pull = (session: Session) => call('/replication/annotations/pull', { token: session.token });

/** Opens a stream; `status` is the answer's, `next()` the next event, `END` once the server closed it. */
const openStream = (path: string, token?: string) => tryStream(server.url, path, token);

describe('registrations', () => {
  it('answers 429 past REGISTRATIONS_PER_HOUR from one address, and still after a restart', async () => {
    server = await startTestServer({ limits: { registrationsPerHour: 3 } });
    for (let i = 0; i < 3; i++)
      expect((await call('/auth/register', { body: registration('Camille') })).status).toBe(201);
    const refused = await call('/auth/register', { body: registration('Camille') });
    expect(refused).toMatchObject({ status: 429, body: { error: 'too_many_requests', message: expect.any(String) } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const email = registration('Dominique').email;
    await server.restart(); // the counters are in the database
    await expect
      .poll(() =>
        call('/health').then(
          (r) => r.status,
          () => 0,
        ),
      )
      .toBe(200);
    expect((await call('/auth/register', { body: { ...registration('Dominique'), email } })).status).toBe(429);
    // Nothing of the refused registration was written: the email is free.
    const login = await call('/auth/login', { body: { email, password: 'mot-de-passe-solide' } });
    expect(login.body).toMatchObject({ error: 'bad_credentials' });
  });

  it('uses the address named by X-Forwarded-For only behind a trusted proxy (TRUST_PROXY)', async () => {
    server = await startTestServer({ limits: { registrationsPerHour: 1 } });
    const from = (address: string) => ({ 'x-forwarded-for': address });
    expect((await call('/auth/register', { body: registration('A'), headers: from('203.0.113.1') })).status).toBe(201);
    // Not trusted: the header is ignored, both come from the socket's address.
    expect((await call('/auth/register', { body: registration('B'), headers: from('203.0.113.2') })).status).toBe(429);
    await server.close();

    server = await startTestServer({ limits: { registrationsPerHour: 1 }, trustProxy: 1 });
    expect((await call('/auth/register', { body: registration('A'), headers: from('203.0.113.1') })).status).toBe(201);
    expect((await call('/auth/register', { body: registration('B'), headers: from('203.0.113.2') })).status).toBe(201);
    expect((await call('/auth/register', { body: registration('C'), headers: from('203.0.113.2') })).status).toBe(429);
  });

  it.each([
    ['a right-to-left override', 'Alice\u202Enimda'],
    ['a bidirectional isolate', 'Alice \u2067admin\u2069'],
    ['a zero-width space', 'Ali\u200Bce'],
    ['a zero-width joiner outside an emoji', 'Ali\u200Dce'],
    ['a byte order mark', 'Ali\uFEFFce'],
  ])('refuses a display name or a workspace name with %s (400 invalid_input)', async (_, name) => {
    server = await startTestServer();
    expect(await call('/auth/register', { body: registration(name) })).toMatchObject({
      status: 400,
      body: { error: 'invalid_input' },
    });
    const owner = await register('Propriétaire');
    expect(await call('/workspaces', { token: owner.token, body: { name } })).toMatchObject({
      status: 400,
      body: { error: 'invalid_input' },
    });
    expect((await call('/me', { token: owner.token })).body.workspaces).toEqual([]);
  });

  it('accepts an emoji made with a zero-width joiner', async () => {
    server = await startTestServer();
    expect((await call('/auth/register', { body: registration('Camille 👩‍💻') })).status).toBe(201);
  });
});

describe('tokens', () => {
  it('stop working after TOKEN_IDLE_DAYS without use, counted from the last use, and are purged', async () => {
    let clock = Date.parse('2026-11-01T00:00:00Z');
    const DAY = 24 * 3600_000;
    server = await startTestServer({ accountSettings: { now: () => clock }, limits: { tokenIdleDays: 30 } });
    const used = await register('Camille');
    const idle = await register('Dominique');
    clock += 29 * DAY;
    expect((await call('/me', { token: used.token })).status).toBe(200);
    clock += 29 * DAY; // 58 days after sign-in, 29 after its last use
    expect((await call('/me', { token: used.token })).status).toBe(200);
    expect(await call('/me', { token: idle.token })).toMatchObject({
      status: 401,
      body: { error: 'unauthenticated' },
    });
    expect(await server.app.maintain()).toMatchObject({ tokens: 1 });
    clock += 31 * DAY;
    expect((await call('/me', { token: used.token })).status).toBe(401);
    expect(await server.app.maintain()).toMatchObject({ tokens: 1 });
  });
});

describe('streams', () => {
  it('answers 429 too_many_streams past STREAMS_PER_USER, and frees a place when one closes', async () => {
    server = await startTestServer({ limits: { streamsPerUser: 2 } });
    const alice = await register('Alice');
    const path = '/replication/stream?collections=annotations';
    const first = await openStream(path, alice.token);
    const second = await openStream(path, alice.token);
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await openStream(path, alice.token);
    expect(third).toMatchObject({ status: 429, body: { error: 'too_many_streams' } });
    // Another user is not affected.
    const bob = await register('Bob');
    const bobs = await openStream(path, bob.token);
    expect(bobs.status).toBe(200);
    first.close();
    await expect.poll(async () => (await openStream(path, alice.token)).status).toBe(200);
    second.close();
    bobs.close();
  });

  it('answers 429 too_many_streams past STREAMS_PER_ADDRESS anonymous streams', async () => {
    server = await startTestServer({ limits: { streamsPerAddress: 2 } });
    const streams = [
      await openStream('/replication/resources/stream'),
      await openStream('/replication/stream?collections=resources'),
    ];
    expect(streams.map((s) => s.status)).toEqual([200, 200]);
    expect(await openStream('/replication/resources/stream')).toMatchObject({
      status: 429,
      body: { error: 'too_many_streams' },
    });
    // A signed-in user's streams are counted per user, not per address.
    const alice = await register('Alice');
    expect((await openStream('/replication/resources/stream', alice.token)).status).toBe(429);
    expect((await openStream('/replication/stream?collections=annotations', alice.token)).status).toBe(200);
    streams.forEach((s) => s.close());
  });

  it('closes a stream whose client does not read once more than the bound is queued for it', async () => {
    server = await startTestServer({ limits: { streamsPerUser: 1 } });
    const alice = await register('Alice');
    // A client that sends its request and stops reading once its stream is open.
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    socket.write(
      `GET /api/v1/replication/stream?collections=annotations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${alice.token}\r\n\r\n`,
    );
    // Wait for its first bytes: the server checks the limit after reading the user from the
    // database, so a request sent later (the check below) may otherwise take the only place.
    const head = await new Promise<string>((resolve) => {
      let text = '';
      const onData = (chunk: Buffer) => {
        text += chunk.toString('latin1');
        if (!text.includes(': connect')) return;
        socket.off('data', onData);
        socket.pause();
        resolve(text);
      };
      socket.on('data', onData);
    });
    expect(head).toMatch(/^HTTP\/1\.1 200/);
    let closed = false;
    socket.on('close', () => (closed = true));
    expect((await openStream('/replication/annotations/stream', alice.token)).status).toBe(429);
    // 16 pushes of about 800 KB: far more than the socket buffers hold, so the server's queue grows.
    const note = 'x'.repeat(19_000);
    for (let i = 0; i < 16; i++) {
      const rows = Array.from({ length: 40 }, () => ({ newDocumentState: annotation(alice, { note }) }));
      expect((await push(alice, rows)).status).toBe(200);
    }
    // The server closed it: the user's place is free again (and the client pulls to catch up).
    // The writes reach the streams after their pushes returned (with PostgreSQL, after a read): wait for it.
    await expect
      .poll(async () => {
        const reopened = await openStream('/replication/stream?collections=annotations', alice.token);
        reopened.close();
        return reopened.status;
      })
      .toBe(200);
    socket.resume();
    socket.on('data', () => {});
    // The client first reads what the kernel had buffered for it, then sees the end.
    await expect.poll(() => closed, { timeout: 10_000 }).toBe(true);
    socket.destroy();
  });
});

describe('JSON and URLs', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

  it('refuses JSON nested deeper than 64 levels: invalid_document on push, invalid_input elsewhere', async () => {
    server = await startTestServer();
    const alice = await register('Alice');
    const deep = `[{"newDocumentState":${JSON.stringify(annotation(alice)).replace('"note":"À relire"', `"note":${nested(5000)}`)}}]`;
    expect(await call('/replication/annotations/push', { token: alice.token, raw: deep })).toMatchObject({
      status: 400,
      body: { error: 'invalid_document', message: expect.any(String) },
    });
    expect(await call('/workspaces', { token: alice.token, raw: `{"name":${nested(100)}}` })).toMatchObject({
      status: 400,
      body: { error: 'invalid_input' },
    });
    expect((await pull(alice)).body.documents).toEqual([]);
    // 64 levels are fine (and then the schema speaks).
    const ok = `{"name":"Atelier","extra":${nested(62)}}`;
    expect((await call('/workspaces', { token: alice.token, raw: ok })).status).toBe(201);
  });

  it('answers a malformed URL with 400 bad_request in the usual error shape', async () => {
    server = await startTestServer();
    for (const path of ['/replication/%E0%A4%A/pull', '/workspaces/%zz']) {
      const answer = await call(path);
      expect(answer).toMatchObject({ status: 400, body: { error: 'bad_request', message: expect.any(String) } });
      expect(Object.keys(answer.body).sort()).toEqual(['error', 'message']);
    }
  });
});

describe('blobs', () => {
  /** A valid PNG of `size` bytes: a 1×1 image followed by a private chunk of filler. */
  function png(size: number, seed: number): Buffer {
    const head = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAADElEQVQImWMwXlUOAAJoAVUfl6A8AAAAAElFTkSuQmCC',
      'base64',
    );
    const filler = Buffer.alloc(Math.max(0, size - head.length), seed);
    return Buffer.concat([head, filler]);
  }
  const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const put = (session: Session, bytes: Buffer) =>
    fetch(`${server.url}/api/v1/blobs/${sha(bytes)}`, {
      method: 'PUT',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${session.token}` },
      body: new Uint8Array(bytes),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));

  it('answers 413 quota_exceeded past the blob quota, and keeps nothing of the refused upload', async () => {
    server = await startTestServer({ limits: { blobQuotaBytes: 2500 } });
    const alice = await register('Alice');
    const bob = await register('Bob');
    const first = png(1000, 1);
    expect((await put(alice, first)).status).toBe(201);
    expect((await put(alice, png(1000, 2))).status).toBe(201);
    const over = png(1000, 3);
    expect(await put(alice, over)).toMatchObject({ status: 413, body: { error: 'quota_exceeded' } });
    if (!usesPostgres())
      expect(existsSync(join(server.dataDir, 'blobs', sha(over).slice(0, 2), sha(over)))).toBe(false);
    // Uploading again what one has is no new use; another user has their own quota.
    expect((await put(alice, first)).status).toBe(200);
    expect((await put(bob, over)).status).toBe(201);
  });

  it('deletes blobs that no document references after 24 h, and keeps the referenced ones', async () => {
    let clock = Date.now();
    server = await startTestServer({ accountSettings: { now: () => clock } });
    const alice = await register('Alice');
    const kept = png(200, 4);
    const orphan = png(200, 5);
    await put(alice, kept);
    await put(alice, orphan);
    const initiative = {
      ...recordedInitiative({ id: `i-${Date.now()}`, ownerId: alice.user.id }),
      photos: [{ sha256: sha(kept), type: 'image/png' as const, bytes: 200, width: 1, height: 1, consent: true }],
      _deleted: false,
    };
    const pushed = await call('/replication/initiatives/push', {
      token: alice.token,
      body: [{ newDocumentState: initiative }],
    });
    expect(pushed).toMatchObject({ status: 200, body: [] });
    clock += 23 * 3600_000;
    expect(await server.app.maintain()).toMatchObject({ blobs: 0 });
    clock += 2 * 3600_000;
    expect(await server.app.maintain()).toMatchObject({ blobs: 1 });
    const file = (bytes: Buffer) => join(server.dataDir, 'blobs', sha(bytes).slice(0, 2), sha(bytes));
    if (!usesPostgres()) {
      // With SQLite the bytes are files in DATA_DIR/blobs (PostgreSQL keeps them in the database).
      expect(existsSync(file(orphan))).toBe(false);
      expect(existsSync(file(kept))).toBe(true);
    }
    const get = (bytes: Buffer) =>
      fetch(`${server.url}/api/v1/blobs/${sha(bytes)}`, { headers: { authorization: `Bearer ${alice.token}` } });
    expect((await get(orphan)).status).toBe(404);
    expect((await get(kept)).status).toBe(200);
  });

  it.skipIf(usesPostgres())('removes the temporary files a crash left behind when it starts', async () => {
    server = await startTestServer();
    const tmp = join(server.dataDir, 'blobs', 'tmp');
    const left = join(tmp, `${'ab'.repeat(32)}.deadbeef`);
    writeFileSync(left, 'à moitié écrit');
    const old = new Date(Date.now() - 2 * 3600_000);
    utimesSync(left, old, old);
    await server.restart();
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('versioning', () => {
  it('answers 426 upgrade_required to a client older than the oldest supported schema, and writes nothing', async () => {
    server = await startTestServer({ limits: { oldestSchemaVersions: new Map([['annotations', 3]]) } });
    const alice = await register('Alice');
    const old = { 'x-schema-versions': 'annotations=2,initiatives=0' };
    const current = { 'x-schema-versions': 'annotations=3,initiatives=0' };
    const rows = [{ newDocumentState: annotation(alice) }];
    for (const headers of [{}, old]) {
      expect(await call('/replication/annotations/pull', { token: alice.token, headers })).toMatchObject({
        status: 426,
        body: { error: 'upgrade_required', message: expect.any(String) },
      });
      const pushed = await call('/replication/annotations/push', { token: alice.token, headers, body: rows });
      expect(pushed).toMatchObject({ status: 426, body: { error: 'upgrade_required' } });
      const stream = await openStream('/replication/stream?collections=initiatives,annotations', alice.token);
      expect(stream).toMatchObject({ status: 426 });
    }
    // Another collection is not concerned, and the current client goes through.
    expect((await call('/replication/initiatives/pull', { token: alice.token, headers: old })).status).toBe(200);
    const pulled = await call('/replication/annotations/pull', { token: alice.token, headers: current });
    expect(pulled.body.documents).toEqual([]);
    expect(
      (await call('/replication/annotations/push', { token: alice.token, headers: current, body: rows })).body,
    ).toEqual([]);
  });
});

describe('visibility and authorName', () => {
  it('stops sending a group document to its author once they are removed from the group', async () => {
    server = await startTestServer();
    const owner = await register('Propriétaire');
    const bob = await register('Bob');
    const group = (await call('/workspaces', { token: owner.token, body: { name: 'Atelier' } })).body;
    await call('/workspaces/join', { token: bob.token, body: { inviteCode: group.inviteCode } });
    const shared = annotation(bob, { workspaceId: group.id, note: 'pour le groupe' });
    const mine = annotation(bob, { note: 'privée' });
    expect((await push(bob, [{ newDocumentState: shared }, { newDocumentState: mine }])).body).toEqual([]);
    expect((await pull(bob)).body.documents).toHaveLength(2);
    await call(`/workspaces/${group.id}/members/${bob.user.id}`, { method: 'DELETE', token: owner.token });
    const stream = await openStream('/replication/stream?collections=annotations', bob.token);
    const edited = { ...shared, rev: '2-b', note: 'modifiée par le groupe' };
    expect((await push(owner, [{ assumedMasterState: shared, newDocumentState: edited }])).body).toEqual([]);
    const after = await pull(bob);
    expect(after.body.documents).toEqual([mine]);
    // Bob's next event is his own write: the group's edit never reached him.
    const own = annotation(bob, { note: 'encore à moi' });
    await push(bob, [{ newDocumentState: own }]);
    expect(await stream.next!()).toMatchObject({ documents: [own] });
    stream.close();
  });

  it('refuses an authorName that is not the pusher’s display name (403 forbidden), keeps a stored one', async () => {
    server = await startTestServer();
    const alice = await register('Alice');
    const bob = await register('Bob');
    const group = (await call('/workspaces', { token: alice.token, body: { name: 'Atelier' } })).body;
    await call('/workspaces/join', { token: bob.token, body: { inviteCode: group.inviteCode } });
    const posing = annotation(bob, { workspaceId: group.id, authorName: 'Alice (admin)' });
    expect(await push(bob, [{ newDocumentState: posing }])).toMatchObject({
      status: 403,
      body: { error: 'forbidden' },
    });
    expect((await pull(alice)).body.documents).toEqual([]);
    const honest = annotation(bob, { workspaceId: group.id, authorName: 'Bob' });
    expect((await push(bob, [{ newDocumentState: honest }])).body).toEqual([]);
    // Alice edits Bob's note: she may keep his name or put hers, nothing else.
    const kept = { ...honest, rev: '2-a', note: 'complétée' };
    expect((await push(alice, [{ assumedMasterState: honest, newDocumentState: kept }])).body).toEqual([]);
    const renamed = { ...kept, rev: '3-a', authorName: 'Quelqu’un' };
    expect((await push(alice, [{ assumedMasterState: kept, newDocumentState: renamed }])).status).toBe(403);
    const hers = { ...kept, rev: '3-a', authorName: 'Alice' };
    expect((await push(alice, [{ assumedMasterState: kept, newDocumentState: hers }])).body).toEqual([]);
  });
});
