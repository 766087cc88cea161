import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createRxDatabase } from 'rxdb/plugins/core';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { expect, it } from 'vitest';
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
