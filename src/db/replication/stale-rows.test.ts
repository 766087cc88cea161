import { afterEach, expect, it } from 'vitest';
import type { AppDatabase } from '../database.ts';
import { openTestDatabase } from '../test-database.ts';
import { splitStaleRows } from './stale-rows.ts';

let db: AppDatabase | undefined;
afterEach(async () => {
  await db?.close();
});

const annotation = (note: string, rev: string) => ({
  id: 'a1',
  ownerId: 'u1',
  workspaceId: null,
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
  resourceId: 'kit-essai',
  target: { blockId: 'etapes' },
  color: 'jaune',
  note,
  rev,
});

it('a push row read before its document changed on the device is held back, answered with the current document', async () => {
  db = await openTestDatabase('stale-rows');
  const doc = await db.annotations.insert(annotation('ancienne', 'r1') as never);
  const row = (note: string, rev: string) => ({
    newDocumentState: { ...annotation(note, rev), _deleted: false },
    assumedMasterState: undefined,
  });
  const old = row('ancienne', 'r1');
  // A pull writes the server's newer version while the push of the old one waits.
  await doc.incrementalPatch({ note: 'plus récente', rev: 'r2' } as never);
  const current = row('plus récente', 'r2');
  const unknown = { ...row('autre', 'r9'), newDocumentState: { ...row('autre', 'r9').newDocumentState, id: 'a2' } };

  const { fresh, stale } = await splitStaleRows(db.annotations as never, [old, current, unknown]);

  expect(fresh).toEqual([current, unknown]);
  expect(stale).toEqual([current.newDocumentState]);
});
