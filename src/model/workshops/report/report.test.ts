import { describe, expect, it } from 'vitest';
import { sampleContribution, sampleDots, sampleWorkshop } from '../fixtures.ts';
import { fileSlug } from '../file-name.ts';
import { contributionsCsv } from './csv.ts';
import { formatMinutes, formatStartsAt } from './format.ts';
import { reportToMarkdown } from './markdown.ts';
import { buildReport, type ReportLabels } from './report.ts';

const labels: ReportLabels = {
  needs: {
    'connaitre-son-ecosysteme': 'Connaître son écosystème',
    'qualifier-l-innovation': 'Qualifier l’innovation',
    'faire-alliance': 'Faire alliance',
    'definir-sa-strategie': 'Définir sa stratégie',
    'evaluer-la-pertinence': 'Évaluer la pertinence',
    'mobiliser-les-ressources': 'Mobiliser les ressources',
    'transformer-son-modele': 'Transformer son modèle',
  },
  actorFamilies: {
    institutions: 'Institutions',
    'acteurs-economiques': 'Acteurs économiques',
    'interet-general': 'Structures d’intérêt général',
    'acteurs-academiques': 'Acteurs académiques',
  },
};

const A = 'guest-aaaaaaaaaaaaaaaaaaaaaa';
const B = 'guest-bbbbbbbbbbbbbbbbbbbbbb';
const workshop = sampleWorkshop({
  status: 'termine',
  dotsPerParticipant: 3,
  place: { code: '15187', name: 'Saint-Flour', departement: '15', year: 2025 },
  run: {
    stepIndex: 1,
    pausedSeconds: 0,
    extraMinutes: 0,
    wallVisible: true,
    log: [
      {
        stepId: 'accueil',
        startedAt: '2026-12-03T17:30:00.000Z',
        endedAt: '2026-12-03T17:42:00.000Z',
        pausedSeconds: 0,
      },
      {
        stepId: 'idees',
        startedAt: '2026-12-03T17:42:00.000Z',
        endedAt: '2026-12-03T18:20:00.000Z',
        pausedSeconds: 300,
      },
    ],
  },
  board: {
    merges: [{ from: 'c4', into: 'c1' }],
    groups: [{ id: 'g1', title: 'Mobilité', contributionIds: ['c1', 'c2'] }],
    tags: [{ contributionId: 'c2', needs: ['faire-alliance', 'mobiliser-les-ressources'], sdgs: [11] }],
    initiatives: [{ contributionId: 'c1', initiativeId: 'i1' }],
  },
});
const entries = [
  sampleContribution('c1', {
    text: 'Une navette le jour du marché',
    need: 'faire-alliance',
    actorFamily: 'institutions',
    authorName: 'Camille',
  }),
  sampleContribution('c2', { ownerId: B, text: 'Covoiturage | entre voisins', kind: 'ressource' }),
  sampleContribution('c3', { stepId: 'accueil', text: '=Qui vient ?', actorFamily: 'interet-general' }),
  sampleContribution('c4', { ownerId: B, text: 'Une navette pour le marché' }),
  sampleContribution('c5', { workshopId: 'atelier-autre' }),
  sampleDots(A, [
    { contributionId: 'c1', count: 2 },
    { contributionId: 'c2', count: 1 },
  ]),
  sampleDots(B, [
    { contributionId: 'c4', count: 2 },
    { contributionId: 'c3', count: 5 },
  ]),
];
const report = buildReport({
  workshop,
  entries,
  labels,
  now: '2026-12-03T19:00:00.000Z',
  initiativeTitle: (id) => (id === 'i1' ? 'Navette solidaire du marché' : undefined),
});

describe('workshop report', () => {
  it('gives the agenda as run against the plan', () => {
    expect(report.agenda).toEqual([
      { stepId: 'accueil', title: 'Accueil', plannedMinutes: 10, actualMinutes: 12 },
      { stepId: 'idees', title: 'Idées', plannedMinutes: 30, actualMinutes: 33 },
    ]);
    expect([report.plannedMinutes, report.actualMinutes]).toEqual([40, 45]);
  });

  it('counts participants, contributions and dots (duplicates fold, the limit holds, other workshops stay out)', () => {
    expect(report.participants).toBe(2);
    expect(report.contributions).toBe(3);
    // A: 2 on c1 + 1 on c2; B: 2 on c4 (folded into c1) + 1 of 5 on c3 (limit 3).
    expect(report.dots).toBe(6);
    expect(report.top.map((c) => [c.id, c.dots])).toEqual([
      ['c1', 4],
      ['c2', 1],
      ['c3', 1],
    ]);
    expect(report.top[0]).toMatchObject({ duplicates: 1, group: 'Mobilité' });
  });

  it('lists contributions by step and counts them by need, actor family and kind', () => {
    expect(report.steps.map((s) => [s.title, s.contributions.map((c) => c.id)])).toEqual([
      ['Accueil', ['c3']],
      ['Idées', ['c1', 'c2']],
    ]);
    const count = (rows: { id: string; count: number }[]) => Object.fromEntries(rows.map((r) => [r.id, r.count]));
    expect(count(report.byNeed)).toMatchObject({
      'faire-alliance': 2,
      'mobiliser-les-ressources': 1,
      'sans-besoin': 1,
    });
    expect(count(report.byActorFamily)).toMatchObject({ institutions: 1, 'interet-general': 1, 'sans-famille': 1 });
    expect(count(report.byKind)).toMatchObject({ idee: 2, ressource: 1 });
    expect(report.initiatives).toEqual([
      { initiativeId: 'i1', title: 'Navette solidaire du marché', contributionText: 'Une navette le jour du marché' },
    ]);
  });

  it('carries no participant’s name', () => {
    expect(JSON.stringify(report)).not.toContain('Camille');
    expect(reportToMarkdown(report, labels)).not.toContain('Camille');
  });

  it('exports Markdown that shows typed text as text', () => {
    const md = reportToMarkdown(report, labels);
    expect(md).toContain('# Compte rendu : Atelier mobilité à Saint-Flour');
    expect(md).toContain('*3 décembre 2026 à 18 h 30 · Saint-Flour*');
    expect(md).toContain('2 participants · 3 contributions · 6 gommettes');
    expect(md).toContain('| Idées | 30 min | 33 min |');
    expect(md).toContain(
      '1. Une navette le jour du marché\n   *Idée · Faire alliance · Institutions · groupe « Mobilité » · 1 doublon regroupé · 4 gommettes*',
    );
    expect(md).toContain('- Covoiturage \\| entre voisins');
    expect(md).toContain('| Faire alliance | 2 |');
    expect(md).toContain('- Navette solidaire du marché (issue de « Une navette le jour du marché »)');
  });

  it('exports the contributions as CSV for a French spreadsheet', () => {
    const csv = contributionsCsv(report, labels, 'Europe/Paris');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFÉtape;Type;Contribution;Besoins;Famille d’acteurs;Gommettes;Doublons regroupés;Groupe;Créée le;Identifiant',
    );
    expect(lines[1]).toBe("Accueil;Idée;'=Qui vient ?;;Structures d’intérêt général;1;0;;2026-12-03 19:42;c3");
    expect(lines[3]).toBe(
      'Idées;Ressource;Covoiturage | entre voisins;"Faire alliance ; Mobiliser les ressources";;1;0;Mobilité;2026-12-03 19:42;c2',
    );
    expect(lines).toHaveLength(5);
  });

  it('formats dates and durations in French', () => {
    expect(formatStartsAt('2026-12-01T09:05')).toBe('1er décembre 2026 à 9 h 05');
    expect(formatMinutes(65)).toBe('1 h 05');
    expect(formatMinutes(null)).toBe('non jouée');
  });
});

describe('file names', () => {
  it('come from the title, without accents or punctuation', () => {
    expect(fileSlug('Atelier mobilité à Saint-Flour !')).toBe('atelier-mobilite-a-saint-flour');
    expect(fileSlug('« »')).toBe('atelier');
  });
});
