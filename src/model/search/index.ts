import MiniSearch, { type SearchOptions as MiniSearchOptions } from 'minisearch';
import type { SearchDocument, SearchKind } from './documents.ts';
import { analyzeFrench, analyzeQuery, STOP_WORDS } from './french.ts';
import { highlightTerms, makeSnippet, type Range, type Snippet } from './highlight.ts';

export type { SearchDocument, SearchKind } from './documents.ts';
export type { Range, Snippet } from './highlight.ts';

export interface SearchOptions {
  /** How many results to return, best first (default 20). `total` counts them all. */
  limit?: number;
  /** Only these kinds. */
  kinds?: readonly SearchKind[];
  /** Snippet length in characters (default 160). */
  snippetLength?: number;
}

export interface SearchResult {
  kind: SearchKind;
  id: string;
  source: string;
  url: string;
  title: string;
  context?: string;
  score: number;
  /** Offsets into `title` of the words that matched. */
  titleHighlights: Range[];
  /** The best matching passage of the text. */
  snippet: Snippet;
}

export interface SearchResults {
  query: string;
  /** Every matching document, though only `limit` are in `results`. */
  total: number;
  results: SearchResult[];
}

/** A title match weighs three body matches; a glossary alias, two. */
const BOOST = { title: 3, keywords: 2, text: 1 };

/**
 * Typos allowed in a (stemmed) query term: none up to 5 letters, where one
 * edit already reaches too many other words (« chart » → « charg »), then
 * one, then two from 8.
 */
export function fuzziness(term: string): number {
  if (term.length <= 5 || STOP_WORDS.has(term)) return 0;
  return term.length <= 7 ? 1 : 2;
}

interface IndexedFields {
  key: string;
  title: string;
  keywords: string;
  text: string;
}

const keyOf = (kind: string, id: string) => `${kind}:${id}`;

/**
 * The search index of everything on the device. Documents come and go one
 * by one (or one source at a time) as content replicates; searching is
 * synchronous and fast enough to run on every keystroke.
 */
export class SearchIndex {
  private readonly mini = new MiniSearch<IndexedFields>({
    idField: 'key',
    fields: ['title', 'keywords', 'text'],
    tokenize: analyzeFrench,
    processTerm: (term) => term,
  });
  private readonly documents = new Map<string, SearchDocument>();
  private readonly sources = new Map<string, Set<string>>();

  constructor(documents: Iterable<SearchDocument> = []) {
    for (const doc of documents) this.add(doc);
  }

  /** How many documents are indexed. */
  get size(): number {
    return this.documents.size;
  }

  get(kind: SearchKind, id: string): SearchDocument | undefined {
    return this.documents.get(keyOf(kind, id));
  }

  /** Adds a document, or replaces the one of the same kind and id. */
  add(doc: SearchDocument): void {
    const key = keyOf(doc.kind, doc.id);
    const previous = this.documents.get(key);
    if (previous && sameContent(previous, doc)) {
      this.documents.set(key, doc);
      this.track(previous.source, doc.source, key);
      return;
    }
    const fields: IndexedFields = { key, title: doc.title, keywords: doc.keywords?.join('\n') ?? '', text: doc.text };
    if (previous) this.mini.replace(fields);
    else this.mini.add(fields);
    this.documents.set(key, doc);
    this.track(previous?.source, doc.source, key);
  }

  /** Removes a document; nothing happens if it is not there. */
  remove(kind: SearchKind, id: string): void {
    const key = keyOf(kind, id);
    const doc = this.documents.get(key);
    if (!doc) return;
    this.mini.discard(key);
    this.documents.delete(key);
    this.track(doc.source, undefined, key);
  }

  /**
   * Makes `documents` the whole output of one source: adds and replaces
   * them, and removes what that source gave before and gives no more (a
   * kit section whose heading was deleted).
   */
  replaceSource(source: string, documents: readonly SearchDocument[]): void {
    const before = new Set(this.sources.get(source));
    for (const doc of documents) {
      if (doc.source !== source) throw new Error(`document ${doc.kind}:${doc.id} is not from ${source}`);
      this.add(doc);
      before.delete(keyOf(doc.kind, doc.id));
    }
    for (const key of before) {
      const doc = this.documents.get(key)!;
      this.remove(doc.kind, doc.id);
    }
  }

  /** Removes everything a source gave (its stored document was deleted). */
  removeSource(source: string): void {
    this.replaceSource(source, []);
  }

  /**
   * Searches as the user types: the last word is also a prefix (unless the
   * query ends with a space), typos are forgiven on longer words, all words
   * must match (or, when no document has them all, any of them).
   */
  search(query: string, options: SearchOptions = {}): SearchResults {
    const { limit = 20, kinds, snippetLength = 160 } = options;
    const terms = analyzeQuery(query);
    if (terms.length === 0) return { query, total: 0, results: [] };
    const typing = !/\s$/.test(query);
    const searchOptions: MiniSearchOptions = {
      tokenize: () => terms,
      processTerm: (term) => term,
      prefix: (term, i, all) => typing && i === all.length - 1 && term.length >= 2,
      fuzzy: (term) => fuzziness(term),
      boost: BOOST,
      combineWith: 'AND',
      filter: kinds ? (result) => kinds.includes(this.documents.get(result.id as string)!.kind) : undefined,
    };
    let hits = this.mini.search(query, searchOptions);
    if (hits.length === 0 && terms.length > 1) hits = this.mini.search(query, { ...searchOptions, combineWith: 'OR' });
    const results = hits.slice(0, limit).map((hit): SearchResult => {
      const doc = this.documents.get(hit.id as string)!;
      const matched = new Set(hit.terms);
      return {
        kind: doc.kind,
        id: doc.id,
        source: doc.source,
        url: doc.url,
        title: doc.title,
        context: doc.context,
        score: hit.score,
        titleHighlights: highlightTerms(doc.title, matched),
        snippet: makeSnippet(doc.text, matched, snippetLength, terms.length),
      };
    });
    return { query, total: hits.length, results };
  }

  private track(from: string | undefined, to: string | undefined, key: string): void {
    if (from === to) return;
    if (from !== undefined) {
      const keys = this.sources.get(from);
      keys?.delete(key);
      if (keys?.size === 0) this.sources.delete(from);
    }
    if (to !== undefined) {
      let keys = this.sources.get(to);
      if (!keys) this.sources.set(to, (keys = new Set()));
      keys.add(key);
    }
  }
}

function sameContent(a: SearchDocument, b: SearchDocument): boolean {
  return a.title === b.title && a.text === b.text && (a.keywords ?? []).join('\n') === (b.keywords ?? []).join('\n');
}
