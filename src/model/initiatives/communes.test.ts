import { beforeAll, describe, expect, it } from 'vitest';
import generated from './communes.generated.json';
import type { CompactCommunes } from './commune-data.ts';
import {
  COMMUNES_YEAR,
  buildCommuneIndex,
  communeByCode,
  normaliseCommuneName,
  searchCommunes,
  toInitiativeCommune,
  type CommuneIndex,
} from './communes.ts';

const names = (index: CommuneIndex, query: string, limit?: number) =>
  searchCommunes(index, query, limit).map((m) => `${m.name} (${m.departement})`);

describe('normaliseCommuneName', () => {
  it('ignores case, accents, hyphens and apostrophes, and spells out « St »', () => {
    expect(normaliseCommuneName('Saint-Étienne')).toBe('saint etienne');
    expect(normaliseCommuneName('  ST   étienne ')).toBe('saint etienne');
    expect(normaliseCommuneName('Ste-Foy-lès-Lyon')).toBe('sainte foy les lyon');
    expect(normaliseCommuneName('L’Haÿ-les-Roses')).toBe('l hay les roses');
    expect(normaliseCommuneName('Château-Chinon (Ville)')).toBe('chateau chinon ville');
    expect(normaliseCommuneName('Œuilly')).toBe('oeuilly');
  });

  it('leaves the word being typed as it is', () => {
    expect(normaliseCommuneName('st', true)).toBe('st');
    expect(normaliseCommuneName('st e', true)).toBe('saint e');
    expect(normaliseCommuneName('Stains', true)).toBe('stains');
  });
});

describe('searchCommunes on a small list', () => {
  const index = buildCommuneIndex({
    source: 'test',
    version: '0',
    year: 2030,
    communes: [
      ['00001', 'Beaumont', '01', '01100', 100],
      ['00002', 'Beaumont-sur-Mer', '02', '02100', 50_000],
      ['00003', 'Beaumontois', '03', '03100', 9000],
      ['00004', 'Beaumont', '04', '04100', 2000],
      ['00005', 'Aube-et-Beaumont', '05', '05100', 90_000],
      ['00006', 'Bercy', '06', '06100', 100],
      ['00007', 'Arcy', '06', '06100', 100],
    ],
    former: [['00008', 'Beaumont-le-Vieux', '00003']],
    districts: [],
  });

  it('ranks the whole name first, then its start, then a later word; by population, then alphabetically', () => {
    expect(names(index, 'beaumont')).toEqual([
      'Beaumont (04)',
      'Beaumont (01)',
      'Beaumont-sur-Mer (02)',
      'Beaumontois (03)',
      'Aube-et-Beaumont (05)',
    ]);
    expect(names(index, 'cy')).toEqual([]);
    expect(names(index, 'y')).toEqual([]);
    expect(names(index, 'arcy')).toEqual(['Arcy (06)']);
    expect(names(index, '061')).toEqual(['Arcy (06)', 'Bercy (06)']);
  });

  it('finds a commune by a former name, once, after those found by their own name', () => {
    expect(searchCommunes(index, 'beaumont le')).toEqual([
      { code: '00003', name: 'Beaumontois', departement: '03', postcodes: ['03100'], formerName: 'Beaumont-le-Vieux' },
    ]);
    expect(names(index, 'beaumont', 3)).toEqual(['Beaumont (04)', 'Beaumont (01)', 'Beaumont-sur-Mer (02)']);
  });

  it('returns nothing for an empty query or limit', () => {
    expect(searchCommunes(index, '')).toEqual([]);
    expect(searchCommunes(index, ' - ')).toEqual([]);
    expect(searchCommunes(index, 'beaumont', 0)).toEqual([]);
  });
});

describe('searchCommunes on the official list', () => {
  let index: CommuneIndex;
  beforeAll(() => {
    index = buildCommuneIndex(generated as unknown as CompactCommunes);
  });

  it('finds a name with or without accents, hyphens or capitals', () => {
    for (const query of [
      'Saint-Étienne',
      'saint etienne',
      'SAINT-ETIENNE',
      'saintetienne',
      'st etienne',
      'St-Étienne',
    ]) {
      expect(searchCommunes(index, query)[0], query).toMatchObject({ code: '42218', name: 'Saint-Étienne' });
    }
    expect(searchCommunes(index, 'l’hay les roses')[0]).toMatchObject({
      code: '94038',
      name: "L'Haÿ-les-Roses",
    });
    expect(searchCommunes(index, 'ste foy les lyon')[0]).toMatchObject({ code: '69202', name: 'Sainte-Foy-lès-Lyon' });
  });

  it('matches while typing, most populous first', () => {
    expect(names(index, 'saint e', 2)).toEqual(['Saint-Étienne (42)', 'Saint-Étienne-du-Rouvray (76)']);
    expect(names(index, 'strasb', 1)).toEqual(['Strasbourg (67)']);
    // « st » being typed may be « Strasbourg »; once followed by a word, it is « Saint ».
    expect(names(index, 'st', 1)).toEqual(['Strasbourg (67)']);
    expect(names(index, 'mont st michel', 1)).toEqual(['Le Mont-Saint-Michel (50)']);
  });

  it('puts the exact name before longer ones, and homonyms by population', () => {
    const results = searchCommunes(index, 'Saint-Denis', 4);
    expect(results.map((m) => `${m.name} ${m.code}`)).toEqual([
      'Saint-Denis 97411',
      'Saint-Denis 93066',
      'Saint-Denis 11339',
      'Saint-Denis 30247',
    ]);
    expect(names(index, 'Sai', 1)).toEqual(['Sai (61)']);
  });

  it('narrows a name by a département or postcode typed beside it', () => {
    expect(searchCommunes(index, 'saint denis 93')[0]).toMatchObject({ code: '93066' });
    expect(searchCommunes(index, 'Saint-Denis (974)')[0]).toMatchObject({ code: '97411' });
    expect(searchCommunes(index, 'saint denis 11310')).toMatchObject([{ code: '11339' }]);
  });

  it('finds communes by postcode, whole or started', () => {
    expect(searchCommunes(index, '42000')).toMatchObject([{ code: '42218', postcodes: ['42000', '42100', '42230'] }]);
    expect(searchCommunes(index, '01400').map((m) => m.code)).toContain('01001');
    expect(searchCommunes(index, '01 400').map((m) => m.code)).toContain('01001');
    const started = searchCommunes(index, '744', 50);
    expect(started.length).toBeGreaterThan(5);
    expect(started.every((m) => m.postcodes.some((p) => p.startsWith('744')))).toBe(true);
  });

  it('finds a commune by INSEE code, Corsica included, before postcodes', () => {
    expect(searchCommunes(index, '2A004')).toEqual([
      { code: '2A004', name: 'Ajaccio', departement: '2A', postcodes: ['20000', '20090', '20167'] },
    ]);
    expect(searchCommunes(index, '2b033')[0]).toMatchObject({ name: 'Bastia' });
    // 13001 is both Aix-en-Provence's INSEE code and Marseille 1er's postcode.
    expect(names(index, '13001')).toEqual(['Aix-en-Provence (13)', 'Marseille (13)']);
  });

  it('finds a commune nouvelle by the name or the code of a commune merged into it', () => {
    expect(searchCommunes(index, 'Annecy-le-Vieux')[0]).toEqual({
      code: '74010',
      name: 'Annecy',
      departement: '74',
      postcodes: ['74000', '74370', '74600', '74940', '74960'],
      formerName: 'Annecy-le-Vieux',
    });
    expect(searchCommunes(index, 'cherbourg octeville')[0]).toMatchObject({
      code: '50129',
      name: 'Cherbourg-en-Cotentin',
      formerName: 'Cherbourg-Octeville',
    });
    expect(searchCommunes(index, 'pierrefitte sur seine')[0]).toMatchObject({
      code: '93066',
      name: 'Saint-Denis',
      formerName: 'Pierrefitte-sur-Seine',
    });
    // At the same level of match, a commune's own name comes before a former one.
    expect(searchCommunes(index, 'pierrefitte sur s').map((m) => `${m.name} ${m.formerName ?? ''}`.trim())).toEqual([
      'Pierrefitte-sur-Sauldre',
      'Saint-Denis Pierrefitte-sur-Seine',
    ]);
    expect(searchCommunes(index, '74011')[0]).toMatchObject({ code: '74010', formerName: 'Annecy-le-Vieux' });
    // The delegated commune that kept the commune nouvelle's name and code is not shown twice.
    expect(searchCommunes(index, 'annecy')[0]).toEqual(expect.objectContaining({ code: '74010', name: 'Annecy' }));
    expect(searchCommunes(index, 'annecy')[0]!.formerName).toBeUndefined();
    expect(searchCommunes(index, 'annecy').filter((m) => m.code === '74010')).toHaveLength(1);
  });

  it('gives Paris, Lyon and Marseille once, not their arrondissements', () => {
    expect(searchCommunes(index, 'paris').filter((m) => m.departement === '75')).toEqual([
      expect.objectContaining({ code: '75056', name: 'Paris' }),
    ]);
    expect(searchCommunes(index, 'paris')[0]!.district).toBeUndefined();
    expect(searchCommunes(index, 'Paris 15')[0]).toMatchObject({ code: '75056', district: 'Paris 15e Arrondissement' });
    expect(searchCommunes(index, 'lyon 3e')[0]).toMatchObject({ code: '69123', district: 'Lyon 3e Arrondissement' });
    expect(searchCommunes(index, 'marseille')[0]).toMatchObject({ code: '13055', name: 'Marseille' });
    expect(searchCommunes(index, '75015')).toMatchObject([{ code: '75056' }]);
    expect(searchCommunes(index, '69003').map((m) => m.code)).toEqual(['69003', '69123']);
    expect(searchCommunes(index, '75115')).toMatchObject([{ code: '75056', district: 'Paris 15e Arrondissement' }]);
  });

  it('looks a commune up by its code', () => {
    expect(communeByCode(index, '42218')).toMatchObject({ name: 'Saint-Étienne', departement: '42' });
    expect(communeByCode(index, ' 2a004 ')).toMatchObject({ name: 'Ajaccio' });
    expect(communeByCode(index, '74011')).toMatchObject({ name: 'Annecy', formerName: 'Annecy-le-Vieux' });
    expect(communeByCode(index, '99999')).toBeUndefined();
  });

  it('makes the commune an initiative records', () => {
    const [match] = searchCommunes(index, 'Saint-Étienne');
    expect(toInitiativeCommune(match!)).toEqual({
      code: '42218',
      name: 'Saint-Étienne',
      departement: '42',
      year: COMMUNES_YEAR,
    });
  });
});
