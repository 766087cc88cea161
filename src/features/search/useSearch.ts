import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Observable } from 'rxjs';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import type { AppDatabase } from '../../db/database.ts';
import type { SearchOptions, SearchResults } from '../../model/search/index.ts';
import { LiveSearchIndex, SEARCH_SOURCES, type LiveSearchState, type StoredDocument } from './liveIndex.ts';

/** One index per database, kept for the page's life: coming back to search costs nothing. */
const indexes = new WeakMap<AppDatabase, LiveSearchIndex>();

export function liveSearchIndex(db: AppDatabase): LiveSearchIndex {
  let live = indexes.get(db);
  if (!live) {
    const collections = db.collections as unknown as Record<
      string,
      { find(): { $: Observable<readonly StoredDocument[]> } } | undefined
    >;
    live = new LiveSearchIndex(
      SEARCH_SOURCES.flatMap((source) => {
        const collection = collections[source.collection];
        return collection ? [{ source, documents$: collection.find().$ }] : [];
      }),
    );
    indexes.set(db, live);
  }
  return live;
}

export interface SearchState extends LiveSearchState {
  /** Searches the whole local copy; a new function whenever the content changed. */
  search(query: string, options?: SearchOptions): SearchResults;
}

/** Offline search over everything on the device, current as content replicates. */
export function useSearch(): SearchState {
  const { db } = useDatabase();
  const live = useMemo(() => liveSearchIndex(db), [db]);
  useEffect(() => live.start(), [live]);
  const state = useSyncExternalStore(live.subscribe, live.getSnapshot);
  return useMemo(() => ({ ...state, search: (query, options) => live.index.search(query, options) }), [live, state]);
}
