import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AppDatabase } from './database.ts';
import { openTestDatabase, testAnnotation } from './test-database.ts';
import type { Annotation } from '../model/annotations.ts';
import { newRev } from './ids.ts';
import { countUnsyncedChanges, notePushed, recordWrite, settleOutbox } from './outbox.ts';

let db: AppDatabase;

beforeEach(async () => {
  db = await openTestDatabase('outbox-test');
});
afterEach(async () => db.close());

// The writes as the features' commands make them: a new rev each time, through recordWrite.
async function note(text: string): Promise<Annotation> {
  const annotation = testAnnotation({ ownerId: 'appareil-essai', note: text });
  await recordWrite(db, 'annotations', annotation, () => db.annotations.insert(annotation));
  return annotation;
}
async function editNote(id: string, text: string): Promise<void> {
  const doc = await db.annotations.findOne(id).exec();
  const rev = newRev();
  await recordWrite(db, 'annotations', { id, rev }, () => doc!.incrementalPatch({ note: text, rev }));
}
/** Deletion as the annotations seam does it: a new version, then a tombstone. */
async function deleteNote(id: string): Promise<void> {
  await editNote(id, '');
  await (await db.annotations.findOne(id).exec())!.remove();
}
const revOf = async (id: string) => (await db.annotations.findOne(id).exec())!.toJSON().rev;

it('keeps a document waiting until the server has the version the device holds now', async () => {
  const a = await note('Première version');
  const first = a.rev;
  await editNote(a.id, 'Deuxième version');
  await notePushed(db, 'annotations', [{ id: a.id, rev: first }]);
  expect(await countUnsyncedChanges(db)).toBe(1);
  await notePushed(db, 'annotations', [{ id: a.id, rev: await revOf(a.id) }]);
  expect(await countUnsyncedChanges(db)).toBe(0);
});

it('lets a deleted note leave the outbox once the server has its deletion', async () => {
  const a = await note('À effacer');
  await notePushed(db, 'annotations', [{ id: a.id, rev: a.rev }]);
  await deleteNote(a.id);
  expect(await countUnsyncedChanges(db)).toBe(1);
  const tombstone = (await db.annotations.storageInstance.findDocumentsById([a.id], true))[0] as { rev: string };
  await notePushed(db, 'annotations', [{ id: a.id, rev: tombstone.rev }]);
  expect(await countUnsyncedChanges(db)).toBe(0);
});

it('counts a write before it is stored, so a tab closed in between never hides an unsent change', async () => {
  const never = new Promise<never>(() => undefined); // the tab closes during the write
  void recordWrite(db, 'annotations', { id: 'jamais-ecrite', rev: 'r1' }, () => never);
  await expect.poll(() => countUnsyncedChanges(db)).toBe(1);
  // At the next start, an entry whose document never came to be leaves the outbox.
  await settleOutbox(db);
  expect(await countUnsyncedChanges(db)).toBe(0);
});

it('keeps the entries of real documents, deleted ones included, when settling', async () => {
  await note('Gardée');
  const deleted = await note('Effacée, effacement pas encore envoyé');
  await deleteNote(deleted.id);
  await settleOutbox(db);
  expect(await countUnsyncedChanges(db)).toBe(2);
});

it('puts the outbox back as it was when a write fails', async () => {
  const a = await note('Envoyée');
  await notePushed(db, 'annotations', [{ id: a.id, rev: a.rev }]);
  const refused = () => Promise.reject(new Error('stockage plein'));
  await expect(recordWrite(db, 'annotations', { id: a.id, rev: 'r2' }, refused)).rejects.toThrow('stockage plein');
  await expect(recordWrite(db, 'annotations', { id: 'nouvelle', rev: 'r1' }, refused)).rejects.toThrow();
  expect(await countUnsyncedChanges(db)).toBe(0);

  const b = await note('En attente');
  await expect(recordWrite(db, 'annotations', { id: b.id, rev: 'r3' }, refused)).rejects.toThrow();
  expect(await countUnsyncedChanges(db)).toBe(1);
  await notePushed(db, 'annotations', [{ id: b.id, rev: b.rev }]);
  expect(await countUnsyncedChanges(db)).toBe(0);
});
