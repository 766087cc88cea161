import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedInitiative } from '../../../src/model/initiatives/fixtures.ts';
import { call, ownerWithWorkspace, register } from '../accounts/test-client.ts';
import { readTable } from '../test-database.ts';
import { startTestServer, type TestServer } from '../test-server.ts';
import { BLOB_MAX_BYTES } from './routes.ts';

/** Tiny real images, 1×1 pixel. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAADElEQVQImWMwXlUOAAJoAVUfl6A8AAAAAElFTkSuQmCC',
  'base64',
);
const JPEG = Buffer.from(
  '/9j/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAABAAEDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAH/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAwb/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCgBQD/2Q==',
  'base64',
);
const WEBP = Buffer.from('UklGRjQAAABXRUJQVlA4ICgAAABwAQCdASoBAAEAAUAmJaACdAGgAACaIw0a//U4//6aR//TSPoUAAAA', 'base64');

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const IMMUTABLE = 'private, max-age=31536000, immutable';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

interface Session {
  token: string;
  user: { id: string };
}

async function put(
  session: Session | undefined,
  bytes: Uint8Array,
  type: string | undefined,
  hash = sha256(bytes),
): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.url}/api/v1/blobs/${hash}`, {
    method: 'PUT',
    headers: {
      ...(type === undefined ? {} : { 'content-type': type }),
      ...(session ? { authorization: `Bearer ${session.token}` } : {}),
    },
    body: new Uint8Array(bytes),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function get(session: Session | undefined, hash: string) {
  const response = await fetch(`${server.url}/api/v1/blobs/${hash}`, {
    headers: session ? { authorization: `Bearer ${session.token}` } : {},
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const json = response.headers.get('content-type')?.startsWith('application/json');
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    body: json ? JSON.parse(String(bytes)) : undefined,
  };
}

let ids = 0;
function initiative(owner: Session, workspaceId: string | null, photos: Uint8Array[], patch = {}) {
  return {
    ...recordedInitiative({ id: `i-${++ids}-${Date.now()}`, ownerId: owner.user.id, workspaceId }),
    photos: photos.map((bytes) => ({
      sha256: sha256(bytes),
      type: 'image/png' as const,
      bytes: bytes.length,
      width: 1,
      height: 1,
      consent: true,
    })),
    _deleted: false,
    ...patch,
  };
}

async function push(session: Session, rows: unknown[]) {
  const answer = await call(server, 'POST', '/replication/initiatives/push', { token: session.token, body: rows });
  expect(answer).toMatchObject({ status: 200, body: [] });
}

/** A different 1×1 PNG each time (a text chunk before IEND), so that tests do not share blobs. */
let variants = 0;
function uniquePng(): Buffer {
  const iend = PNG.length - 12;
  const text = Buffer.from(`tEXtComment\0${++variants}-${Date.now()}`, 'latin1');
  const chunk = Buffer.alloc(text.length + 8);
  chunk.writeUInt32BE(text.length - 4, 0);
  text.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(text), 4 + text.length);
  return Buffer.concat([PNG.subarray(0, iend), chunk, PNG.subarray(iend)]);
}

/** An owner and a member of one workspace, and a stranger. */
async function group() {
  const { owner, workspace } = await ownerWithWorkspace(server);
  const member = await register(server, 'Membre');
  const stranger = await register(server, 'Inconnu');
  await call(server, 'POST', '/workspaces/join', { token: member.token, body: { inviteCode: workspace.inviteCode } });
  return { owner, workspace, member, stranger };
}

describe('PUT /blobs/:sha256', () => {
  it('stores a photo (201), and answers 200 when it is already stored', async () => {
    const alice = await register(server);
    const bytes = uniquePng();
    expect(await put(alice, bytes, 'image/png')).toEqual({
      status: 201,
      body: { sha256: sha256(bytes), type: 'image/png', bytes: bytes.length },
    });
    expect((await put(alice, bytes, 'image/png')).status).toBe(200);
    const hash = sha256(bytes);
    if (server.database.databaseUrl) {
      const stored = await readTable(server.database, 'blob_bytes');
      expect(stored.filter((b) => b.sha256 === hash).map((b) => b.bytes)).toEqual([bytes]);
      return;
    }
    const file = join(server.dataDir, 'blobs', hash.slice(0, 2), hash);
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(join(server.dataDir, 'blobs', 'tmp'))).toEqual([]);
  });

  it('accepts the three image types, with parameters or capitals in the content type', async () => {
    const alice = await register(server);
    expect((await put(alice, JPEG, 'image/jpeg')).status).toBeLessThan(300);
    expect((await put(alice, WEBP, 'image/webp')).status).toBeLessThan(300);
    expect((await put(alice, uniquePng(), 'Image/PNG; charset=binary')).status).toBe(201);
  });

  it('refuses bytes that do not hash to the address', async () => {
    const alice = await register(server);
    const bytes = uniquePng();
    const other = sha256(Buffer.from('autre chose'));
    const answer = await put(alice, bytes, 'image/png', other);
    expect(answer).toEqual({ status: 400, body: { error: 'hash_mismatch', message: expect.any(String) } });
    expect((await put(alice, bytes, 'image/png', 'pas-une-empreinte')).body.error).toBe('hash_mismatch');
    expect((await get(alice, other)).status).toBe(404);
  });

  it('refuses a type that is only claimed', async () => {
    const alice = await register(server);
    const text = Buffer.from('Ceci n’est pas une photo.');
    const fake = await put(alice, text, 'image/jpeg');
    expect(fake).toEqual({ status: 415, body: { error: 'unsupported_type', message: expect.any(String) } });
    expect((await put(alice, PNG, 'image/jpeg')).body).toMatchObject({ error: 'unsupported_type' });
    expect((await put(alice, JPEG, 'image/webp')).body).toMatchObject({ error: 'unsupported_type' });
    expect((await put(alice, Buffer.alloc(0), 'image/png')).status).toBe(415);
    expect((await get(alice, sha256(text))).status).toBe(404);
  });

  it('refuses other or missing content types', async () => {
    const alice = await register(server);
    for (const type of ['image/gif', 'image/svg+xml', 'application/json', 'application/octet-stream', undefined]) {
      const answer = await put(alice, uniquePng(), type);
      expect(answer, String(type)).toEqual({
        status: 415,
        body: { error: 'unsupported_type', message: expect.any(String) },
      });
    }
  });

  it('accepts 5 MiB and refuses one byte more with 413', async () => {
    const alice = await register(server);
    const max = Buffer.alloc(BLOB_MAX_BYTES, 7);
    PNG.copy(max);
    expect((await put(alice, max, 'image/png')).status).toBe(201);
    const over = Buffer.alloc(BLOB_MAX_BYTES + 1, 7);
    PNG.copy(over);
    expect(await put(alice, over, 'image/png')).toEqual({
      status: 413,
      body: { error: 'too_large', message: expect.any(String) },
    });
  });

  it('needs a valid token', async () => {
    const answer = await put(undefined, uniquePng(), 'image/png');
    expect(answer).toEqual({ status: 401, body: { error: 'unauthenticated', message: expect.any(String) } });
    const forged = { token: 'x'.repeat(43), user: { id: 'nobody' } };
    expect((await put(forged, uniquePng(), 'image/png')).status).toBe(401);
    const big = Buffer.alloc(BLOB_MAX_BYTES + 1, 7);
    expect((await put(undefined, big, 'image/png')).status).toBe(401);
  });
});

describe('GET /blobs/:sha256', () => {
  it('serves the uploader the bytes, with their type and for good', async () => {
    const alice = await register(server);
    await put(alice, JPEG, 'image/jpeg');
    const answer = await get(alice, sha256(JPEG));
    expect(answer.status).toBe(200);
    expect(answer.bytes.equals(JPEG)).toBe(true);
    expect(answer.headers.get('content-type')).toBe('image/jpeg');
    expect(answer.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('needs a token', async () => {
    const alice = await register(server);
    const bytes = uniquePng();
    await put(alice, bytes, 'image/png');
    expect((await get(undefined, sha256(bytes))).body).toEqual({
      error: 'unauthenticated',
      message: expect.any(String),
    });
  });

  it('serves the group of an initiative that shows the photo, and nobody else', async () => {
    const { owner, workspace, member, stranger } = await group();
    const bytes = uniquePng();
    const hash = sha256(bytes);
    await put(owner, bytes, 'image/png');
    expect((await get(member, hash)).status).toBe(404);

    await push(owner, [{ newDocumentState: initiative(owner, workspace.id, [bytes]) }]);
    const seen = await get(member, hash);
    expect(seen.status).toBe(200);
    expect(seen.bytes.equals(bytes)).toBe(true);
    expect(seen.headers.get('content-type')).toBe('image/png');
    expect(seen.headers.get('cache-control')).toBe(IMMUTABLE);

    const hidden = await get(stranger, hash);
    expect(hidden).toMatchObject({ status: 404, body: { error: 'not_found', message: expect.any(String) } });
  });

  it('does not serve someone who only knows the hash and cites it in their own initiative', async () => {
    const { owner, stranger } = await group();
    const bytes = uniquePng();
    const hash = sha256(bytes);
    await put(owner, bytes, 'image/png');
    await push(stranger, [{ newDocumentState: initiative(stranger, null, [bytes]) }]);
    expect((await get(stranger, hash)).status).toBe(404);
  });

  it('stops serving the group once the initiative is deleted, but still serves the uploader', async () => {
    const { owner, workspace, member } = await group();
    const bytes = uniquePng();
    const hash = sha256(bytes);
    await put(owner, bytes, 'image/png');
    const doc = initiative(owner, workspace.id, [bytes]);
    await push(owner, [{ newDocumentState: doc }]);
    expect((await get(member, hash)).status).toBe(200);

    const tombstone = { ...doc, rev: '2-del', _deleted: true };
    await push(owner, [{ assumedMasterState: doc, newDocumentState: tombstone }]);
    expect((await get(member, hash)).body).toMatchObject({ error: 'not_found' });
    expect((await get(owner, hash)).status).toBe(200);
  });

  it('follows the photos of each new version, and the group an initiative is in', async () => {
    const { owner, workspace, member } = await group();
    const [first, second] = [uniquePng(), uniquePng()];
    await put(owner, first, 'image/png');
    await put(member, second, 'image/png');
    const v1 = initiative(owner, null, [first]);
    await push(owner, [{ newDocumentState: v1 }]);
    expect((await get(member, sha256(first))).status).toBe(404); // private

    const v2 = { ...v1, rev: '2-b', workspaceId: workspace.id };
    await push(owner, [{ assumedMasterState: v1, newDocumentState: v2 }]);
    expect((await get(member, sha256(first))).status).toBe(200);

    // The member replaces the photo with theirs: the owner now sees it, the old one is no longer shared.
    const v3 = { ...v2, rev: '3-c', photos: initiative(member, null, [second]).photos };
    await push(member, [{ assumedMasterState: v2, newDocumentState: v3 }]);
    expect((await get(owner, sha256(second))).status).toBe(200);
    expect((await get(member, sha256(first))).status).toBe(404);
  });

  it('stops serving a member who leaves the group', async () => {
    const { owner, workspace, member } = await group();
    const bytes = uniquePng();
    await put(owner, bytes, 'image/png');
    await push(owner, [{ newDocumentState: initiative(owner, workspace.id, [bytes]) }]);
    expect((await get(member, sha256(bytes))).status).toBe(200);
    const removed = await call(server, 'DELETE', `/workspaces/${workspace.id}/members/${member.user.id}`, {
      token: owner.token,
    });
    expect(removed.status).toBeLessThan(300);
    expect((await get(member, sha256(bytes))).status).toBe(404);
  });

  it('serves a second uploader of the same bytes', async () => {
    const alice = await register(server);
    const bob = await register(server);
    const bytes = uniquePng();
    await put(alice, bytes, 'image/png');
    expect((await get(bob, sha256(bytes))).status).toBe(404);
    expect((await put(bob, bytes, 'image/png')).status).toBe(200);
    expect((await get(bob, sha256(bytes))).status).toBe(200);
  });

  it('answers 404 for an unknown or malformed hash', async () => {
    const alice = await register(server);
    const unknown = await get(alice, sha256(Buffer.from('jamais envoyé')));
    expect(unknown).toMatchObject({ status: 404, body: { error: 'not_found', message: expect.any(String) } });
    expect((await get(alice, '..%2F..%2Fapp.sqlite')).status).toBe(404);
  });

  it('answers 404 for a referenced hash that was never uploaded', async () => {
    const alice = await register(server);
    const bytes = uniquePng();
    await push(alice, [{ newDocumentState: initiative(alice, null, [bytes]) }]);
    expect((await get(alice, sha256(bytes))).status).toBe(404);
  });
});
