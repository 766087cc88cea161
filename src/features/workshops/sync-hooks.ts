import type { SyncHooks } from '../../db/sync/engine.ts';
import { followPendingGroups, forgetAllPendingGroups } from './pending-groups.ts';

/** The workshops' part of the sync: groups asked for offline are created once the server answers. */
export const workshopsSyncHooks: Required<SyncHooks> = {
  onSession: followPendingGroups,
  onWipe: forgetAllPendingGroups,
};
