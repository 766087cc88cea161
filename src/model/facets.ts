import type { Resource } from './library.ts';
import { ACTOR_FAMILY_IDS, MATURITY_IDS, NEED_IDS, RESOURCE_TYPE_IDS, STEP_IDS } from './vocabulary.ts';

/**
 * Browsing the library by facets: values within a facet are alternatives
 * (OR), facets combine (AND). Each facet has its URL parameter, so a
 * filtered view can be shared or bookmarked.
 */
export const FACETS = [
  { key: 'need', param: 'besoin', values: NEED_IDS, of: (r: Resource) => r.needs },
  { key: 'step', param: 'etape', values: STEP_IDS, of: (r: Resource) => [r.step] },
  { key: 'actor', param: 'acteur', values: ACTOR_FAMILY_IDS, of: (r: Resource) => r.actors },
  { key: 'maturity', param: 'niveau', values: MATURITY_IDS, of: (r: Resource) => [r.maturity] },
  { key: 'type', param: 'type', values: RESOURCE_TYPE_IDS, of: (r: Resource) => [r.type] },
] as const;

export type FacetKey = (typeof FACETS)[number]['key'];
export type Filters = Record<FacetKey, string[]>;

export function emptyFilters(): Filters {
  return { need: [], step: [], actor: [], maturity: [], type: [] };
}

/** Reads filters from a URL query; unknown values are ignored. */
export function resourceFiltersFromParams(params: URLSearchParams): Filters {
  const filters = emptyFilters();
  for (const facet of FACETS) {
    const known = new Set<string>(facet.values);
    filters[facet.key] = [...new Set(params.getAll(facet.param).filter((v) => known.has(v)))];
  }
  return filters;
}

/** The URL query of a set of filters, in a stable order. */
export function resourceFiltersToParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const facet of FACETS) {
    for (const value of facet.values) if (filters[facet.key].includes(value)) params.append(facet.param, value);
  }
  return params;
}

export function toggleFilter(filters: Filters, key: FacetKey, value: string): Filters {
  const current = filters[key];
  return { ...filters, [key]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value] };
}

export function activeFilterCount(filters: Filters): number {
  return FACETS.reduce((n, f) => n + filters[f.key].length, 0);
}

function matchesFacet(resource: Resource, filters: Filters, key: FacetKey): boolean {
  const chosen = filters[key];
  if (chosen.length === 0) return true;
  const facet = FACETS.find((f) => f.key === key)!;
  return (facet.of(resource) as readonly string[]).some((v) => chosen.includes(v));
}

export function matchesFilters(resource: Resource, filters: Filters, except?: FacetKey): boolean {
  return FACETS.every((f) => f.key === except || matchesFacet(resource, filters, f.key));
}

/**
 * For each value of each facet, how many resources the list would show if
 * that value were added to the current filters (the other facets applying).
 */
export function facetCounts(resources: Resource[], filters: Filters): Record<FacetKey, Record<string, number>> {
  const counts = {} as Record<FacetKey, Record<string, number>>;
  for (const facet of FACETS) {
    const pool = resources.filter((r) => matchesFilters(r, filters, facet.key));
    counts[facet.key] = Object.fromEntries(
      facet.values.map((value) => [
        value,
        pool.filter((r) => (facet.of(r) as readonly string[]).includes(value)).length,
      ]),
    );
  }
  return counts;
}
