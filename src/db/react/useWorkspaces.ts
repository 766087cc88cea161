import { useEffect, useState } from 'react';
import { map } from 'rxjs';
import { useDatabase } from './DatabaseContext.tsx';
import { useObservable } from './hooks.ts';
import type { AppDatabase } from '../database.ts';
import type { Session } from '../session.ts';
import type { WorkspaceSummary } from '../../model/accounts.ts';
import { me } from '../remote/account-api.ts';
import { WORKSPACES_KEY } from '../pending-joins.ts';

const CACHE = WORKSPACES_KEY;
/** One empty list, so that a caller's memo does not change on every render. */
const NONE: WorkspaceSummary[] = [];

/**
 * The user's groups: asked of the server when there is a network, and kept
 * on the device so that the group names are known offline too.
 */
export function useWorkspaces(session: Session | null | undefined): WorkspaceSummary[] {
  const { db } = useDatabase();
  const cached = useObservable(
    () =>
      db
        .getLocal$<{ list: WorkspaceSummary[] }>(CACHE)
        .pipe(map((doc) => (doc?.toJSON().data.list ?? []) as WorkspaceSummary[])),
    [db],
  );
  const [fresh, setFresh] = useState<WorkspaceSummary[]>();
  useEffect(() => {
    if (!session) return;
    let current = true;
    me(session).then(
      (answer) => {
        if (!current) return;
        setFresh(answer.workspaces);
        void db.upsertLocal(CACHE, { list: answer.workspaces });
      },
      () => undefined, // offline: the names kept from last time
    );
    return () => {
      current = false;
    };
  }, [db, session]);
  return session ? (fresh ?? cached ?? NONE) : NONE;
}

/** A group just created on the server: known by name on this device before the next answer of `me`. */
export async function rememberWorkspace(db: AppDatabase, workspace: WorkspaceSummary): Promise<void> {
  const list = ((await db.getLocal<{ list: WorkspaceSummary[] }>(CACHE))?.toJSON().data.list ??
    []) as WorkspaceSummary[];
  if (list.some((w) => w.id === workspace.id)) return;
  await db.upsertLocal(CACHE, { list: [...list, workspace] });
}
