import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { combineLatest, map, merge, startWith, type Observable } from 'rxjs';
import { openDatabase, type AppDatabase } from '../db/database.ts';
import { replicateLibrary } from '../db/replication/library.ts';

export type LibraryStatus = { documents: number; syncing: boolean; error: boolean };

interface DatabaseState {
  db: AppDatabase;
  libraryStatus$: Observable<LibraryStatus>;
}

const DatabaseContext = createContext<DatabaseState | undefined>(undefined);

let opening: Promise<DatabaseState> | undefined;

/** One database and one library replication per page, opened once. */
function openOnce(): Promise<DatabaseState> {
  opening ??= (async () => {
    const db = await openDatabase();
    const replications = replicateLibrary(db);
    const counts = Object.values(db.collections).map((c) => c.count().$);
    /** True after a failed request, until documents arrive again. */
    const failing$ = merge(
      ...replications.map((r) => r.error$.pipe(map(() => true))),
      ...replications.map((r) => r.received$.pipe(map(() => false))),
    ).pipe(startWith(false));
    const libraryStatus$ = combineLatest([
      combineLatest(counts),
      combineLatest(replications.map((r) => r.active$)),
      failing$,
    ]).pipe(
      map(([numbers, active, error]) => ({
        documents: numbers.reduce((a, b) => a + b, 0),
        syncing: active.some(Boolean),
        error,
      })),
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
