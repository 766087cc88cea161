import { useMemo, useState } from 'react';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import {
  activeFilterCount,
  emptyFilters,
  facetCounts,
  FACETS,
  resourceFiltersFromParams,
  resourceFiltersToParams,
  matchesFilters,
  toggleFilter,
  type FacetKey,
} from '../../model/facets.ts';
import { RESOURCE_TYPE_IDS } from '../../model/vocabulary.ts';
import { useImmediateSearchParams } from '../../ui/useImmediateSearchParams.ts';
import { FacetPanel, facetValueLabel } from './FacetPanel.tsx';
import { watchResources } from '../../db/library-queries.ts';
import { ResourceCard } from './ResourceCard.tsx';
import './library.css';

/** Browse the library: combinable filters, reflected in the URL, with counts. */
export default function ResourceListPage() {
  const { db } = useDatabase();
  const [params, setParams] = useImmediateSearchParams();
  const filters = useMemo(() => resourceFiltersFromParams(params), [params]);
  const resources = useObservable(() => watchResources(db), [db]);
  const shown = useMemo(
    () =>
      (resources ?? [])
        .filter((r) => matchesFilters(r, filters))
        .sort((a, b) => RESOURCE_TYPE_IDS.indexOf(a.type) - RESOURCE_TYPE_IDS.indexOf(b.type)),
    [resources, filters],
  );
  const counts = useMemo(() => facetCounts(resources ?? [], filters), [resources, filters]);
  const active = activeFilterCount(filters);
  const toggle = (key: FacetKey, value: string) =>
    setParams(resourceFiltersToParams(toggleFilter(filters, key, value)));
  // Open when the page opens with filters; then as the person leaves it (unchecking the
  // last filter does not close the panel under the finger).
  const [open, setOpen] = useState(active > 0);

  return (
    <>
      <h1>Ressources</h1>
      <details className="filters" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>Filtrer{active > 0 && ` (${active} actif${active > 1 ? 's' : ''})`}</summary>
        <FacetPanel filters={filters} counts={counts} onToggle={toggle} />
      </details>
      {active > 0 && (
        <ul className="chips" aria-label="Filtres actifs">
          {FACETS.flatMap((facet) =>
            filters[facet.key].map((value) => (
              <li key={`${facet.key}-${value}`}>
                <button type="button" className="chip" onClick={() => toggle(facet.key, value)}>
                  {facetValueLabel(facet.key, value)} <span aria-hidden="true">×</span>
                  <span className="visually-hidden"> (retirer ce filtre)</span>
                </button>
              </li>
            )),
          )}
          <li>
            <button
              type="button"
              className="chip clear"
              onClick={() => setParams(resourceFiltersToParams(emptyFilters()))}
            >
              Effacer les filtres
            </button>
          </li>
        </ul>
      )}
      {resources && (
        <p className="muted" role="status">
          {shown.length} ressource{shown.length > 1 ? 's' : ''}
        </p>
      )}
      <ul className="list">
        {shown.map((r) => (
          <ResourceCard key={r.id} resource={r} level={2} />
        ))}
      </ul>
    </>
  );
}
