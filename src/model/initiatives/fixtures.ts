import type { Initiative } from '../initiatives.ts';

/** A recorded initiative that every rule accepts (for tests of the client and the server). */
export function recordedInitiative(fields: Partial<Initiative> & Pick<Initiative, 'id' | 'ownerId'>): Initiative {
  return {
    workspaceId: null,
    rev: '1-a',
    createdAt: '2026-11-25T10:00:00.000Z',
    updatedAt: '2026-11-25T10:00:00.000Z',
    status: 'enregistree',
    title: 'Un tiers-lieu',
    description: 'Ouvert le samedi aux habitants du quartier.',
    commune: { code: '15187', name: 'Saint-Flour', departement: '15', year: 2026 },
    needs: ['faire-alliance'],
    actorFamilies: [],
    organisations: '',
    sdgs: [],
    sdg17Targets: [],
    stage: 'idee',
    photos: [],
    ...fields,
  };
}
