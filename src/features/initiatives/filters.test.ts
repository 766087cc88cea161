import { describe, expect, it } from 'vitest';
import type { Initiative } from '../../model/initiatives.ts';
import { filterInitiatives, initiativeFiltersFromParams, initiativeFiltersToParams, PRIVATE } from './filters.ts';

const base: Initiative = {
  id: 'i1',
  ownerId: 'u1',
  workspaceId: null,
  rev: 'r1',
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  status: 'enregistree',
  title: 'Un tiers-lieu au village',
  description: 'Ouvert le samedi aux associations.',
  commune: { code: '35236', name: 'Redon', departement: '35', year: 2026 },
  needs: ['faire-alliance'],
  actorFamilies: [],
  organisations: 'Mairie, Régie de quartier',
  sdgs: [11, 17],
  sdg17Targets: [],
  stage: 'experimentation',
  photos: [],
};
const other: Initiative = {
  ...base,
  id: 'i2',
  workspaceId: 'w1',
  title: 'Épicerie solidaire',
  description: 'Une épicerie tenue par des bénévoles.',
  organisations: '',
  commune: { code: '42218', name: 'Saint-Étienne', departement: '42', year: 2026 },
  needs: ['mobiliser-les-ressources'],
  sdgs: [2],
  stage: 'idee',
};
const ids = (list: Initiative[]) => list.map((i) => i.id);

describe('initiative filters', () => {
  it('round-trip through the URL, ignoring values that mean nothing', () => {
    const filters = {
      text: 'épicerie',
      need: 'faire-alliance',
      sdg: 17,
      stage: 'idee',
      place: '42',
      group: PRIVATE,
    } as const;
    expect(initiativeFiltersFromParams(initiativeFiltersToParams(filters))).toEqual(filters);
    expect(initiativeFiltersFromParams(new URLSearchParams('besoin=inconnu&odd=18&stade=fini&q='))).toEqual({});
  });

  it('filter by need, SDG, stage and group', () => {
    const all = [base, other];
    expect(ids(filterInitiatives(all, { need: 'faire-alliance' }))).toEqual(['i1']);
    expect(ids(filterInitiatives(all, { sdg: 2 }))).toEqual(['i2']);
    expect(ids(filterInitiatives(all, { stage: 'idee' }))).toEqual(['i2']);
    expect(ids(filterInitiatives(all, { group: PRIVATE }))).toEqual(['i1']);
    expect(ids(filterInitiatives(all, { group: 'w1' }))).toEqual(['i2']);
  });

  it('find a commune by name without accents, by INSEE code, or by département', () => {
    const all = [base, other];
    expect(ids(filterInitiatives(all, { place: 'saint etienne' }))).toEqual(['i2']);
    expect(ids(filterInitiatives(all, { place: '35236' }))).toEqual(['i1']);
    expect(ids(filterInitiatives(all, { place: '42' }))).toEqual(['i2']);
    expect(ids(filterInitiatives(all, { place: 'lyon' }))).toEqual([]);
  });

  it('search the words typed, accents and hyphens aside', () => {
    const all = [base, other];
    expect(ids(filterInitiatives(all, { text: 'tiers lieu' }))).toEqual(['i1']);
    expect(ids(filterInitiatives(all, { text: 'regie' }))).toEqual(['i1']);
    expect(ids(filterInitiatives(all, { text: 'benevol' }))).toEqual(['i2']);
    expect(ids(filterInitiatives(all, { text: 'épicerie redon' }))).toEqual([]);
  });
});
