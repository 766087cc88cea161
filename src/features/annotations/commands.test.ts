import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AppDatabase } from '../../db/database.ts';
import { openTestDatabase } from '../../db/test-database.ts';
import type { Annotation } from '../../model/annotations.ts';
import { addSectionNote, editNote, restoreVersion } from './commands.ts';

let db: AppDatabase;

beforeEach(async () => {
  db = await openTestDatabase('annotations-commands-test');
});
afterEach(async () => db.close());

async function read(id: string): Promise<Annotation> {
  return (await db.annotations.findOne(id).exec())!.toJSON() as unknown as Annotation;
}

it('an edit saved over a version that arrived while the editor was open keeps that version beside it', async () => {
  const note = await addSectionNote(db, {
    resourceId: 'kit-essai',
    blockId: 'intro',
    note: 'Prévoir la salle',
    workspaceId: null,
  });
  // What the replication writes when the other device's version comes in.
  const doc = await db.annotations.findOne(note.id).exec();
  await doc!.incrementalPatch({ note: 'Salle réservée pour le 12', rev: 'rev-autre-appareil' } as never);

  await editNote(db, note.id, 'Demander la salle au comité', 'Prévoir la salle');
  const edited = await read(note.id);
  expect(edited.note).toBe('Demander la salle au comité');
  expect(edited.conflicts).toEqual([expect.objectContaining({ field: 'note', value: 'Salle réservée pour le 12' })]);

  await restoreVersion(db, note.id, 0);
  expect((await read(note.id)).note).toBe('Salle réservée pour le 12');
});

it('an edit of the text the editor opened on keeps nothing', async () => {
  const note = await addSectionNote(db, { resourceId: 'kit-essai', blockId: 'intro', note: 'Un', workspaceId: null });
  await editNote(db, note.id, 'Deux', 'Un');
  const edited = await read(note.id);
  expect(edited.note).toBe('Deux');
  expect(edited.conflicts).toBeUndefined();
});
