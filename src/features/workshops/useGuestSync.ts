import { useEffect } from 'react';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { replicateGuestWorkshop } from '../../db/replication/workshop-guest.ts';
import type { GuestRecord } from '../../db/workshop-guests.ts';

/** While the page is open, a guest's workshop syncs (it waits for a network, then confirms the join). */
export function useGuestSync(guest: GuestRecord | null | undefined, code: string): void {
  const { db } = useDatabase();
  const workshopId = guest?.workshopId;
  const token = guest?.token;
  useEffect(() => {
    if (!guest || !token) return;
    const replications = replicateGuestWorkshop(db, guest, code);
    const retry = () => replications.forEach((r) => r.reSync());
    window.addEventListener('online', retry);
    return () => {
      window.removeEventListener('online', retry);
      void Promise.all(replications.map((r) => r.cancel()));
    };
    // One replication per workshop and guest identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, workshopId, token, code]);
}
