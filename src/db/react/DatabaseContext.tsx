import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { combineLatest, map, shareReplay, startWith, type Observable } from 'rxjs';
import { openDatabase, type AppDatabase } from '../database.ts';
import { HOME_COLLECTIONS, replicateLibrary, replicationActivity } from '../replication/library.ts';
import type { SyncEngine, SyncHooks } from '../sync/engine.ts';
import { LIBRARY_COLLECTIONS } from '../../model/collections.ts';

export type LibraryStatus = { documents: number; syncing: boolean; error: boolean };

interface DatabaseState {
  db: AppDatabase;
  libraryStatus$: Observable<LibraryStatus>;
  /** The user's data sync; its code loads after the first screen. */
  sync: Promise<SyncEngine>;
}

const DatabaseContext = createContext<DatabaseState | undefined>(undefined);

let opening: Promise<DatabaseState> | undefined;

function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 3000 });
    else setTimeout(resolve, 1000);
  });
}

/** A text opened from a link comes first; anywhere else, what the home shows. */
function firstCollections(path: string): string[] {
  if (path.startsWith('/ressources/')) return ['resources'];
  if (path.startsWith('/glossaire')) return ['glossary'];
  if (path.startsWith('/webinaires')) return ['webinars'];
  return HOME_COLLECTIONS;
}

/**
 * One database and one library replication per page, opened once. The
 * replication starts with the page (not lazily): on a first visit the
 * library download is on the critical path to the first content.
 */
function openOnce(hooks: SyncHooks): Promise<DatabaseState> {
  opening ??= (async () => {
    const db = await openDatabase();
    const activity$ = replicationActivity(
      replicateLibrary(db, { first: firstCollections(window.location.pathname) }),
    ).pipe(startWith({ syncing: true, error: false }), shareReplay(1));
    const documents$ = combineLatest(LIBRARY_COLLECTIONS.map((c) => db.collections[c.name].count().$)).pipe(
      map((counts) => counts.reduce((a, b) => a + b, 0)),
    );
    const libraryStatus$ = combineLatest([documents$, activity$]).pipe(
      map(([documents, activity]) => ({ documents, ...activity })),
    );
    // Not needed to show the first screen: started when the page is idle.
    const sync = whenIdle().then(() =>
      import('../sync/engine.ts').then(
        ({ SyncEngine, browserEnvironment }) => new SyncEngine(db, browserEnvironment(), hooks),
      ),
    );
    return { db, libraryStatus$, sync };
  })();
  return opening;
}

type Opening = { state?: DatabaseState; failure?: string };

const OpeningContext = createContext<Opening>({});

/**
 * Opens the database once; the shell renders meanwhile, the screens wait in a
 * DatabaseGate. `syncHooks`: what the features add to the sync (read once).
 */
export function DatabaseProvider({ children, syncHooks = {} }: { children: ReactNode; syncHooks?: SyncHooks }) {
  const [opening, setOpening] = useState<Opening>({});
  useEffect(() => {
    openOnce(syncHooks).then(
      (state) => setOpening({ state }),
      (error: unknown) => setOpening({ failure: String(error) }),
    );
    // The hooks are the app's constants: the database opens once per page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <OpeningContext.Provider value={opening}>
      <DatabaseContext.Provider value={opening.state}>{children}</DatabaseContext.Provider>
    </OpeningContext.Provider>
  );
}

/** Renders its children once the database is open; says so when it cannot be. */
export function DatabaseGate({ children, fallback }: { children: ReactNode; fallback?: ReactNode }) {
  const { state, failure } = useContext(OpeningContext);
  if (failure) {
    return (
      <div role="alert">
        <h1>Stockage indisponible</h1>
        <p>
          L'application n'a pas pu ouvrir sa base de données sur cet appareil. En navigation privée, ou si le stockage
          est plein, le navigateur peut la refuser. Fermez les autres onglets de l'application puis rechargez la page.
        </p>
        <p className="muted">Détail technique : {failure}</p>
      </div>
    );
  }
  return state ? children : fallback;
}

export function useDatabase(): DatabaseState {
  const state = useContext(DatabaseContext);
  if (!state) throw new Error('useDatabase outside an open DatabaseGate');
  return state;
}
