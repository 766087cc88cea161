import { createContext, startTransition, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Observable } from 'rxjs';
import type { AppDatabase } from '../database.ts';
import type { LibraryProgress } from '../replication/library.ts';
import type { SyncEngine, SyncHooks } from '../sync/engine.ts';

export type LibraryStatus = { documents: number; syncing: boolean; error: boolean } & LibraryProgress;

export interface DatabaseState {
  db: AppDatabase;
  libraryStatus$: Observable<LibraryStatus>;
  /** The user's data sync; its code loads after the first screen. */
  sync: Promise<SyncEngine>;
}

const DatabaseContext = createContext<DatabaseState | undefined>(undefined);

let opening: Promise<DatabaseState> | undefined;
let code: Promise<typeof import('./open.ts')> | undefined;

/** Starts loading the database's code (without opening it): the app asks for it with the page. */
export function loadDatabaseCode(): Promise<typeof import('./open.ts')> {
  code ??= import('./open.ts');
  return code;
}

/**
 * The database's code (RxDB, Dexie, the replication) is a chunk of its own,
 * loaded beside the first screen rather than in it: every screen's shell and
 * heading paint while it arrives (see open.ts).
 */
function openOnce(hooks: SyncHooks): Promise<DatabaseState> {
  opening ??= loadDatabaseCode().then(({ openDatabaseState }) => openDatabaseState(hooks));
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
    // The screens' first render with their data is a transition: React renders it in slices,
    // leaving the main thread to the browser in between (input, painting), instead of one long task.
    openOnce(syncHooks).then(
      (state) => startTransition(() => setOpening({ state })),
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
