import type { RxConflictHandler } from 'rxdb/plugins/core';
import { deepEqual, mergeDocuments, type MergeableDocument } from '../model/merge.ts';
import { newRev } from './ids.ts';

/** A stored document without RxDB's own fields: what is replicated (`_deleted` included). */
export const replicatedState = ({ _meta, _rev, _attachments, ...doc }: Record<string, unknown>) => {
  void _meta;
  void _rev;
  void _attachments;
  return doc;
};

/**
 * The conflict handler of every user collection: whole documents compared
 * (RxDB also uses isEqual to decide whether to push at all), and the no-loss
 * merge of src/model/merge.ts, whose result is a new write with a new rev.
 */
export const mergeConflictHandler: RxConflictHandler<MergeableDocument> = {
  isEqual(a, b) {
    return deepEqual(replicatedState(a as Record<string, unknown>), replicatedState(b as Record<string, unknown>));
  },
  async resolve(input) {
    const merged = mergeDocuments({
      assumedMasterState: input.assumedMasterState as MergeableDocument | undefined,
      realMasterState: input.realMasterState as MergeableDocument,
      newDocumentState: input.newDocumentState as MergeableDocument,
    });
    return { ...merged, rev: newRev(), _deleted: Boolean(merged._deleted) };
  },
};
