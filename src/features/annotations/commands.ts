import type { Observable } from 'rxjs';
import type { AppDatabase } from '../../db/database.ts';
import { currentOwnerId, newId, newRev, noteWritten } from '../../db/user-documents.ts';
import type { Annotation } from '../../model/annotations.ts';
import { dismissConflict, restoreConflict } from '../../model/merge.ts';

/** The annotations seam: screens call these, never the collection directly. */

export function watchResourceNotes(db: AppDatabase, resourceId: string): Observable<Annotation[]> {
  return db.annotations.find({ selector: { resourceId }, sort: [{ createdAt: 'asc' }] }).$ as unknown as Observable<
    Annotation[]
  >;
}

export interface SectionNoteInput {
  resourceId: string;
  blockId: string;
  note: string;
  workspaceId: string | null;
}

/** A note on a whole section of a text. */
export async function addSectionNote(db: AppDatabase, input: SectionNoteInput): Promise<Annotation> {
  const now = new Date().toISOString();
  const annotation: Annotation = {
    id: newId(),
    ownerId: await currentOwnerId(db),
    workspaceId: input.workspaceId,
    rev: newRev(),
    createdAt: now,
    updatedAt: now,
    resourceId: input.resourceId,
    target: { blockId: input.blockId },
    color: 'jaune',
    note: input.note,
  };
  await db.annotations.insert(annotation);
  await noteWritten(db, 'annotations', annotation.id, annotation.rev);
  return annotation;
}

async function rewrite(db: AppDatabase, id: string, change: (doc: Annotation) => Annotation): Promise<void> {
  const doc = await db.annotations.findOne(id).exec();
  if (!doc) throw new Error('Cette note n’existe plus sur l’appareil.');
  const rev = newRev();
  await doc.incrementalModify((data) => ({ ...change(data as Annotation), rev }) as never);
  await noteWritten(db, 'annotations', id, rev);
}

export function editNote(db: AppDatabase, id: string, note: string): Promise<void> {
  return rewrite(db, id, (doc) => ({ ...doc, note, updatedAt: new Date().toISOString() }));
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
