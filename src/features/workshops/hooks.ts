import { useEffect, useState } from 'react';
import { map } from 'rxjs';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import { watchSession } from '../../db/session.ts';
import { useWorkspaces } from '../../db/react/useWorkspaces.ts';
import type { Resource } from '../../model/library.ts';
import type { WorkshopEntry } from '../../model/workshops/contribution.ts';
import type { Workshop } from '../../model/workshops/workshop.ts';
import { participantOf, watchEntries, watchWorkshop, type Participant } from './commands.ts';
import { watchPendingGroups, type PendingGroup } from './pending-groups.ts';

export function useWorkshop(id: string): Workshop | null | undefined {
  const { db } = useDatabase();
  return useObservable(() => watchWorkshop(db, id), [db, id]);
}

const NO_ENTRIES: WorkshopEntry[] = [];
export function useEntries(workshopId: string): WorkshopEntry[] {
  const { db } = useDatabase();
  return useObservable(() => watchEntries(db, workshopId), [db, workshopId]) ?? NO_ENTRIES;
}

export function useParticipant(
  workshop: Pick<Workshop, 'id' | 'workspaceId'> | undefined,
  refresh: unknown,
): Participant | undefined {
  const { db } = useDatabase();
  const [participant, setParticipant] = useState<Participant>();
  const id = workshop?.id;
  const workspaceId = workshop?.workspaceId ?? null;
  useEffect(() => {
    if (!id) return;
    let current = true;
    void participantOf(db, { id, workspaceId }).then((p) => current && setParticipant(p));
    return () => {
      current = false;
    };
  }, [db, id, workspaceId, refresh]);
  return participant;
}

/** The clock, once a second: timers are computed from the workshop's state and this. */
export function useNow(): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date().toISOString()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function useKits(): Resource[] {
  const { db } = useDatabase();
  return (
    useObservable(
      () =>
        db.resources
          .find({ selector: { type: 'kit' } })
          .$.pipe(
            map((docs) => docs.map((d) => d.toJSON() as Resource).sort((a, b) => a.title.localeCompare(b.title))),
          ),
      [db],
    ) ?? []
  );
}

export interface Group {
  id: string;
  name: string;
}

/** The user's groups (names kept on the device for offline use). */
export function useGroups(): Group[] {
  const { db } = useDatabase();
  const session = useObservable(() => watchSession(db), [db]);
  return useWorkspaces(session);
}

/** The group asked for this workshop and not created yet (no network so far), if any; undefined while reading. */
export function usePendingGroup(workshopId: string | undefined): PendingGroup | null | undefined {
  const { db } = useDatabase();
  const groups = useObservable(() => watchPendingGroups(db), [db]);
  if (!groups) return undefined;
  return (workshopId && groups.find((g) => g.workshopIds.includes(workshopId))) || null;
}
