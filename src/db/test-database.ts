import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { openDatabase, type AppDatabase } from './database.ts';

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
