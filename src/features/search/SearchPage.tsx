import { useDeferredValue, useMemo } from 'react';
import { useImmediateSearchParams } from '../../ui/useImmediateSearchParams.ts';
import { SearchView } from './SearchView.tsx';
import { useSearch } from './useSearch.ts';
import './search.css';

const LIMIT = 50;

/** `/recherche?q=…`: offline search over the whole library. */
export default function SearchPage() {
  const [params, setParams] = useImmediateSearchParams();
  const query = params.get('q') ?? '';
  const onQueryChange = (next: string) =>
    setParams((previous) => {
      const updated = new URLSearchParams(previous);
      if (next) updated.set('q', next);
      else updated.delete('q');
      return updated;
    });

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
