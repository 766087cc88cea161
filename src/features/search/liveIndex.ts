import type { Observable, Subscription } from 'rxjs';
import { LIBRARY_SEARCH_SOURCES, sourceOf, type SearchDocument } from '../../model/search/documents.ts';
import { SearchIndex } from '../../model/search/index.ts';
import { annotationDocuments, initiativeDocuments } from '../../model/search/personal-documents.ts';

/** What the index needs of a stored document; an RxDB document has all of it. */
export interface StoredDocument {
  primary: string;
  /** Changes whenever the document does (RxDB's `_rev`). */
  revision: string;
  toJSON(): unknown;
}

/** A collection whose documents are searchable, and how each one becomes search documents. */
export interface SearchSource {
  collection: string;
  toDocuments(doc: never): SearchDocument[];
}

/** The library's collections, then the user's: each searchable collection is one line. */
export const SEARCH_SOURCES: readonly SearchSource[] = [
  ...Object.entries(LIBRARY_SEARCH_SOURCES).map(([collection, toDocuments]) => ({ collection, toDocuments })),
  { collection: 'annotations', toDocuments: annotationDocuments },
  { collection: 'initiatives', toDocuments: initiativeDocuments },
];

export interface LiveSearchState {
  /** Bumped on every change of the index: results computed before are stale. */
  version: number;
  /** Every collection has been read once. */
  ready: boolean;
  /** Documents in the index. */
  documents: number;
  /** A collection could not be read (the database was closed or lost). */
  failed: boolean;
}

export interface SearchFeed {
  source: SearchSource;
  documents$: Observable<readonly StoredDocument[]>;
}

/** Longest stretch of indexing before giving the page back (a frame at 60 Hz is 16 ms). */
const SLICE_MS = 8;

/**
 * A search index kept current with live queries of the local database: each
 * emission is compared with the last by revision, and only the documents
 * that changed, appeared or went away are re-indexed. A big first load
 * (thousands of notes) is indexed in slices so that typing stays fluid.
 */
export class LiveSearchIndex {
  readonly index = new SearchIndex();
  private state: LiveSearchState = { version: 0, ready: false, documents: 0, failed: false };
  /** Per collection: source key → revision indexed. */
  private readonly revisions = new Map<string, Map<string, string>>();
  /** Collections indexed in full at least once. */
  private readonly loaded = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private subscriptions: Subscription[] | undefined;
  /** The latest list of each collection not yet fully indexed. */
  private readonly pending = new Map<SearchSource, readonly StoredDocument[]>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly feeds: readonly SearchFeed[]) {}

  /** Starts following the collections; calling it again does nothing. */
  start(): void {
    this.subscriptions ??= this.feeds.map(({ source, documents$ }) =>
      documents$.subscribe({
        next: (docs) => {
          this.pending.set(source, docs);
          if (this.timer === undefined) this.drain();
        },
        error: (error: unknown) => {
          console.error(`search: cannot read ${source.collection}`, error);
          this.update({ failed: true });
        },
      }),
    );
  }

  stop(): void {
    this.subscriptions?.forEach((s) => s.unsubscribe());
    this.subscriptions = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }

  getSnapshot = (): LiveSearchState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Indexes what is pending until done or out of time; then comes back on a timer. */
  private drain = (): void => {
    this.timer = undefined;
    const deadline = performance.now() + SLICE_MS;
    let changed = false;
    for (const [source, docs] of this.pending) {
      const { done, changed: some } = this.apply(source, docs, deadline);
      changed ||= some;
      if (!done) {
        this.timer = setTimeout(this.drain, 0);
        break;
      }
      this.pending.delete(source);
      this.loaded.add(source.collection);
    }
    // Once ready, always ready: later changes update the results in place.
    const ready = this.state.ready || (this.pending.size === 0 && this.loaded.size === this.feeds.length);
    if (changed || ready !== this.state.ready) this.update({ ready, documents: this.index.size });
  };

  /**
   * Brings one collection's documents in line with `docs`, until `deadline`.
   * Documents already indexed at their revision are skipped, so starting
   * over with a newer list costs little.
   */
  private apply(source: SearchSource, docs: readonly StoredDocument[], deadline: number) {
    let known = this.revisions.get(source.collection);
    if (!known) this.revisions.set(source.collection, (known = new Map()));
    let changed = false;
    const seen = new Set<string>();
    for (const doc of docs) {
      const key = sourceOf(source.collection, doc.primary);
      seen.add(key);
      if (known.get(key) === doc.revision) continue;
      if (changed && performance.now() > deadline) return { done: false, changed };
      known.set(key, doc.revision);
      this.index.replaceSource(key, source.toDocuments(doc.toJSON() as never));
      changed = true;
    }
    for (const key of known.keys()) {
      if (seen.has(key)) continue;
      known.delete(key);
      this.index.removeSource(key);
      changed = true;
    }
    return { done: true, changed };
  }

  private update(patch: Partial<LiveSearchState>): void {
    this.state = { ...this.state, ...patch, version: this.state.version + 1 };
    this.listeners.forEach((listener) => listener());
  }
}
