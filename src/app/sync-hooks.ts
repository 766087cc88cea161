import type { SyncHooks } from '../db/sync/engine.ts';

/** Loaded with the sync, not with the first screen. */
const initiatives = () => import('../features/initiatives/sync-hooks.ts').then((m) => m.initiativesSyncHooks);

/** What the features add to the sync engine, which imports none of them. */
export const syncHooks: SyncHooks = {
  onSession: (db, session) => void initiatives().then((hooks) => hooks.onSession(db, session)),
  onWipe: (db) => initiatives().then((hooks) => hooks.onWipe(db)),
};
