import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createRxDatabase } from 'rxdb/plugins/core';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { expect, it } from 'vitest';
import { feedbackSchema, type Feedback } from '../model/feedback.ts';
import { initiativeSchema } from '../model/initiatives.ts';
import { recordedInitiative } from '../model/initiatives/fixtures.ts';
import { webinarSchema } from '../model/library.ts';
import { openDatabase } from './database.ts';

it('keeps the webinars of a device that has the version-0 schema (replayUrl required then)', async () => {
  const name = `migration-test-${Date.now()}`;
  const storage = getRxStorageDexie({ indexedDB, IDBKeyRange });
  const version0 = {
    ...webinarSchema,
    version: 0,
    required: [...webinarSchema.required, 'replayUrl'],
  };
  const old = await createRxDatabase({ name, storage, multiInstance: false });
  await old.addCollections({ webinars: { schema: version0 as never } });
  await old.webinars!.insert({
    id: 'webinaire-2019-02-21',
    blocks: [],
    contentHash: 'h',
    number: 2,
    date: '2019-02-21',
    title: 'Qualifier l’innovation',
    needs: ['qualifier-l-innovation'],
    replayUrl: 'https://exemple.org/replay',
    summary: 'Le thème du mois.',
  });
  await old.close();

  const db = await openDatabase({ name, storage: storage as never, multiInstance: false });
  const webinar = await db.webinars.findOne('webinaire-2019-02-21').exec();
  expect(webinar?.title).toBe('Qualifier l’innovation');
  expect(webinar?.replayUrl).toBe('https://exemple.org/replay');
  await db.close();
});

it('keeps the feedback waiting on a device that has the version-0 schema (before the workshop fields)', async () => {
  const name = `migration-test-feedback-${Date.now()}`;
  const storage = getRxStorageDexie({ indexedDB, IDBKeyRange });
  const properties: Record<string, unknown> = { ...feedbackSchema.properties };
  delete properties.workshopId;
  delete properties.workshopScore;
  // The test before loaded RxDB's dev-mode, which wants a validating storage.
  const old = await createRxDatabase({ name, storage: wrappedValidateAjvStorage({ storage }), multiInstance: false });
  await old.addCollections({ feedback: { schema: { ...feedbackSchema, version: 0, properties } as never } });
  const waiting: Feedback = {
    id: 'avis-1',
    ownerId: null,
    createdAt: '2026-12-03T21:00:00.000Z',
    usefulness: [{ need: 'faire-alliance', score: 4 }],
    missing: '',
    comment: 'Merci pour la soirée.',
  };
  await old.feedback!.insert(waiting);
  await old.close();

  const db = await openDatabase({ name, storage: storage as never, multiInstance: false });
  expect((await db.feedback.findOne('avis-1').exec())?.toJSON()).toMatchObject(waiting);
  // The new fields are accepted from now on.
  await db.feedback.insert({ ...waiting, id: 'avis-2', workshopId: 'atelier-abcd2345', workshopScore: 5 });
  expect((await db.feedback.findOne('avis-2').exec())?.workshopScore).toBe(5);
  await db.close();
});

it('migrates the initiatives of a device that has the version-0 schema (short titles allowed then)', async () => {
  const name = `migration-initiatives-${Date.now()}`;
  const storage = getRxStorageDexie({ indexedDB, IDBKeyRange });
  const version0 = {
    ...initiativeSchema,
    version: 0,
    properties: {
      ...initiativeSchema.properties,
      status: { type: 'string', enum: ['brouillon', 'enregistree'] },
      title: { type: 'string', maxLength: 200 },
      description: { type: 'string', maxLength: 20000 },
    },
  };
  // The dev-mode plugin (added by the test above) wants a validating storage: the old documents are valid version-0 ones.
  const validated = wrappedValidateAjvStorage({ storage });
  const old = await createRxDatabase({ name, storage: validated, multiInstance: false });
  await old.addCollections({ initiatives: { schema: version0 as never } });
  const kept = recordedInitiative({ id: 'i-kept', ownerId: 'u1' });
  await old.initiatives!.insert(kept);
  await old.initiatives!.insert({
    ...recordedInitiative({ id: 'i-short', ownerId: 'u1' }),
    status: 'brouillon',
    title: ' ',
    description: 'Court. ',
  });
  await old.close();

  const db = await openDatabase({ name, storage: storage as never, multiInstance: false });
  expect((await db.initiatives.findOne('i-kept').exec())?.toJSON()).toMatchObject(kept);
  expect((await db.initiatives.findOne('i-short').exec())?.toJSON()).toMatchObject({
    status: 'enregistree',
    title: 'titre à compléter',
    description: 'Court. (description à compléter)',
  });
  await db.close();
});
