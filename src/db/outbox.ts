import { map, type Observable } from 'rxjs';
import type { AppDatabase } from './database.ts';
import { askPersistenceOnce } from './persistence.ts';
import { newId } from './ids.ts';
import { readSession } from './session.ts';
import { USER_COLLECTIONS } from '../model/collections.ts';

/**
 * Writing user documents: every write gets a new `rev` and `updatedAt`, and
 * is noted in the outbox until the server has it. Before an account exists,
 * documents belong to this device's own id; signing in attaches them.
 */

const DEVICE_OWNER = 'device-owner';
const OUTBOX = 'outbox';

/** Whose documents are created now: the signed-in user, or this device until someone signs in. */
export async function currentOwnerId(db: AppDatabase): Promise<string> {
  const session = await readSession(db);
  if (session) return session.user.id;
  const doc = await db.getLocal<{ id: string }>(DEVICE_OWNER);
  if (doc) return doc.toJSON().data.id;
  const id = `appareil-${newId().slice(0, 16)}`;
  await db.upsertLocal(DEVICE_OWNER, { id });
  return id;
}

type Outbox = { pending: Record<string, string>; refused?: Record<string, Refusal> };

/** What waits to be sent: `collection/id` keys written on this device and not yet confirmed by the server. */
export function watchOutbox(db: AppDatabase): Observable<string[]> {
  return db.getLocal$<Outbox>(OUTBOX).pipe(map((doc) => (doc ? Object.keys(doc.toJSON().data.pending) : [])));
}

export async function countUnsyncedChanges(db: AppDatabase): Promise<number> {
  const doc = await db.getLocal<Outbox>(OUTBOX);
  return doc ? Object.keys(doc.toJSON().data.pending).length : 0;
}

/** Outbox updates run one after another: a read-modify-write must not lose another's change. */
const queues = new WeakMap<AppDatabase, Promise<void>>();

function updateOutbox(
  db: AppDatabase,
  change: (pending: Record<string, string>, refused: Record<string, Refusal>) => void,
): Promise<void> {
  const next = (queues.get(db) ?? Promise.resolve()).then(async () => {
    const doc = await db.getLocal<Outbox>(OUTBOX);
    const pending = { ...(doc?.toJSON().data.pending ?? {}) };
    const refused = { ...((doc?.toJSON().data.refused ?? {}) as Record<string, Refusal>) };
    change(pending, refused);
    await db.upsertLocal(OUTBOX, { pending, refused });
  });
  queues.set(
    db,
    next.catch(() => undefined),
  );
  return next;
}

type UserCollectionName = 'annotations' | 'initiatives' | 'workshops' | 'contributions' | 'feedback';

/** The `rev` each stored document has now, deleted ones (tombstones still to send) included. */
async function storedRevs(
  db: AppDatabase,
  collection: UserCollectionName,
  ids: readonly string[],
): Promise<Map<string, string | undefined>> {
  const rows = await db.collections[collection].storageInstance.findDocumentsById([...ids], true);
  return new Map(rows.map((row) => [String((row as { id: string }).id), (row as { rev?: string }).rev]));
}

/**
 * Writes user documents with their outbox entries noted first. A tab closed
 * between the two then leaves an entry too many (settleOutbox drops it when
 * the document never came to be), never one too few: the sign-out warning
 * cannot miss an unsent change. Entries of documents the write did not
 * store are put back as they were before it.
 */
export async function recordWrites<T>(
  db: AppDatabase,
  collection: UserCollectionName,
  docs: readonly { id: string; rev?: string }[],
  write: () => Promise<T>,
): Promise<T> {
  askPersistenceOnce();
  const before = new Map<string, { rev?: string; refusal?: Refusal }>();
  await updateOutbox(db, (pending, refused) => {
    for (const { id, rev = '' } of docs) {
      const key = `${collection}/${id}`;
      before.set(key, { rev: pending[key], refusal: refused[key] });
      pending[key] = rev;
      delete refused[key]; // a new version gets a new chance
    }
  });
  try {
    return await write();
  } catch (error) {
    const stored = await storedRevs(
      db,
      collection,
      docs.map((d) => d.id),
    );
    const unstored = docs.filter((d) => !stored.has(d.id) || (d.rev !== undefined && stored.get(d.id) !== d.rev));
    await updateOutbox(db, (pending, refused) => {
      for (const { id } of unstored) {
        const key = `${collection}/${id}`;
        const { rev, refusal } = before.get(key)!;
        if (rev === undefined) delete pending[key];
        else pending[key] = rev;
        if (refusal) refused[key] = refusal;
      }
    });
    throw error;
  }
}

export function recordWrite<T>(
  db: AppDatabase,
  collection: UserCollectionName,
  doc: { id: string; rev?: string },
  write: () => Promise<T>,
): Promise<T> {
  return recordWrites(db, collection, [doc], write);
}

/** At start: entries of documents that were never stored (the tab closed mid-write) leave the outbox. */
export async function settleOutbox(db: AppDatabase): Promise<void> {
  const doc = await db.getLocal<Outbox>(OUTBOX);
  const keys = Object.keys(doc?.toJSON().data.pending ?? {});
  const ghosts: string[] = [];
  for (const { name } of USER_COLLECTIONS) {
    const ids = keys.filter((key) => key.startsWith(`${name}/`)).map((key) => key.slice(name.length + 1));
    if (ids.length === 0) continue;
    const stored = await storedRevs(db, name as UserCollectionName, ids);
    ghosts.push(...ids.filter((id) => !stored.has(id)).map((id) => `${name}/${id}`));
  }
  if (ghosts.length === 0) return;
  await updateOutbox(db, (pending) => {
    for (const key of ghosts) delete pending[key];
  });
}

/** A version the server refused for good (invalid, forbidden, too large): kept on the device, set aside. */
export interface Refusal {
  collection: string;
  id: string;
  code: string;
  message: string;
  at: string;
}

/**
 * Sets a refused version aside so that the documents after it are still
 * sent: it stays on the device and in the outbox, and the user is told.
 */
export function noteRefused(db: AppDatabase, refusal: Omit<Refusal, 'at'>): Promise<void> {
  return updateOutbox(db, (_pending, refused) => {
    refused[`${refusal.collection}/${refusal.id}`] = { ...refusal, at: new Date().toISOString() };
  });
}

export function watchRefusals(db: AppDatabase): Observable<Refusal[]> {
  return db
    .getLocal$<Outbox>(OUTBOX)
    .pipe(map((doc) => Object.values((doc?.toJSON().data.refused ?? {}) as Record<string, Refusal>)));
}

/**
 * The server has these versions. A document leaves the outbox when what the
 * device holds now is what was pushed (a merge may have replaced the local
 * write; a write made since keeps it waiting).
 */
export async function notePushed(
  db: AppDatabase,
  collection: UserCollectionName,
  docs: { id: string; rev?: string }[],
): Promise<void> {
  const stored = await storedRevs(
    db,
    collection,
    docs.map((d) => d.id),
  );
  const reached = docs
    .filter((d) => stored.has(d.id) && stored.get(d.id) === d.rev)
    .map((d) => `${collection}/${d.id}`);
  await updateOutbox(db, (pending) => {
    for (const key of reached) delete pending[key];
  });
}

export function clearOutbox(db: AppDatabase): Promise<void> {
  return updateOutbox(db, (pending, refused) => {
    for (const key of Object.keys(pending)) delete pending[key];
    for (const key of Object.keys(refused)) delete refused[key];
  });
}
