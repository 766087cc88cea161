import { describe, expect, it } from 'vitest';
import { filterAnnotations, annotationFiltersFromParams, annotationFiltersToParams, PRIVATE } from './filters.ts';
import type { Annotation } from '../annotations.ts';

const base = {
  ownerId: 'u1',
  rev: 'r',
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
};
const annotations: Annotation[] = [
  {
    ...base,
    id: 'a',
    workspaceId: null,
    resourceId: 'kit-faire-alliance',
    target: { blockId: 'b1', quote: { exact: 'le contrat d’alliance', prefix: '', suffix: '' } },
    color: 'jaune',
    note: 'Relire avec l’équipe',
  },
  {
    ...base,
    id: 'b',
    workspaceId: 'g1',
    resourceId: 'kit-definir-sa-strategie',
    target: { blockId: 'b2' },
    color: 'vert',
    note: 'Écosystème à cartographier',
  },
];
const resources = new Map([
  ['kit-faire-alliance', { title: 'Faire alliance', needs: ['faire-alliance'] }],
  ['kit-definir-sa-strategie', { title: 'Définir sa stratégie', needs: ['definir-sa-strategie'] }],
]);
const ids = (filters: Parameters<typeof filterAnnotations>[1]) =>
  filterAnnotations(annotations, filters, resources).map((a) => a.id);

describe('filtering my annotations', () => {
  it('by kit, need, colour and group, combined', () => {
    expect(ids({})).toEqual(['a', 'b']);
    expect(ids({ kit: 'kit-faire-alliance' })).toEqual(['a']);
    expect(ids({ need: 'definir-sa-strategie' })).toEqual(['b']);
    expect(ids({ color: 'vert' })).toEqual(['b']);
    expect(ids({ group: PRIVATE })).toEqual(['a']);
    expect(ids({ group: 'g1' })).toEqual(['b']);
    expect(ids({ group: 'g1', color: 'jaune' })).toEqual([]);
  });

  it('by words of the quote, the note or the kit, accents and case ignored', () => {
    expect(ids({ text: 'ECOSYSTEME' })).toEqual(['b']);
    expect(ids({ text: 'contrat equipe' })).toEqual(['a']);
    expect(ids({ text: 'alliance' })).toEqual(['a']);
    expect(ids({ text: 'contrat strategie' })).toEqual([]);
  });

  it('round-trips through the address', () => {
    const filters = { kit: 'kit-faire-alliance', color: 'rose' as const, group: PRIVATE, text: 'salle' };
    expect(annotationFiltersFromParams(annotationFiltersToParams(filters))).toEqual({ ...filters, need: undefined });
  });

  it('keeps one author’s annotations, and the author goes into the address', () => {
    const byOther = { ...annotations[1]!, id: 'c', ownerId: 'u2' };
    const list = [...annotations, byOther];
    expect(filterAnnotations(list, { author: 'u2' }, new Map()).map((a) => a.id)).toEqual(['c']);
    const params = annotationFiltersToParams({ author: 'u2', kit: 'kit-x' });
    expect(params.toString()).toBe('kit=kit-x&auteur=u2');
    expect(annotationFiltersFromParams(params).author).toBe('u2');
  });
});
