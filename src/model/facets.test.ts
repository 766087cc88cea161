import { describe, expect, it } from 'vitest';
import type { Resource } from './library.ts';
import {
  emptyFilters,
  facetCounts,
  resourceFiltersFromParams,
  resourceFiltersToParams,
  matchesFilters,
  toggleFilter,
} from './facets.ts';

const resource = (id: string, patch: Partial<Resource>): Resource => ({
  id,
  type: 'fiche',
  title: id,
  summary: '',
  needs: ['faire-alliance'],
  step: 'comprendre',
  actors: ['institutions'],
  maturity: 'debutant',
  published: '2019-01-01',
  blocks: [],
  contentHash: '',
  ...patch,
});

const library = [
  resource('kit-a', { type: 'kit', step: 'agir', needs: ['faire-alliance', 'mobiliser-les-ressources'] }),
  resource('kit-b', { type: 'kit', step: 'agir', needs: ['definir-sa-strategie'], maturity: 'praticien' }),
  resource('fiche-c', { step: 'comprendre', actors: ['acteurs-economiques'] }),
  resource('note-d', { type: 'note-prospective', step: 's-approprier', needs: ['transformer-son-modele'] }),
];

describe('facets', () => {
  it('reads and writes filters in the URL, ignoring unknown values', () => {
    const filters = resourceFiltersFromParams(
      new URLSearchParams('etape=agir&besoin=faire-alliance&besoin=inconnu&type=kit'),
    );
    expect(filters).toEqual({ ...emptyFilters(), step: ['agir'], need: ['faire-alliance'], type: ['kit'] });
    expect(resourceFiltersToParams(filters).toString()).toBe('besoin=faire-alliance&etape=agir&type=kit');
  });

  it('combines facets with AND and values within a facet with OR', () => {
    let filters = toggleFilter(emptyFilters(), 'type', 'kit');
    expect(library.filter((r) => matchesFilters(r, filters)).map((r) => r.id)).toEqual(['kit-a', 'kit-b']);
    filters = toggleFilter(filters, 'need', 'faire-alliance');
    expect(library.filter((r) => matchesFilters(r, filters)).map((r) => r.id)).toEqual(['kit-a']);
    filters = toggleFilter(filters, 'need', 'definir-sa-strategie');
    expect(library.filter((r) => matchesFilters(r, filters)).map((r) => r.id)).toEqual(['kit-a', 'kit-b']);
    expect(toggleFilter(filters, 'type', 'kit').type).toEqual([]);
  });

  it('counts, per value, what choosing it would show given the other facets', () => {
    const counts = facetCounts(library, { ...emptyFilters(), type: ['kit'] });
    // Within the chosen facet, counts ignore its own selection…
    expect(counts.type).toMatchObject({ kit: 2, fiche: 1, 'note-prospective': 1 });
    // …other facets count only among kits.
    expect(counts.step).toEqual({ comprendre: 0, 's-approprier': 0, agir: 2 });
    expect(counts.maturity).toEqual({ debutant: 1, praticien: 1, confirme: 0 });
    expect(counts.need['faire-alliance']).toBe(1);
  });
});
