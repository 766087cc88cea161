import { useDeferredValue, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SearchView } from './SearchView.tsx';
import { useSearch } from './useSearch.ts';
import './search.css';

const LIMIT = 50;

/** `/recherche?q=…`: offline search over the whole library. */
export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const urlQuery = params.get('q') ?? '';
  // The box keeps its own state: the router renders URL changes in a
  // transition, a keystroke or two behind. What the box writes to the URL
  // comes back as echoes to ignore; any other change of `q` (a link, a
  // search form elsewhere) replaces what is in the box.
  const [query, setQuery] = useState(urlQuery);
  const [echoes, setEchoes] = useState<string[]>([]);
  const [seen, setSeen] = useState(urlQuery);
  if (urlQuery !== seen) {
    setSeen(urlQuery);
    const echo = echoes.indexOf(urlQuery);
    if (echo >= 0) {
      setEchoes(echoes.slice(echo + 1));
    } else {
      setEchoes([]);
      setQuery(urlQuery);
    }
  }
  const onQueryChange = (next: string) => {
    setQuery(next);
    setEchoes((pending) => [...pending, next]);
    setParams(
      (previous) => {
        const updated = new URLSearchParams(previous);
        if (next) updated.set('q', next);
        else updated.delete('q');
        return updated;
      },
      { replace: true },
    );
  };

  const { search, ready, failed, documents } = useSearch();
  const deferredQuery = useDeferredValue(query);
  const outcome = useMemo(
    () => (ready ? search(deferredQuery, { limit: LIMIT }) : undefined),
    [search, ready, deferredQuery],
  );
  return (
    <SearchView
      query={query}
      onQueryChange={onQueryChange}
      outcome={outcome}
      ready={ready}
      failed={failed}
      documents={documents}
    />
  );
}
