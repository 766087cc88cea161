import type { Observable } from 'rxjs';
import type { AppDatabase } from '../../db/database.ts';
import { newId, newRev } from '../../db/ids.ts';
import { currentOwnerId, recordWrite } from '../../db/outbox.ts';
import type { Annotation, AnnotationColor } from '../../model/annotations.ts';
import { readSession } from '../../db/session.ts';
import { dismissConflict, editField, restoreConflict } from '../../model/merge.ts';
import { mergeImported, type ImportedAnnotation } from '../../model/annotations/web-annotation-import.ts';

/** The annotations seam: screens call these, never the collection directly. */

export function watchResourceNotes(db: AppDatabase, resourceId: string): Observable<Annotation[]> {
  return db.annotations.find({ selector: { resourceId }, sort: [{ createdAt: 'asc' }] }).$ as unknown as Observable<
    Annotation[]
  >;
}

/** Every annotation on the device, the user's and their groups'. */
export function watchAllAnnotations(db: AppDatabase): Observable<Annotation[]> {
  return db.annotations.find({ sort: [{ updatedAt: 'desc' }] }).$ as unknown as Observable<Annotation[]>;
}

export interface SectionNoteInput {
  resourceId: string;
  blockId: string;
  note: string;
  workspaceId: string | null;
}

export interface HighlightInput {
  resourceId: string;
  target: Annotation['target'];
  color: AnnotationColor;
  note: string;
  workspaceId: string | null;
}

/** A highlighted passage, with an optional note. */
export async function addHighlight(db: AppDatabase, input: HighlightInput): Promise<Annotation> {
  const now = new Date().toISOString();
  const session = await readSession(db);
  const annotation: Annotation = {
    id: newId(),
    ownerId: await currentOwnerId(db),
    workspaceId: input.workspaceId,
    rev: newRev(),
    createdAt: now,
    updatedAt: now,
    resourceId: input.resourceId,
    target: input.target,
    color: input.color,
    note: input.note,
    ...(session ? { authorName: session.user.displayName } : {}),
  };
  await recordWrite(db, 'annotations', annotation, () => db.annotations.insert(annotation));
  return annotation;
}

/** A note on a whole section of a text. */
export function addSectionNote(db: AppDatabase, input: SectionNoteInput): Promise<Annotation> {
  return addHighlight(db, {
    resourceId: input.resourceId,
    target: { blockId: input.blockId },
    color: 'jaune',
    note: input.note,
    workspaceId: input.workspaceId,
  });
}

async function rewrite(db: AppDatabase, id: string, change: (doc: Annotation) => Annotation): Promise<void> {
  const doc = await db.annotations.findOne(id).exec();
  if (!doc) throw new Error('Cette note n’existe plus sur l’appareil.');
  const rev = newRev();
  await recordWrite(db, 'annotations', { id, rev }, () =>
    doc.incrementalModify((data) => ({ ...change(data as Annotation), rev }) as never),
  );
}

/**
 * The note's new text, written over `base`, the text the editor opened on: a
 * version that arrived meanwhile is kept beside it (model/merge.ts, editField).
 */
export function editNote(db: AppDatabase, id: string, note: string, base: string): Promise<void> {
  return rewrite(db, id, (doc) => editField(doc as never, 'note', base, note, new Date().toISOString()) as Annotation);
}

export function recolor(db: AppDatabase, id: string, color: AnnotationColor): Promise<void> {
  return rewrite(db, id, (doc) => ({ ...doc, color, updatedAt: new Date().toISOString() }));
}

/** Puts back the version kept from another device. */
export function restoreVersion(db: AppDatabase, id: string, index: number): Promise<void> {
  return rewrite(db, id, (doc) => restoreConflict(doc as never, index, new Date().toISOString()) as Annotation);
}

export function dismissVersion(db: AppDatabase, id: string, index: number): Promise<void> {
  return rewrite(db, id, (doc) => dismissConflict(doc as never, index, new Date().toISOString()) as Annotation);
}

/** Deletion is a write: a tombstone that syncs. */
export async function deleteNote(db: AppDatabase, id: string): Promise<void> {
  await rewrite(db, id, (doc) => ({ ...doc, updatedAt: new Date().toISOString() }));
  const doc = await db.annotations.findOne(id).exec();
  await doc?.remove();
}

export interface ImportOutcome {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Brings annotations from an export back onto the device: new ones are
 * added as private annotations of the user, the user's own are updated
 * when the file's version is more recent, the rest is left alone — so
 * importing a file twice adds nothing.
 */
export async function importAnnotations(
  db: AppDatabase,
  imported: readonly ImportedAnnotation[],
): Promise<ImportOutcome> {
  const ownerId = await currentOwnerId(db);
  const existing = await db.annotations.findByIds(imported.map((a) => a.id)).exec();
  const current = [...existing.values()].map((doc) => doc.toJSON() as Annotation);
  const plan = mergeImported(current, imported);
  const session = await readSession(db);
  for (const a of plan.toInsert) {
    const rev = newRev();
    const annotation: Annotation = {
      ...a,
      ownerId,
      workspaceId: null,
      rev,
      ...(session ? { authorName: session.user.displayName } : {}),
    };
    await recordWrite(db, 'annotations', annotation, () => db.annotations.upsert(annotation));
  }
  let updated = 0;
  for (const a of plan.toUpdate) {
    if (current.find((c) => c.id === a.id)?.ownerId !== ownerId) continue; // someone else's: theirs to change
    await rewrite(db, a.id, (doc) => ({
      ...doc,
      target: a.target,
      color: a.color,
      note: a.note,
      updatedAt: a.updatedAt,
    }));
    updated++;
  }
  return { added: plan.toInsert.length, updated, unchanged: plan.skipped.length + plan.toUpdate.length - updated };
}
