import { map, type Observable } from 'rxjs';
import type { AppDatabase } from './database.ts';

/**
 * Groups this device lost access to (its user was removed, or the group
 * was deleted): their documents leave the device, except the user's own
 * unsent changes, which stay and are listed here so that the screen can
 * say why they will not be sent. Kept in a local (never replicated)
 * document.
 */
export interface LostGroup {
  workspaceId: string;
  /** The group's name as this device last knew it. */
  name?: string;
  lostAt: string;
  /** The unsent changes kept on the device. */
  kept: KeptChange[];
}

export interface KeptChange {
  collection: string;
  id: string;
  /** What the user sees of it: a title, a note's first words. */
  label: string;
}

const LOST = 'lost-groups';
type Stored = { groups: Record<string, LostGroup> };

export function watchLostGroups(db: AppDatabase): Observable<LostGroup[]> {
  return db
    .getLocal$<Stored>(LOST)
    .pipe(map((doc) => Object.values((doc?.toJSON().data.groups ?? {}) as Record<string, LostGroup>)));
}

/** Notes a lost group; changes kept before (a first check) stay listed. */
export async function noteLostGroup(db: AppDatabase, group: LostGroup): Promise<void> {
  const doc = await db.getLocal<Stored>(LOST);
  const groups = { ...((doc?.toJSON().data.groups ?? {}) as Record<string, LostGroup>) };
  const before = groups[group.workspaceId];
  const kept = new Map(
    [...(before?.kept ?? []), ...group.kept].map((change) => [`${change.collection}/${change.id}`, change]),
  );
  groups[group.workspaceId] = {
    ...group,
    name: group.name ?? before?.name,
    lostAt: before?.lostAt ?? group.lostAt,
    kept: [...kept.values()],
  };
  await db.upsertLocal(LOST, { groups });
}

/** The user read the notice: it goes (the kept changes stay on the device). */
export async function dismissLostGroup(db: AppDatabase, workspaceId: string): Promise<void> {
  const doc = await db.getLocal<Stored>(LOST);
  if (!doc) return;
  const groups = { ...(doc.toJSON().data.groups as Record<string, LostGroup>) };
  delete groups[workspaceId];
  await db.upsertLocal(LOST, { groups });
}

/**
 * Documents to forget, by collection, until the replication's next pull
 * takes them: they reach the local collection as deletions that came from
 * the server, so that the replication never sends them back as the user's.
 */
const forgotten = new WeakMap<AppDatabase, Map<string, Map<string, unknown>>>();

export function forgetOnNextPull(db: AppDatabase, collection: string, docs: { id: string }[]): void {
  const byCollection = forgotten.get(db) ?? new Map<string, Map<string, unknown>>();
  forgotten.set(db, byCollection);
  const queue = byCollection.get(collection) ?? new Map<string, unknown>();
  byCollection.set(collection, queue);
  for (const doc of docs) queue.set(doc.id, { ...doc, _deleted: true });
}

/** The deletions waiting for `collection`, handed over once. */
export function takeForgotten(db: AppDatabase, collection: string): unknown[] {
  const queue = forgotten.get(db)?.get(collection);
  if (!queue || queue.size === 0) return [];
  const docs = [...queue.values()];
  queue.clear();
  return docs;
}
