import type { SyncHooks } from '../db/sync/engine.ts';

/** Loaded with the sync, not with the first screen. */
const initiatives = () => import('../features/initiatives/sync-hooks.ts').then((m) => m.initiativesSyncHooks);
const workshops = () => import('../features/workshops/sync-hooks.ts').then((m) => m.workshopsSyncHooks);

/** What the features add to the sync engine, which imports none of them. */
export const syncHooks: SyncHooks = {
  onSession: (db, session) => {
    void initiatives().then((hooks) => hooks.onSession(db, session));
    void workshops().then((hooks) => hooks.onSession(db, session));
  },
  onWipe: async (db) => {
    await (await initiatives()).onWipe(db);
    await (await workshops()).onWipe(db);
  },
};
