import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import type { AppDatabase } from '../../db/database.ts';
import { watchSession, type Session } from '../../db/session.ts';

/** The device's session: `undefined` while it is read, `null` when signed out. */
export function useSession(): { db: AppDatabase; session: Session | null | undefined } {
  const { db } = useDatabase();
  const session = useObservable(() => watchSession(db), [db]);
  return { db, session };
}
