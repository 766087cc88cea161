import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import generated from './communes.generated.json';
import {
  COMMUNES_PACKAGE,
  compactCommunes,
  packageYear,
  roundPopulation,
  type CompactCommunes,
  type RawCommune,
} from './commune-data.ts';
import { COMMUNES_YEAR } from './communes.ts';

const packageDir = dirname(createRequire(import.meta.url).resolve(`${COMMUNES_PACKAGE}/package.json`));
const read = (...path: string[]) => readFileSync(join(packageDir, ...path), 'utf8');

describe('communes.generated.json', () => {
  const data = generated as unknown as CompactCommunes;

  it('is up to date with the installed package (else run `node scripts/build-communes.mjs`)', () => {
    const { version } = JSON.parse(read('package.json')) as { version: string };
    const year = packageYear(read('README.md'), version);
    expect(year, `no year for ${COMMUNES_PACKAGE}@${version} in its README`).toBeDefined();
    expect({ version: data.version, year: data.year }).toEqual({ version, year });
    const raw = JSON.parse(read('data', 'communes.json')) as RawCommune[];
    const expected = compactCommunes(raw, { version, year: year! });
    // Cheap, readable checks first; then the whole content.
    expect(data.communes.length).toBe(raw.filter((c) => c.type === 'commune-actuelle').length);
    expect(data.communes.map((c) => c[0])).toEqual(expected.communes.map((c) => c[0]));
    expect(data).toEqual(expected);
  });

  it('has the year COMMUNES_YEAR announces', () => {
    expect(data.year).toBe(COMMUNES_YEAR);
  });

  it('holds codes the initiative schema accepts, and every département', () => {
    const code = /^(?:\d{5}|2[AB]\d{3})$/;
    expect(data.communes.every(([c, name, departement]) => code.test(c) && name && departement)).toBe(true);
    const departements = new Set(data.communes.map((c) => c[2]));
    expect(departements.size).toBeGreaterThanOrEqual(101);
    for (const d of ['01', '2A', '2B', '75', '971', '976']) expect(departements.has(d)).toBe(true);
    expect(data.districts).toHaveLength(45);
  });
});

describe('compactCommunes', () => {
  const raw: RawCommune[] = [
    {
      code: '74010',
      nom: 'Annecy',
      type: 'commune-actuelle',
      departement: '74',
      codesPostaux: ['74000', '74370'],
      population: 131_272,
    },
    { code: '74011', nom: 'Annecy-le-Vieux', type: 'commune-deleguee', departement: '74', chefLieu: '74010' },
    { code: '69123', nom: 'Lyon', type: 'commune-actuelle', departement: '69', codesPostaux: ['69001'], population: 1 },
    {
      code: '69381',
      nom: 'Lyon 1er Arrondissement',
      type: 'arrondissement-municipal',
      departement: '69',
      commune: '69123',
    },
    { code: '98412', nom: 'Archipel des Kerguelen', type: 'commune-actuelle', departement: '984' },
  ];

  it('keeps what the search needs, as arrays sorted by code', () => {
    expect(compactCommunes(raw, { version: '9.9.9', year: 2030 })).toEqual({
      source: '@etalab/decoupage-administratif',
      version: '9.9.9',
      year: 2030,
      communes: [
        ['69123', 'Lyon', '69', '69001', 1],
        ['74010', 'Annecy', '74', '74000 74370', 130_000],
        ['98412', 'Archipel des Kerguelen', '984', '', 0],
      ],
      former: [['74011', 'Annecy-le-Vieux', '74010']],
      districts: [['69381', 'Lyon 1er Arrondissement', '69123']],
    });
  });

  it('refuses a former commune whose commune is missing', () => {
    expect(() => compactCommunes(raw.slice(1, 2), { version: '1.0.0', year: 2030 })).toThrow(/74011/);
  });
});

describe('roundPopulation', () => {
  it('keeps two significant digits', () => {
    expect([undefined, 0, 7, 86, 860, 1234, 1250, 99_999, 2_103_778].map(roundPopulation)).toEqual([
      0, 0, 7, 86, 860, 1200, 1300, 100_000, 2_100_000,
    ]);
  });
});

describe('packageYear', () => {
  const readme = [
    '| Année | Version du package | NPM |',
    '|-------|--------------------|-----|',
    '| 2026  | 6.0.0              | `npm install x@6.0.0` |',
    '| 2025  | 5.3.0              | `npm install x@5.3.0` |',
  ].join('\n');

  it('reads the year of a version from the README table', () => {
    expect(packageYear(readme, '6.0.0')).toBe(2026);
    expect(packageYear(readme, '5.3.0')).toBe(2025);
    expect(packageYear(readme, '6.0.1')).toBeUndefined();
    expect(packageYear(readme, '6.0')).toBeUndefined();
  });
});
