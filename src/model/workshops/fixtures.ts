import type { Contribution, ParticipantDots } from './contribution.ts';
import { dotsId } from './contribution.ts';
import { EMPTY_BOARD, NOT_STARTED, type Workshop } from './workshop.ts';

/** Small, valid documents for the workshop tests (model, server, e2e helpers). */
export function sampleWorkshop(change: Partial<Workshop> = {}): Workshop {
  return {
    id: 'atelier-abcd2345',
    ownerId: 'animatrice',
    workspaceId: 'groupe-1',
    rev: '1-a',
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    title: 'Atelier mobilité à Saint-Flour',
    startsAt: '2026-12-03T18:30',
    code: 'ABCD2345',
    dotsPerParticipant: 3,
    status: 'preparation',
    steps: [
      { id: 'accueil', title: 'Accueil', question: 'Qui êtes-vous ?', minutes: 10 },
      { id: 'idees', title: 'Idées', question: 'Que faire ensemble ?', minutes: 30 },
    ],
    run: NOT_STARTED,
    board: EMPTY_BOARD,
    ...change,
  };
}

export function sampleContribution(id: string, change: Partial<Contribution> = {}): Contribution {
  return {
    id,
    ownerId: 'guest-aaaaaaaaaaaaaaaaaaaaaa',
    workspaceId: 'groupe-1',
    rev: '1-a',
    createdAt: `2026-12-03T18:4${id.length % 10}:00.000Z`,
    updatedAt: '2026-12-03T18:40:00.000Z',
    workshopId: 'atelier-abcd2345',
    kind: 'idee',
    stepId: 'idees',
    text: `Contribution ${id}`,
    ...change,
  };
}

export function sampleDots(ownerId: string, dots: ParticipantDots['dots']): ParticipantDots {
  return {
    id: dotsId('atelier-abcd2345', ownerId),
    ownerId,
    workspaceId: 'groupe-1',
    rev: '1-a',
    createdAt: '2026-12-03T19:00:00.000Z',
    updatedAt: '2026-12-03T19:00:00.000Z',
    workshopId: 'atelier-abcd2345',
    kind: 'dots',
    dots,
  };
}
