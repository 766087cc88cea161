import { describe, expect, it } from 'vitest';
import type { Initiative } from '../initiatives.ts';
import { SearchIndex } from './index.ts';
import { initiativeDocuments } from './personal-documents.ts';

const initiative: Initiative = {
  id: 'i1',
  ownerId: 'u1',
  workspaceId: null,
  rev: 'r1',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
  status: 'enregistree',
  title: 'Un tiers-lieu au village',
  description: 'Un lieu ouvert le samedi pour les associations sportives du canton.',
  commune: { code: '35236', name: 'Redon', departement: '35', year: 2026 },
  needs: [],
  actorFamilies: [],
  organisations: 'Régie de quartier',
  sdgs: [],
  sdg17Targets: [],
  photos: [],
};

describe('initiatives in the offline search', () => {
  it('are found by their title, description, organisations and commune, and lead to their page', () => {
    const index = new SearchIndex();
    initiativeDocuments(initiative).forEach((doc) => index.add(doc));
    for (const query of ['tiers-lieu', 'associations sportives', 'regie', 'redon']) {
      const [hit] = index.search(query).results;
      expect(hit?.url, query).toBe('/initiatives/i1');
      expect(hit?.kind).toBe('initiative');
    }
  });
});
