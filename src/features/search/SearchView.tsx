import { useRef, type FormEvent } from 'react';
import { Link } from 'react-router';
import { splitHighlights, type Range } from '../../model/search/highlight.ts';
import type { SearchKind, SearchResult, SearchResults } from '../../model/search/index.ts';
import { SCREEN_TEXTS } from '../../model/screen-texts.ts';

/** French names of the kinds of results. */
export const SEARCH_KIND_LABELS: Record<string, string> = {
  'kit-section': 'Kit — section',
  resource: 'Ressource',
  glossary: 'Glossaire',
  webinar: 'Webinaire',
  need: 'Besoin',
  annotation: 'Annotation',
  initiative: 'Initiative',
};

const kindLabel = (kind: SearchKind) => SEARCH_KIND_LABELS[kind] ?? 'Document';

export interface SearchViewProps {
  /** What is in the box. */
  query: string;
  onQueryChange(query: string): void;
  /** Results for the query (possibly a keystroke behind), or undefined before the index is ready. */
  outcome: SearchResults | undefined;
  ready: boolean;
  failed?: boolean;
  /** Documents on the device. */
  documents: number;
}

/** The search form and its results, without data access. */
export function SearchView({ query, onQueryChange, outcome, ready, failed = false, documents }: SearchViewProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Enter goes to the first result; Tab walks through the others.
    listRef.current?.querySelector('a')?.focus();
  };
  return (
    <>
      <h1>Recherche</h1>
      <p id="search-lead" className="lead">
        {SCREEN_TEXTS['/recherche'].lead}
      </p>
      <form role="search" className="search-form" onSubmit={onSubmit}>
        <label htmlFor="search-query">Rechercher dans la bibliothèque</label>
        <input
          id="search-query"
          className="search-input"
          type="search"
          value={query}
          onChange={(event) => onQueryChange(event.target.value)}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          enterKeyHint="search"
          aria-describedby="search-lead search-status"
          autoFocus={query === ''}
        />
      </form>
      <div id="search-status" className="search-status" role="status">
        {statusMessage({ query, outcome, ready, failed, documents })}
      </div>
      {outcome && outcome.results.length > 0 && (
        <ol className="search-results" ref={listRef} aria-label="Résultats">
          {outcome.results.map((result) => (
            <SearchResultItem key={`${result.kind}:${result.id}`} result={result} />
          ))}
        </ol>
      )}
    </>
  );
}

function statusMessage({ query, outcome, ready, failed, documents }: Omit<SearchViewProps, 'onQueryChange'>): string {
  if (failed) return 'La recherche n’a pas pu lire la bibliothèque sur cet appareil. Rechargez la page.';
  if (query.trim() === '') return '';
  if (!ready || !outcome) return 'Préparation de la recherche…';
  if (documents === 0) {
    return 'La bibliothèque n’est pas encore sur cet appareil : la recherche portera sur elle dès qu’elle sera téléchargée.';
  }
  const { total, results } = outcome;
  if (total === 0) {
    return `Aucun résultat pour « ${outcome.query.trim()} ». Vérifiez l’orthographe ou essayez un mot plus court.`;
  }
  if (total === 1) return '1 résultat';
  if (results.length < total) return `${total} résultats, les ${results.length} plus pertinents affichés`;
  return `${total} résultats`;
}

function SearchResultItem({ result }: { result: SearchResult }) {
  const { snippet } = result;
  return (
    <li className="search-result">
      <p className="search-result-kind">
        {kindLabel(result.kind)}
        {result.context && <span className="search-result-context"> · {result.context}</span>}
      </p>
      <h2 className="search-result-title">
        <Link to={result.url} className="search-result-link">
          <Highlighted text={result.title} ranges={result.titleHighlights} />
        </Link>
      </h2>
      {snippet.text && (
        <p className="search-result-snippet">
          {snippet.truncatedStart && '… '}
          <Highlighted text={snippet.text} ranges={snippet.highlights} />
          {snippet.truncatedEnd && ' …'}
        </p>
      )}
    </li>
  );
}

/**
 * Text with its matched words in `<mark>`, as React text nodes (never as
 * HTML). Line breaks between the blocks of a passage show as « · ».
 */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly Range[] }) {
  return (
    <>
      {splitHighlights(text, ranges).map((run, i) => {
        const shown = run.text.replace(/\s*\n\s*/g, ' · ');
        return run.highlighted ? <mark key={i}>{shown}</mark> : <span key={i}>{shown}</span>;
      })}
    </>
  );
}
