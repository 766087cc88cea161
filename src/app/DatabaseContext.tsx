import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { combineLatest, defer, map, shareReplay, startWith, switchMap, type Observable } from 'rxjs';
import { openDatabase, type AppDatabase } from '../db/database.ts';

export type LibraryStatus = { documents: number; syncing: boolean; error: boolean };

interface DatabaseState {
  db: AppDatabase;
  libraryStatus$: Observable<LibraryStatus>;
}

const DatabaseContext = createContext<DatabaseState | undefined>(undefined);

let opening: Promise<DatabaseState> | undefined;

/**
 * One database and one library replication per page, opened once. Screens
 * read the local copy at once; the replication code loads after it, so it
 * does not weigh on the first screen.
 */
function openOnce(): Promise<DatabaseState> {
  opening ??= (async () => {
    const db = await openDatabase();
    const activity$ = defer(() => import('../db/replication/library.ts')).pipe(
      switchMap(({ replicateLibrary, replicationActivity }) => replicationActivity(replicateLibrary(db))),
      startWith({ syncing: true, error: false }),
      shareReplay(1),
    );
    activity$.subscribe(); // start replicating now, for the page's whole life
    const documents$ = combineLatest(Object.values(db.collections).map((c) => c.count().$)).pipe(
      map((counts) => counts.reduce((a, b) => a + b, 0)),
    );
    const libraryStatus$ = combineLatest([documents$, activity$]).pipe(
      map(([documents, activity]) => ({ documents, ...activity })),
    );
    return { db, libraryStatus$ };
  })();
  return opening;
}

export function DatabaseProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<DatabaseState>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    openOnce().then(setState, (error: unknown) => setFailure(String(error)));
  }, []);
  if (failure) {
    return (
      <main className="page" role="alert">
        <h1>Stockage indisponible</h1>
        <p>
          L'application n'a pas pu ouvrir sa base de données sur cet appareil. En navigation privée, ou si le stockage
          est plein, le navigateur peut la refuser. Fermez les autres onglets de l'application puis rechargez la page.
        </p>
        <p className="muted">Détail technique : {failure}</p>
      </main>
    );
  }
  if (!state) return <p className="page muted">Ouverture de la bibliothèque…</p>;
  return <DatabaseContext.Provider value={state}>{children}</DatabaseContext.Provider>;
}

export function useDatabase(): DatabaseState {
  const state = useContext(DatabaseContext);
  if (!state) throw new Error('useDatabase outside DatabaseProvider');
  return state;
}
