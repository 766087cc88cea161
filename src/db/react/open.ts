/**
 * Opening the page's database and its library replication: the code behind
 * DatabaseContext.tsx, loaded by it as a chunk of its own.
 */
import { combineLatest, map, shareReplay, startWith } from 'rxjs';
import { openDatabase } from '../database.ts';
import { HOME_COLLECTIONS, libraryProgress, replicateLibrary, replicationActivity } from '../replication/library.ts';
import type { SyncHooks } from '../sync/engine.ts';
import { LIBRARY_COLLECTIONS } from '../../model/collections.ts';
import { yieldToBrowser } from '../yield-to-browser.ts';
import type { DatabaseState } from './DatabaseContext.tsx';

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
 * One database and one library replication per page. The replication starts
 * with the page (not lazily): on a first visit the library download is on
 * the critical path to the first content.
 */
export async function openDatabaseState(hooks: SyncHooks): Promise<DatabaseState> {
  // This chunk's modules (RxDB, Dexie) have just run: the database is created in a task of its own.
  await yieldToBrowser();
  const db = await openDatabase();
  const replications = replicateLibrary(db, { first: firstCollections(window.location.pathname) });
  const activity$ = replicationActivity(replications).pipe(startWith({ syncing: true, error: false }), shareReplay(1));
  const progress$ = libraryProgress(db, replications).pipe(shareReplay(1));
  const documents$ = combineLatest(LIBRARY_COLLECTIONS.map((c) => db.collections[c.name].count().$)).pipe(
    map((counts) => counts.reduce((a, b) => a + b, 0)),
  );
  const libraryStatus$ = combineLatest([documents$, activity$, progress$]).pipe(
    map(([documents, activity, progress]) => ({ documents, ...activity, ...progress })),
    shareReplay(1),
  );
  // Not needed to show the first screen: started when the page is idle.
  const sync = whenIdle().then(() =>
    import('../sync/engine.ts').then(
      ({ SyncEngine, browserEnvironment }) => new SyncEngine(db, browserEnvironment(), hooks),
    ),
  );
  return { db, libraryStatus$, sync };
}
