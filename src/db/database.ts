import { Dexie } from 'dexie';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxStorage } from 'rxdb/plugins/core';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { COLLECTIONS, type CollectionDefinition } from '../model/collections.ts';
import { guardTransactionsOfCachedPage } from './cached-page-transactions.ts';
import { mergeConflictHandler } from './conflicts.ts';
import { yieldToBrowser } from './yield-to-browser.ts';
import type { Annotation } from '../model/annotations.ts';
import type { Initiative } from '../model/initiatives.ts';
import type { Feedback } from '../model/feedback.ts';
import type { WorkshopEntry } from '../model/workshops/contribution.ts';
import type { Workshop } from '../model/workshops/workshop.ts';
import type { GlossaryTerm, Need, Resource, Webinar } from '../model/library.ts';

/*
 * When the page enters the back/forward cache, Dexie closes its IndexedDB
 * connections and expects the next read to reopen them; RxDB opens them
 * with `autoOpen` off, so every read after coming back failed with
 * DatabaseClosedError. They stay open instead: the browser keeps such a page
 * in its cache (and drops it if another tab needs to upgrade the database).
 */
Dexie.disableBfCache = true;

addRxPlugin(RxDBLeaderElectionPlugin);
addRxPlugin(RxDBLocalDocumentsPlugin);
// A device that kept an older schema version of a collection migrates its documents on opening.
addRxPlugin(RxDBMigrationSchemaPlugin);

export interface AppCollections {
  needs: RxCollection<Need>;
  resources: RxCollection<Resource>;
  webinars: RxCollection<Webinar>;
  glossary: RxCollection<GlossaryTerm>;
  annotations: RxCollection<Annotation>;
  initiatives: RxCollection<Initiative>;
  workshops: RxCollection<Workshop>;
  contributions: RxCollection<WorkshopEntry>;
  feedback: RxCollection<Feedback>;
}

export type AppDatabase = RxDatabase<AppCollections>;

export interface OpenOptions {
  name?: string;
  /** Dexie over the browser's IndexedDB by default; tests pass fake-indexeddb. */
  storage?: RxStorage<unknown, unknown>;
  multiInstance?: boolean;
}

const COLLECTIONS_PER_STEP = 3;

/** Opens the device's local database with every collection of the model. */
export async function openDatabase(options: OpenOptions = {}): Promise<AppDatabase> {
  // WebKit: a page in the back/forward cache would otherwise block this database for every other page.
  guardTransactionsOfCachedPage();
  let storage = options.storage ?? (getRxStorageDexie() as RxStorage<unknown, unknown>);
  if (import.meta.env?.DEV) {
    // Development and tests only: schema checks and validation of every write.
    const [{ RxDBDevModePlugin }, { wrappedValidateAjvStorage }] = await Promise.all([
      import('rxdb/plugins/dev-mode'),
      import('rxdb/plugins/validate-ajv'),
    ]);
    addRxPlugin(RxDBDevModePlugin);
    storage = wrappedValidateAjvStorage({ storage }) as RxStorage<unknown, unknown>;
  }
  const db = await createRxDatabase<AppCollections>({
    name: options.name ?? 'innovation-territoriale',
    storage,
    multiInstance: options.multiInstance ?? true,
    closeDuplicates: true,
    // Device-only state (reading progress, preferences): never replicated.
    localDocuments: true,
  });
  // A few collections at a time, the browser getting the main thread in between (after creating the
  // database too): creating them all at once (schemas, storage, migration checks) was one long task
  // of several hundred ms on a phone.
  for (let i = 0; i < COLLECTIONS.length; i += COLLECTIONS_PER_STEP) {
    await yieldToBrowser();
    const step = COLLECTIONS.slice(i, i + COLLECTIONS_PER_STEP);
    await db.addCollections(Object.fromEntries(step.map((c) => [c.name, collectionOptions(c)])) as never);
  }
  return db;
}

/** How RxDB creates a collection of the model: its schema, its migrations, and for user documents the no-loss merge. */
export function collectionOptions(c: CollectionDefinition) {
  return {
    schema: c.schema as never,
    ...(c.migrationStrategies ? { migrationStrategies: c.migrationStrategies } : {}),
    ...(c.kind === 'user' ? { conflictHandler: mergeConflictHandler } : {}),
  };
}
