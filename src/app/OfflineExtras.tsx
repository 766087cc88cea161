import { useEffect } from 'react';
import { filter, first } from 'rxjs';
import { useDatabase } from '../db/react/DatabaseContext.tsx';

/** Once the library is on the device, caches the offline extras (offline-extras.ts) in the background. */
export function OfflineExtras() {
  const { libraryStatus$ } = useDatabase();
  useEffect(() => {
    const subscription = libraryStatus$
      .pipe(
        filter((status) => status.documents > 0 && !status.syncing),
        first(),
      )
      .subscribe(() => {
        // Without network now, the next visit tries again.
        import('./offline-extras.ts').then(({ cacheOfflineExtras }) => cacheOfflineExtras()).catch(() => undefined);
      });
    return () => subscription.unsubscribe();
  }, [libraryStatus$]);
  return null;
}
