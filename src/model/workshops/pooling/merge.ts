/**
 * What arrives twice merges once: pooled documents are matched to those
 * already on the device by id; the same id and rev is the same write.
 */
import type { PoolDocument } from './codec.ts';

export interface Versioned extends PoolDocument {
  updatedAt: string;
}

export interface PoolMerge<T> {
  /** Documents this device did not have. */
  added: T[];
  /** Newer writes of documents it had. */
  updated: T[];
  /** Already here (same rev), or older than what is here. */
  unchanged: number;
}

/**
 * Sorts incoming documents against those already held: new, newer (a later
 * `updatedAt`, then the greater rev to break a tie the same way everywhere),
 * or nothing to do. Applying the result then merging the same input again
 * finds nothing to do.
 */
export function mergeOnce<T extends Versioned>(held: readonly T[], incoming: readonly T[]): PoolMerge<T> {
  const current = new Map(held.map((doc) => [doc.id, doc]));
  const before = new Map(current);
  for (const doc of incoming) {
    const here = current.get(doc.id);
    if (!here || isNewer(doc, here)) current.set(doc.id, doc);
  }
  const added: T[] = [];
  const updated: T[] = [];
  for (const [id, doc] of current) {
    const was = before.get(id);
    if (!was) added.push(doc);
    else if (was !== doc) updated.push(doc);
  }
  return { added, updated, unchanged: incoming.length - added.length - updated.length };
}

function isNewer(doc: Versioned, than: Versioned): boolean {
  if (doc.rev === than.rev) return false;
  if (doc.updatedAt !== than.updatedAt) return doc.updatedAt > than.updatedAt;
  return doc.rev > than.rev;
}

/** How a merge went, in numbers, for the person who asked for it. */
export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export function mergeCounts(merge: PoolMerge<unknown>): MergeCounts {
  return { added: merge.added.length, updated: merge.updated.length, unchanged: merge.unchanged };
}
