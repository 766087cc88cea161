/**
 * The bench's page script: the production search code, built and minified
 * by bench/search.ts, exposed on `window` for Playwright to drive.
 */
import {
  LIBRARY_SEARCH_SOURCES,
  type LibraryDocuments,
  type SearchDocument,
} from '../../src/model/search/documents.ts';
import { SearchIndex } from '../../src/model/search/index.ts';

export type LibrarySnapshot = { [C in keyof LibraryDocuments]: LibraryDocuments[C][] };

export interface SearchBench {
  /** Indexes the library and the extra documents; returns the document count and the time it took. */
  build(library: LibrarySnapshot, extra: SearchDocument[]): { documents: number; ms: number };
  /** Runs every query `rounds` times, as the search page does; returns each run's time in ms. */
  run(queries: string[], rounds: number, limit: number): number[];
}

declare global {
  interface Window {
    searchBench: SearchBench;
  }
}

let index = new SearchIndex();

window.searchBench = {
  build(library, extra) {
    const start = performance.now();
    index = new SearchIndex();
    for (const name of Object.keys(library) as (keyof LibraryDocuments)[]) {
      const toDocuments = LIBRARY_SEARCH_SOURCES[name] as (doc: unknown) => SearchDocument[];
      for (const doc of library[name]) index.replaceSource(`${name}/${doc.id}`, toDocuments(doc));
    }
    for (const doc of extra) index.add(doc);
    return { documents: index.size, ms: performance.now() - start };
  },
  run(queries, rounds, limit) {
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const query of queries) {
        const start = performance.now();
        index.search(query, { limit });
        times.push(performance.now() - start);
      }
    }
    return times;
  },
};
