import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../database.ts';
import type { PushRow } from '../store/store.ts';
import { openTestDatabase, testDatabaseConfig, usesPostgres, type TestDatabaseConfig } from '../test-database.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const same = (stored: string, pushed: string) => stored === pushed;

let config: TestDatabaseConfig;
let database: ServerDatabase;
beforeEach(async () => {
  config = testDatabaseConfig(mkdtempSync(join(tmpdir(), 'it-blobs-')));
  database = await openTestDatabase(config);
});
afterEach(async () => {
  await database.close();
  rmSync(config.dataDir, { recursive: true, force: true });
});

function row(id: string, body: object, patch: Partial<PushRow> = {}): PushRow {
  return {
    id,
    body: JSON.stringify({ id, ...body }),
    ownerId: 'alice',
    workspaceId: 'w1',
    rev: '1',
    assumedRev: undefined,
    ...patch,
  };
}

const bob = { userId: 'bob', workspaceIds: new Set(['w1']) };
const carol = { userId: 'carol', workspaceIds: new Set(['w2']) };

describe('blob uploads and references in the store', () => {
  const store = () => database.store;
  it('lets the uploader and the readers of a live referencing document read a blob', async () => {
    await store().recordBlobUpload({ sha256: A, userId: 'alice', type: 'image/png', bytes: 90 }, 1e9);
    await store().recordBlobUpload({ sha256: A, userId: 'alice', type: 'image/png', bytes: 90 }, 1e9);
    expect(await store().readableBlob(A, { userId: 'alice', workspaceIds: new Set() })).toEqual({
      type: 'image/png',
      bytes: 90,
    });
    expect(await store().readableBlob(A, bob)).toBeUndefined();

    await store().applyPush('initiatives', [row('i1', { photos: [{ sha256: A }] }, { blobRefs: [A] })], same);
    expect(await store().readableBlob(A, bob)).toMatchObject({ type: 'image/png' });
    expect(await store().readableBlob(A, carol)).toBeUndefined();
    expect(await store().readableBlob(B, bob)).toBeUndefined();

    // A new version without the photo replaces the references.
    await store().applyPush(
      'initiatives',
      [row('i1', { photos: [] }, { rev: '2', assumedRev: '1', blobRefs: [] })],
      same,
    );
    expect(await store().readableBlob(A, bob)).toBeUndefined();
  });

  it('does not count a deleted document, even with references left over', async () => {
    await store().recordBlobUpload({ sha256: A, userId: 'alice', type: 'image/png', bytes: 90 }, 1e9);
    await store().applyPush('initiatives', [row('i1', { _deleted: true }, { blobRefs: [A] })], same);
    expect(await store().readableBlob(A, bob)).toBeUndefined();
  });

  it.skipIf(usesPostgres())('finds the references of SQLite initiatives written before blobs existed', async () => {
    const file = join(config.dataDir, 'app.sqlite');
    await store().applyPush(
      'initiatives',
      [
        row('live', { photos: [{ sha256: A }], _deleted: false }),
        row('gone', { photos: [{ sha256: B }], _deleted: true }),
      ],
      same,
    );
    await database.close();
    const db = new Database(file);
    db.exec('DROP TABLE blob_refs; DROP TABLE blob_uploads; DROP TABLE health_probe;');
    db.pragma('user_version = 2');
    db.close();

    database = await openTestDatabase(config);
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT collection, doc_id AS docId, sha256 FROM blob_refs').all()).toEqual([
      { collection: 'initiatives', docId: 'live', sha256: A },
    ]);
    check.close();
  });
});
