import { useEffect, useState } from 'react';
import type { Session } from '../../db/session.ts';
import { me, type WorkspaceSummary } from '../account/api.ts';

/** The user's groups, when there is a session and a network; empty otherwise. */
export function useWorkspaces(session: Session | null | undefined): WorkspaceSummary[] {
  const [workspaces, setWorkspaces] = useState<WorkspaceSummary[]>([]);
  useEffect(() => {
    if (!session) return;
    let current = true;
    me(session).then(
      (answer) => current && setWorkspaces(answer.workspaces),
      () => undefined, // offline: notes can still be private, or edited where they are
    );
    return () => {
      current = false;
    };
  }, [session]);
  return session ? workspaces : [];
}
