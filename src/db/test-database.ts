import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { Annotation } from '../model/annotations.ts';
import { openDatabase, type AppDatabase } from './database.ts';
import { newId, newRev } from './ids.ts';

let opened = 0;

/**
 * For Node tests only: a fresh database of the app (real RxDB and Dexie) on
 * fake-indexeddb, under a name of its own so that tests never share data.
 */
export function openTestDatabase(prefix: string): Promise<AppDatabase> {
  return openDatabase({
    name: `${prefix}-${++opened}-${Date.now()}`,
    storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) as never,
    multiInstance: false,
  });
}

/** A section note as the annotations seam writes it (new id and rev, now), with the fields a test sets. */
export function testAnnotation(fields: Pick<Annotation, 'note' | 'ownerId'> & Partial<Annotation>): Annotation {
  const now = new Date().toISOString();
  return {
    id: newId(),
    workspaceId: null,
    rev: newRev(),
    createdAt: now,
    updatedAt: now,
    resourceId: 'kit-essai',
    target: { blockId: 'intro' },
    color: 'jaune',
    ...fields,
  };
}
