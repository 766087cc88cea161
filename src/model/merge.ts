/**
 * The no-loss merge of two concurrent edits of one user document (the
 * client's conflict handler, run when a push meets a newer server version).
 *
 * Three-way, field by field, against the version both sides started from:
 * - a field changed on one side only takes that side's value;
 * - a field changed on both sides to different values takes the server's
 *   value (deterministic: the first write to reach the server wins) and the
 *   local value is kept on the document, in `conflicts`, where the user sees
 *   it and can restore it in one tap;
 * - an edit beats a deletion: the document stays, and the deletion is kept
 *   as a conflict the user can confirm.
 */

/** A value that lost a concurrent edit, kept visible on the document. */
export interface ConflictingVersion {
  field: string;
  value: unknown;
  /** When the losing edit was made (the local document's updatedAt). */
  at: string;
}

export interface MergeableDocument {
  id: string;
  rev: string;
  updatedAt: string;
  _deleted?: boolean;
  conflicts?: ConflictingVersion[];
  [field: string]: unknown;
}

/** Fields that are not content: never merged field by field. */
const BOOKKEEPING = new Set(['id', 'ownerId', 'rev', 'updatedAt', 'conflicts', '_deleted']);

export interface MergeInput<T extends MergeableDocument> {
  /** What the client last saw from the server (absent for a document new on both sides). */
  assumedMasterState?: T;
  realMasterState: T;
  newDocumentState: T;
}

/** Merges; the caller gives the result a new `rev` before writing it. */
export function mergeDocuments<T extends MergeableDocument>(input: MergeInput<T>): T {
  const { realMasterState: server, newDocumentState: local } = input;
  const base: Partial<T> = input.assumedMasterState ?? {};
  const merged: Record<string, unknown> = { ...server };
  const conflicts = [...(server.conflicts ?? [])];
  const keep = (field: string, value: unknown) => {
    if (!conflicts.some((c) => c.field === field && deepEqual(c.value, value))) {
      conflicts.push({ field, value, at: local.updatedAt });
    }
  };

  const fields = new Set([...Object.keys(server), ...Object.keys(local), ...Object.keys(base)]);
  let localContentChanged = false;
  let serverContentChanged = false;
  for (const field of fields) {
    if (BOOKKEEPING.has(field)) continue;
    const localChanged = !deepEqual(local[field], base[field]);
    const serverChanged = !deepEqual(server[field], base[field]);
    localContentChanged ||= localChanged;
    serverContentChanged ||= serverChanged;
    if (!localChanged) continue;
    if (!serverChanged) {
      setField(merged, field, local[field]);
    } else if (!deepEqual(local[field], server[field])) {
      keep(field, local[field]);
    }
  }
  for (const conflict of local.conflicts ?? []) keep(conflict.field, conflict.value);

  const localDeleted = Boolean(local._deleted);
  const serverDeleted = Boolean(server._deleted);
  if (localDeleted && serverDeleted) merged._deleted = true;
  else if (localDeleted && !serverDeleted) {
    if (serverContentChanged) {
      merged._deleted = false;
      keep('_deleted', true);
    } else merged._deleted = true;
  } else if (serverDeleted && !localDeleted && localContentChanged) {
    merged._deleted = false;
    keep('_deleted', true);
  }

  merged.updatedAt = local.updatedAt > server.updatedAt ? local.updatedAt : server.updatedAt;
  if (conflicts.length > 0) merged.conflicts = conflicts;
  else delete merged.conflicts;
  return merged as T;
}

/**
 * An edit of a field made from what the editor opened on (`base`). If the
 * field changed meanwhile (a version from another device arrived while the
 * editor was open), the edit still wins, as the later one, but the version
 * it replaces is kept in `conflicts` as a merge would keep it: saving never
 * silently erases what someone else wrote.
 */
export function editField<T extends MergeableDocument>(
  doc: T,
  field: string,
  base: unknown,
  value: unknown,
  now: string,
): T {
  const current = doc[field];
  const edited: Record<string, unknown> = { ...doc, updatedAt: now };
  setField(edited, field, value);
  if (deepEqual(current, base) || deepEqual(current, value)) return edited as T;
  const conflicts = doc.conflicts ?? [];
  if (conflicts.some((c) => c.field === field && deepEqual(c.value, current))) return edited as T;
  return { ...edited, conflicts: [...conflicts, { field, value: current, at: doc.updatedAt }] } as T;
}

/** Puts a kept version back: its value becomes the field's, and it leaves the list. */
export function restoreConflict<T extends MergeableDocument>(doc: T, index: number, now: string): T {
  const conflict = doc.conflicts?.[index];
  if (!conflict) return doc;
  const restored: Record<string, unknown> = { ...doc, updatedAt: now };
  setField(restored, conflict.field, conflict.value);
  return withoutConflict(restored as T, index);
}

/** Forgets a kept version. */
export function dismissConflict<T extends MergeableDocument>(doc: T, index: number, now: string): T {
  return withoutConflict({ ...doc, updatedAt: now }, index);
}

function withoutConflict<T extends MergeableDocument>(doc: T, index: number): T {
  const conflicts = (doc.conflicts ?? []).filter((_, i) => i !== index);
  const next: Record<string, unknown> = { ...doc, conflicts };
  if (conflicts.length === 0) delete next.conflicts;
  return next as T;
}

function setField(doc: Record<string, unknown>, field: string, value: unknown): void {
  if (value === undefined) delete doc[field];
  else doc[field] = value;
}

/** Structural equality of JSON values (key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((v, i) => deepEqual(v, other[i]));
  }
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ak.length === bk.length &&
    ak.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
