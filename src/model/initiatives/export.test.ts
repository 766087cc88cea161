import { describe, expect, it } from 'vitest';
import { ACTOR_FAMILY_LABELS, NEED_SHORT_LABELS } from '../../i18n/fr.ts';
import type { Initiative } from '../initiatives.ts';
import { CSV_SEPARATOR } from '../csv.ts';
import { toCsv, toJson, type CsvLabels } from './export.ts';

const labels: CsvLabels = {
  needs: NEED_SHORT_LABELS,
  actorFamilies: ACTOR_FAMILY_LABELS,
  workspace: (id) => (id === 'w1' ? 'Atelier de Bourg' : undefined),
  timeZone: 'Europe/Paris',
};

const initiative: Initiative = {
  id: 'i1',
  ownerId: 'u1',
  workspaceId: 'w1',
  rev: '3-abc',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-07-01T21:30:00.000Z',
  conflicts: [{ field: 'title', value: 'Ancien titre', at: '2026-11-25T09:00:00.000Z' }],
  status: 'enregistree',
  title: 'Le « Café des possibles »',
  description: 'Un café rouvert ensemble.\nOuvert le samedi ; gratuit.',
  commune: { code: '01001', name: "L'Abergement-Clémenciat", departement: '01', year: 2026 },
  needs: ['faire-alliance', 'connaitre-son-ecosysteme'],
  actorFamilies: ['institutions', 'interet-general'],
  organisations: 'Mairie, association "Les Amis"',
  sdgs: [17, 11],
  sdg17Targets: ['17.17'],
  stage: 'experimentation',
  startDate: '2019-03',
  contact: {
    name: 'Camille Martin',
    email: 'camille@exemple.fr',
    phone: '+33 6 12 34 56 78',
    consentAt: '2026-11-20',
    retainUntil: '2029-11-20',
  },
  photos: [
    { sha256: 'a'.repeat(64), type: 'image/webp', bytes: 1000, width: 800, height: 600, consent: true },
    { sha256: 'b'.repeat(64), type: 'image/jpeg', bytes: 1000, width: 800, height: 600, consent: false },
  ],
  authorName: 'Dominique',
};

/** A minimal RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string, separator = CSV_SEPARATOR): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  expect(cell).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('toCsv', () => {
  it('starts with a BOM and French headers, ends lines with CRLF', () => {
    const csv = toCsv([], labels);
    expect(csv.startsWith('\uFEFFTitre;Description;Commune;Code INSEE;Département;Besoins;Familles d’acteurs;')).toBe(
      true,
    );
    expect(csv.endsWith('Créée le;Modifiée le;Identifiant\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(2);
  });

  it('writes one row per initiative that reads back cell for cell', () => {
    const csv = toCsv(
      [initiative, { ...initiative, id: 'i2', workspaceId: null, contact: undefined, photos: [] }],
      labels,
    );
    const [headers, first, second] = parseCsv(csv.slice(1));
    const cells = Object.fromEntries(headers!.map((header, i) => [header, first![i]]));
    expect(first).toHaveLength(headers!.length);
    expect(cells).toEqual({
      Titre: 'Le « Café des possibles »',
      Description: 'Un café rouvert ensemble.\nOuvert le samedi ; gratuit.',
      Commune: "L'Abergement-Clémenciat",
      'Code INSEE': '01001',
      Département: '01',
      Besoins: 'Faire alliance ; Connaître son écosystème',
      'Familles d’acteurs': "Institutions ; Structures d'intérêt général",
      Organisations: 'Mairie, association "Les Amis"',
      ODD: 'ODD 11 – Villes et communautés durables ; ODD 17 – Partenariats pour la réalisation des objectifs',
      'Cibles ODD 17': '17.17 – Encourager les partenariats publics, public-privé et avec la société civile',
      Stade: 'Expérimentation',
      'Date de début': '2019-03',
      Contact: 'Camille Martin',
      'E-mail du contact': 'camille@exemple.fr',
      'Téléphone du contact': "'+33 6 12 34 56 78",
      'Consentement du contact le': '2026-11-20',
      'Contact à supprimer le': '2029-11-20',
      Photos: '2',
      Groupe: 'Atelier de Bourg',
      Auteur: 'Dominique',
      'Créée le': '2026-11-25 11:00',
      'Modifiée le': '2026-07-01 23:30',
      Identifiant: 'i1',
    });
    const other = Object.fromEntries(headers!.map((header, i) => [header, second![i]]));
    expect(other).toMatchObject({ Contact: '', 'E-mail du contact': '', Photos: '0', Groupe: 'Privée (non partagée)' });
  });

  it('names a group by its id when it has no name for it', () => {
    const csv = toCsv([{ ...initiative, workspaceId: 'w9' }], labels);
    expect(parseCsv(csv.slice(1))[1]).toContain('w9');
  });

  it('protects every cell against formulas, the title included', () => {
    const csv = toCsv([{ ...initiative, title: '=cmd|" /C calc"!A0', authorName: '@moi' }], labels);
    const [, first] = parseCsv(csv.slice(1));
    expect(first![0]).toBe(`'=cmd|" /C calc"!A0`);
    expect(first).toContain("'@moi");
    expect(first!.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
  });
});

describe('toJson', () => {
  it('writes indented JSON without the sync fields', () => {
    const json = toJson([initiative]);
    expect(json).toMatch(/^\[\n {2}\{\n {4}"id": "i1",/);
    const [parsed] = JSON.parse(json) as Record<string, unknown>[];
    expect(parsed).not.toHaveProperty('rev');
    expect(parsed).not.toHaveProperty('conflicts');
    const withoutSync = ({ rev: _rev, conflicts: _conflicts, ...rest }: Initiative) => rest;
    expect(parsed).toEqual(withoutSync(initiative));
    expect(toJson([])).toBe('[]\n');
  });
});
