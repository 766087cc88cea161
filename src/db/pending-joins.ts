import { combineLatest, map, type Observable } from 'rxjs';
import type { AppDatabase } from './database.ts';
import { network } from './network.ts';
import { ApiError, joinWorkspace } from './remote/account-api.ts';
import { readSession, watchSession } from './session.ts';
import type { WorkspaceSummary } from '../model/accounts.ts';

/**
 * Joining a group needs the server. Asked for without a network, the join
 * waits on the device (« En attente de connexion ») and is sent by itself
 * when the server can be reached again, from whatever screen is open.
 */
export interface PendingJoin {
  /** The invite code, normalised (ABCD2345). */
  code: string;
  queuedAt: string;
  /** Why the server refused it, once it answered: then it waits for the person, not for the network. */
  problem?: string;
}

const KEY = 'pending-joins';
/** The user's groups, kept on the device for offline use (read by src/db/react/useWorkspaces.ts). */
export const WORKSPACES_KEY = 'workspaces';

export function watchPendingJoins(db: AppDatabase): Observable<PendingJoin[]> {
  return db
    .getLocal$<{ list: PendingJoin[] }>(KEY)
    .pipe(map((doc) => (doc?.toJSON().data.list ?? []) as PendingJoin[]));
}

async function readList(db: AppDatabase): Promise<PendingJoin[]> {
  const doc = await db.getLocal<{ list: PendingJoin[] }>(KEY);
  return (doc?.toJSON().data.list ?? []) as PendingJoin[];
}

async function change(db: AppDatabase, update: (list: PendingJoin[]) => PendingJoin[]): Promise<void> {
  await db.upsertLocal(KEY, { list: update(await readList(db)) });
}

export function queueJoin(db: AppDatabase, code: string): Promise<void> {
  return change(db, (list) =>
    list.some((p) => p.code === code) ? list : [...list, { code, queuedAt: new Date().toISOString() }],
  );
}

export function dismissPendingJoin(db: AppDatabase, code: string): Promise<void> {
  return change(db, (list) => list.filter((p) => p.code !== code));
}

/** Sends the waiting joins one by one; stops at the first want of network. Returns the groups joined. */
export async function sendPendingJoins(db: AppDatabase): Promise<WorkspaceSummary[]> {
  const session = await readSession(db);
  if (!session) return [];
  const joined: WorkspaceSummary[] = [];
  for (const pending of await readList(db)) {
    if (pending.problem) continue;
    try {
      const workspace = await joinWorkspace(session, pending.code);
      joined.push(workspace);
      await dismissPendingJoin(db, pending.code);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code === 'network') break;
      await change(db, (list) => list.map((p) => (p.code === pending.code ? { ...p, problem: error.message } : p)));
    }
  }
  if (joined.length > 0) {
    // The groups' names, kept for offline use (src/db/react/useWorkspaces.ts), know the new ones at once.
    const doc = await db.getLocal<{ list: WorkspaceSummary[] }>(WORKSPACES_KEY);
    const known = (doc?.toJSON().data.list ?? []) as WorkspaceSummary[];
    const fresh = joined.filter((w) => !known.some((k) => k.id === w.id));
    await db.upsertLocal(WORKSPACES_KEY, { list: [...known, ...fresh] });
  }
  return joined;
}

/** Sends the waiting joins whenever the server is within reach and some wait; returns a stop function. */
export function startPendingJoins(db: AppDatabase): () => void {
  let sending = false;
  const reachable$ = network?.reachable$;
  if (!reachable$) return () => {};
  const subscription = combineLatest([reachable$, watchPendingJoins(db), watchSession(db)]).subscribe(
    ([reachable, pending, session]) => {
      if (!reachable || !session || sending || !pending.some((p) => !p.problem)) return;
      sending = true;
      void sendPendingJoins(db)
        .catch(() => [])
        .finally(() => {
          sending = false;
        });
    },
  );
  return () => subscription.unsubscribe();
}
