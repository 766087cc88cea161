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

type Opening = { state?: DatabaseState; failure?: string; late?: boolean };

/**
 * How long the database may take to open before the screen says so. A first
 * visit on a slow phone opens it in a few seconds; past this, something
 * holds it (another tab of the app, a browser fault) and a waiting screen
 * would wait forever.
 */
export const OPENING_PATIENCE_MS = 15_000;

const OpeningContext = createContext<Opening>({});

/**
 * Opens the database once; the shell renders meanwhile, the screens wait in a
 * DatabaseGate. `syncHooks`: what the features add to the sync (read once).
 */
export function DatabaseProvider({ children, syncHooks = {} }: { children: ReactNode; syncHooks?: SyncHooks }) {
  const [opening, setOpening] = useState<Opening>({});
  useEffect(() => {
    const late = setTimeout(
      () => setOpening((now) => (now.state || now.failure ? now : { late: true })),
      OPENING_PATIENCE_MS,
    );
    // The screens' first render with their data is a transition: React renders it in slices,
    // leaving the main thread to the browser in between (input, painting), instead of one long task.
    openOnce(syncHooks)
      .then(
        (state) => startTransition(() => setOpening({ state })),
        (error: unknown) => setOpening({ failure: String(error) }),
      )
      .finally(() => clearTimeout(late));
    // The hooks are the app's constants: the database opens once per page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <OpeningContext.Provider value={opening}>
      <DatabaseContext.Provider value={opening.state}>{children}</DatabaseContext.Provider>
    </OpeningContext.Provider>
  );
}

/**
 * Renders its children once the database is open; says so when it cannot be,
 * and, where a screen waits (a `fallback` is given), when it takes too long.
 */
export function DatabaseGate({ children, fallback }: { children: ReactNode; fallback?: ReactNode }) {
  const { state, failure, late } = useContext(OpeningContext);
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
  if (!state && late && fallback !== undefined) {
    return (
      <div role="alert">
        <h1>La base de données ne répond pas</h1>
        <p>
          L'application attend la base de données de cet appareil depuis plus de {OPENING_PATIENCE_MS / 1000} secondes.
          Un autre onglet ou une autre fenêtre de l'application la retient peut-être : fermez-les, puis rechargez la
          page. Vos notes et vos initiatives restent sur l'appareil.
        </p>
        <p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Recharger la page
          </button>
        </p>
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
