import { useCallback, useMemo, useState } from 'react';
import { from, switchMap } from 'rxjs';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import { watchSession } from '../../db/session.ts';
import { currentOwnerId } from '../../db/outbox.ts';
import type { Annotation } from '../../model/annotations.ts';
import type { WorkspaceSummary } from '../../model/accounts.ts';
import { watchResourceNotes } from './commands.ts';
import { useWorkspaces } from '../../db/react/useWorkspaces.ts';

export interface KitAnnotations {
  /** What the reader shows: the user's own, plus the groups' unless turned off. */
  visible: Annotation[] | undefined;
  isMine: (annotation: Annotation) => boolean;
  /** Annotations by other members of the user's groups exist on this text. */
  othersCount: number;
  showGroups: boolean;
  setShowGroups: (show: boolean) => void;
  /** The user's groups, asked once for the whole reader (the selection bar and the notes form offer them). */
  workspaces: WorkspaceSummary[];
}

/** Who the user is on this device (an account, or the device before sign-up). */
export function useOwnerId(): string | undefined {
  const { db } = useDatabase();
  return useObservable(() => watchSession(db).pipe(switchMap(() => from(currentOwnerId(db)))), [db]);
}

export function useKitAnnotations(resourceId: string): KitAnnotations {
  const { db } = useDatabase();
  const all = useObservable(() => watchResourceNotes(db, resourceId), [db, resourceId]);
  const ownerId = useOwnerId();
  const session = useObservable(() => watchSession(db), [db]);
  const workspaces = useWorkspaces(session);
  const [showGroups, setShowGroupsState] = useState(readShowGroups);
  const setShowGroups = useCallback((show: boolean) => {
    writeShowGroups(show);
    setShowGroupsState(show);
  }, []);
  return useMemo(() => {
    const isMine = (a: Annotation) => a.ownerId === ownerId;
    const others = all?.filter((a) => !isMine(a)) ?? [];
    const visible = all && ownerId !== undefined ? all.filter((a) => showGroups || isMine(a)) : undefined;
    return { visible, isMine, othersCount: others.length, showGroups, setShowGroups, workspaces };
  }, [all, ownerId, showGroups, setShowGroups, workspaces]);
}

/** Whether the reader shows the groups' annotations: yes unless the person turned it off (kept on the device). */
const SHOW_GROUPS_KEY = 'kit-show-group-notes';

function readShowGroups(): boolean {
  try {
    return localStorage.getItem(SHOW_GROUPS_KEY) !== 'non';
  } catch {
    return true;
  }
}

function writeShowGroups(show: boolean): void {
  try {
    localStorage.setItem(SHOW_GROUPS_KEY, show ? 'oui' : 'non');
  } catch {
    // not remembered: shown again on the next load
  }
}
