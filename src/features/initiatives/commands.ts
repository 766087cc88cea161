import { combineLatest, map, of, switchMap, type Observable } from 'rxjs';
import type { AppDatabase } from '../../db/database.ts';
import { askPersistenceOnce } from '../../db/persistence.ts';
import { readSession } from '../../db/session.ts';
import { newId, newRev } from '../../db/ids.ts';
import { currentOwnerId, recordWrite } from '../../db/outbox.ts';
import type { Initiative } from '../../model/initiatives.ts';
import { dismissConflict, restoreConflict } from '../../model/merge.ts';
import { applyEdit, draftOfEdit, newDraft, recordedFields, toJsonValue, type DraftRecord } from './drafts.ts';

/**
 * The initiatives seam: screens call these, never the collection or the
 * local documents directly. A draft is a local document of RxDB (never
 * replicated) written as the user types; « Enregistrer » turns it into a
 * document of the `initiatives` collection, which syncs.
 */

const DRAFT_PREFIX = 'initiative-draft:';
/** The ids of the drafts on the device: local documents cannot be listed. */
const DRAFT_INDEX = 'initiative-drafts';

type DraftIndex = { ids: string[] };

export function watchInitiatives(db: AppDatabase): Observable<Initiative[]> {
  return db.initiatives
    .find({ sort: [{ updatedAt: 'desc' }] })
    .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as unknown as Initiative)));
}

export function watchInitiative(db: AppDatabase, id: string): Observable<Initiative | null> {
  return db.initiatives.findOne(id).$.pipe(map((doc) => (doc ? (doc.toJSON() as unknown as Initiative) : null)));
}

export function newInitiativeId(): string {
  return newId();
}

// Drafts

/** Index updates run one after another: a read-modify-write must not lose another's change. */
const indexQueues = new WeakMap<AppDatabase, Promise<void>>();

function updateIndex(db: AppDatabase, change: (ids: string[]) => string[]): Promise<void> {
  const next = (indexQueues.get(db) ?? Promise.resolve()).then(async () => {
    const doc = await db.getLocal<DraftIndex>(DRAFT_INDEX);
    const ids = doc?.toJSON().data.ids ?? [];
    const changed = change([...ids]);
    if (changed.length !== ids.length || changed.some((id, i) => id !== ids[i])) {
      await db.upsertLocal(DRAFT_INDEX, { ids: changed });
    }
  });
  indexQueues.set(
    db,
    next.catch(() => undefined),
  );
  return next;
}

/** Every draft on the device, the latest first. */
export function watchDrafts(db: AppDatabase): Observable<DraftRecord[]> {
  return db.getLocal$<DraftIndex>(DRAFT_INDEX).pipe(
    map((doc) => doc?.toJSON().data.ids ?? []),
    switchMap((ids) =>
      ids.length === 0
        ? of([])
        : combineLatest(ids.map((id) => db.getLocal$<DraftRecord>(DRAFT_PREFIX + id))).pipe(
            map((docs) =>
              docs
                .flatMap((doc) => (doc ? [doc.toJSON().data as DraftRecord] : []))
                .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
            ),
          ),
    ),
  );
}

export async function readDraft(db: AppDatabase, id: string): Promise<DraftRecord | undefined> {
  const doc = await db.getLocal<DraftRecord>(DRAFT_PREFIX + id);
  return doc ? (doc.toJSON().data as DraftRecord) : undefined;
}

/**
 * The draft of a new initiative (`id` absent, or no draft with it yet), or
 * of the edit of a recorded one: the draft kept on the device when there is
 * one, else a fresh one (not written until something is typed).
 */
export async function openDraft(
  db: AppDatabase,
  options: { id?: string; editing?: boolean },
): Promise<{ record: DraftRecord; resumed: boolean } | undefined> {
  const now = new Date().toISOString();
  if (options.id) {
    const kept = await readDraft(db, options.id);
    if (kept) return { record: kept, resumed: true };
  }
  // Editing, or an address of a new form whose initiative was recorded since (history, bookmark): its edit.
  const doc = options.id ? await db.initiatives.findOne(options.id).exec() : null;
  if (doc) return { record: draftOfEdit(doc.toJSON() as unknown as Initiative, now), resumed: false };
  if (options.editing) return undefined;
  return { record: newDraft(options.id ?? newId(), now), resumed: false };
}

/** Writes the draft on the device (a local document: never sent). Throws QuotaExceededError when full. */
export async function saveDraft(db: AppDatabase, record: DraftRecord): Promise<void> {
  askPersistenceOnce(); // a draft is the user's own too: the browser should not evict it
  await db.upsertLocal(DRAFT_PREFIX + record.id, toJsonValue({ ...record, updatedAt: new Date().toISOString() }));
  await updateIndex(db, (ids) => (ids.includes(record.id) ? ids : [...ids, record.id]));
}

export async function deleteDraft(db: AppDatabase, id: string): Promise<void> {
  const doc = await db.getLocal(DRAFT_PREFIX + id);
  await doc?.remove();
  await updateIndex(db, (ids) => ids.filter((other) => other !== id));
}

/** Signing out of a shared device: the drafts go with the rest of the user's data. */
export async function deleteAllDrafts(db: AppDatabase): Promise<void> {
  const index = await db.getLocal<DraftIndex>(DRAFT_INDEX);
  for (const id of index?.toJSON().data.ids ?? []) await deleteDraft(db, id);
  await (await db.getLocal(DRAFT_INDEX))?.remove();
}

// Recording

/**
 * « Enregistrer »: the draft (checked beforehand with validateInitiative)
 * becomes an initiative of the collection, new or a new version of the one
 * edited; it waits in the outbox until the server has it, and the draft goes.
 */
export async function recordInitiative(db: AppDatabase, record: DraftRecord): Promise<Initiative> {
  const now = new Date().toISOString();
  const rev = newRev();
  const existing = await db.initiatives.findOne(record.id).exec();
  let saved: Initiative;
  if (existing) {
    const doc = await recordWrite(db, 'initiatives', { id: record.id, rev }, () =>
      existing.incrementalModify(
        (current) => toJsonValue(applyEdit(current as unknown as Initiative, record, { rev, updatedAt: now })) as never,
      ),
    );
    saved = doc.toJSON() as unknown as Initiative;
  } else {
    const session = await readSession(db);
    const { workspaceId, ...fields } = recordedFields(record);
    saved = toJsonValue<Initiative>({
      id: record.id,
      ownerId: await currentOwnerId(db),
      workspaceId,
      rev,
      createdAt: now,
      updatedAt: now,
      status: 'enregistree',
      ...fields,
      // The author's display name, within the account rules' length as the schema's authorName is.
      ...(session ? { authorName: session.user.displayName } : {}),
    });
    await recordWrite(db, 'initiatives', saved, () => db.initiatives.insert(saved));
  }
  await deleteDraft(db, record.id);
  return saved;
}

async function rewrite(db: AppDatabase, id: string, change: (doc: Initiative) => Initiative): Promise<void> {
  const doc = await db.initiatives.findOne(id).exec();
  if (!doc) throw new Error('Cette initiative n’est plus sur l’appareil.');
  const rev = newRev();
  await recordWrite(db, 'initiatives', { id, rev }, () =>
    doc.incrementalModify((data) => ({ ...change(data as unknown as Initiative), rev }) as never),
  );
}

/** Puts back the version kept from another device. */
export function restoreVersion(db: AppDatabase, id: string, index: number): Promise<void> {
  return rewrite(db, id, (doc) => restoreConflict(doc as never, index, new Date().toISOString()) as Initiative);
}

export function dismissVersion(db: AppDatabase, id: string, index: number): Promise<void> {
  return rewrite(db, id, (doc) => dismissConflict(doc as never, index, new Date().toISOString()) as Initiative);
}

/** The photos of recorded initiatives on the device: what the upload queue may have to send. */
export async function recordedPhotoHashes(db: AppDatabase): Promise<string[]> {
  const docs = await db.initiatives.find().exec();
  return [...new Set(docs.flatMap((doc) => (doc.toJSON() as unknown as Initiative).photos.map((p) => p.sha256)))];
}

/** Every photo something on the device still refers to: recorded initiatives and drafts. */
export async function referencedPhotoHashes(db: AppDatabase): Promise<Set<string>> {
  const hashes = new Set(await recordedPhotoHashes(db));
  const index = await db.getLocal<DraftIndex>(DRAFT_INDEX);
  for (const id of index?.toJSON().data.ids ?? []) {
    (await readDraft(db, id))?.draft.photos.forEach((photo) => hashes.add(photo.sha256));
  }
  return hashes;
}
