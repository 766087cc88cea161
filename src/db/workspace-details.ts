import { combineLatest, map, type Observable } from 'rxjs';
import type { AppDatabase } from './database.ts';
import type { Member, Workspace } from './remote/account-api.ts';
import { WORKSPACES_KEY } from './pending-joins.ts';
import type { WorkspaceSummary } from '../model/accounts.ts';

/**
 * What this device last saw of each of the user's groups (its name, one's
 * role, its members), so that a group's page shows it offline. The
 * invitation code is not kept: it is the owner's to show, with a network.
 * Forgotten with the session (db/session.ts).
 */
export const WORKSPACE_DETAILS_KEY = 'workspace-details';

export interface KnownWorkspace extends WorkspaceSummary {
  /** Absent when the device only knows the group from the list of one's groups. */
  members?: Member[];
  /** When the server last showed the group's page on this device. */
  seenAt?: string;
}

type Details = Record<string, Required<KnownWorkspace>>;

export async function rememberWorkspaceDetails(db: AppDatabase, workspace: Workspace, now = new Date()): Promise<void> {
  const doc = await db.getLocal<{ byId: Details }>(WORKSPACE_DETAILS_KEY);
  const byId = { ...((doc?.toJSON().data.byId ?? {}) as Details) };
  const { id, name, role, members } = workspace;
  byId[id] = { id, name, role, members, seenAt: now.toISOString() };
  await db.upsertLocal(WORKSPACE_DETAILS_KEY, { byId });
}

/** The group as this device knows it: its last page seen, else its line in the list of one's groups; null if unknown. */
export function watchKnownWorkspace(db: AppDatabase, id: string): Observable<KnownWorkspace | null> {
  return combineLatest([
    db.getLocal$<{ byId: Details }>(WORKSPACE_DETAILS_KEY),
    db.getLocal$<{ list: WorkspaceSummary[] }>(WORKSPACES_KEY),
  ]).pipe(
    map(([details, summaries]) => {
      const seen = (details?.toJSON().data.byId as Details | undefined)?.[id];
      if (seen) return seen;
      return ((summaries?.toJSON().data.list ?? []) as WorkspaceSummary[]).find((w) => w.id === id) ?? null;
    }),
  );
}
