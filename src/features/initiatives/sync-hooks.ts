import type { SyncHooks } from '../../db/sync/engine.ts';
import { deleteAllDrafts } from './commands.ts';
import { followSession } from './uploads.ts';

/** The initiatives' part of the sync: photos are sent while signed in; drafts go with a wipe. */
export const initiativesSyncHooks: Required<SyncHooks> = {
  onSession: followSession,
  onWipe: deleteAllDrafts,
};
