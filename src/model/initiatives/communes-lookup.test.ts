/**
 * The binary-search lookup of searchCommunes gives what reading every entry
 * gives: `readingEveryEntry` below is the search as it was written first
 * (one comparison per entry and keystroke), kept here as the reference.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import generated from './communes.generated.json';
import type { CompactCommunes } from './commune-data.ts';
import { buildCommuneIndex, nameTier, normaliseCommuneName, searchCommunes, type CommuneIndex } from './communes.ts';

const PLACE_FILTER = /^(?:\d{2,5}|2[ab])$/;

function readingEveryEntry(index: CommuneIndex, query: string, limit = 10): string[] {
  const compact = query.replace(/\s+/g, '').toUpperCase();
  if (/^\d/.test(compact) && /^(?:\d{5}|2[AB]\d{3}|\d{2,4})$/.test(compact)) {
    const found: number[] = [];
    const byCode = index.byCode.get(compact);
    if (byCode) found.push(byCode.commune);
    if (/^\d{2,5}$/.test(compact)) {
      const exact: number[] = [];
      const partial: number[] = [];
      index.communes.forEach((commune, i) => {
        if (found.includes(i)) return;
        if (commune.postcodes.includes(compact)) exact.push(i);
        else if (commune.postcodes.some((postcode) => postcode.startsWith(compact))) partial.push(i);
      });
      found.push(...exact, ...partial);
    }
    return found.slice(0, limit).map((i) => index.communes[i]!.code);
  }
  const normalised = normaliseCommuneName(query, !/[^\p{L}\p{N}]$/u.test(query));
  if (normalised === '') return [];
  const words = normalised.split(' ');
  const filters = words.filter((word) => PLACE_FILTER.test(word));
  const named = words.filter((word) => !PLACE_FILTER.test(word));
  const narrowed = filters.length > 0 && named.length > 0 ? ` ${named.join(' ')}` : undefined;
  const tiers: number[][] = Array.from({ length: 8 }, () => []);
  const { entries } = index;
  for (let i = 0; i < entries.commune.length; i++) {
    let tier = nameTier(entries.words[i]!, entries.joined[i]!, ` ${normalised}`, words.join(''));
    if (tier < 0 && narrowed !== undefined) {
      tier = nameTier(entries.words[i]!, entries.joined[i]!, narrowed, named.join(''));
      const commune = index.communes[entries.commune[i]!]!;
      const inPlace = filters.every(
        (filter) => commune.departement.toLowerCase() === filter || commune.postcodes.some((p) => p.startsWith(filter)),
      );
      if (!inPlace) tier = -1;
    }
    if (tier >= 0) tiers[tier * 2 + (entries.kind[i] === 'commune' ? 0 : 1)]!.push(i);
  }
  const seen = new Set<number>();
  const found: string[] = [];
  for (const i of tiers.flat()) {
    const commune = entries.commune[i]!;
    if (seen.has(commune)) continue;
    seen.add(commune);
    found.push(`${index.communes[commune]!.code} ${entries.kind[i] === 'commune' ? '' : entries.name[i]}`);
  }
  return found.slice(0, limit);
}

const found = (index: CommuneIndex, query: string, limit?: number) =>
  searchCommunes(index, query, limit).map((m) =>
    /^[\d\s]+$|^2[ab]\d{3}$/i.test(query.trim()) ? m.code : `${m.code} ${m.formerName ?? m.district ?? ''}`,
  );

describe('searchCommunes by binary search', () => {
  it('names a commune by its first former name in alphabetical order, whatever word matched', () => {
    // « sur cher » sorts before « sur loire »: the lookup meets Bléré-sur-Cher first, and must still say Amboise-sur-Loire.
    const small = buildCommuneIndex({
      source: 'test',
      version: '0',
      year: 2030,
      communes: [['00001', 'Val-Nouveau', '37', '37000', 100]],
      former: [
        ['00002', 'Bléré-sur-Cher', '00001'],
        ['00003', 'Amboise-sur-Loire', '00001'],
      ],
      districts: [],
    });
    expect(searchCommunes(small, 'sur')).toMatchObject([{ code: '00001', formerName: 'Amboise-sur-Loire' }]);
    expect(readingEveryEntry(small, 'sur')).toEqual(['00001 Amboise-sur-Loire']);
  });

  let index: CommuneIndex;
  beforeAll(() => {
    index = buildCommuneIndex(generated as unknown as CompactCommunes);
  });

  it('finds what reading every entry finds, in the same order, as names are typed', () => {
    const { entries } = index;
    // Every 4000th commune's name and every 700th other name (former commune, arrondissement), typed letter
    // by letter, as written and in lower case.
    const own = entries.name.filter((_, i) => entries.kind[i] === 'commune');
    const others = entries.name.filter((_, i) => entries.kind[i] !== 'commune');
    const sample = [...own.filter((_, i) => i % 4000 === 0), ...others.filter((_, i) => i % 700 === 0)];
    const typed = new Set<string>();
    for (const name of sample) {
      for (let end = 1; end <= name.length; end++) {
        typed.add(name.slice(0, end));
        typed.add(name.slice(0, end).toLowerCase().replace(/-/g, ' '));
      }
    }
    expect(typed.size).toBeGreaterThan(200);
    for (const query of typed) expect(found(index, query), query).toEqual(readingEveryEntry(index, query));
  });

  it('finds what reading every entry finds for the abbreviations, places, postcodes and codes', () => {
    const queries = [
      ...['s', 'st', 'st ', 'st e', 'ste', 'ste ', 'sainte m', 'saint-eti', 'le m', 'le mans', 'y', 'sai', 'lyon 3'],
      ...['saint denis 9', 'saint denis 97', 'saint denis 974', 'saint-denis (974)', 'saint denis 11310', 'paris 15'],
      ...['marseille 13', 'beaumont 2a', 'plou 29', 'plou 35', 'mont 74', 'saint 13001', 'pierrefitte sur s'],
      ...['35', '356', '3560', '35600', '13001', '75015', '69003', '01 400', '2A004', '2b033', '74011', '97', '20'],
    ];
    for (const query of queries) {
      const all = readingEveryEntry(index, query, 60);
      for (const limit of [1, 10, 60])
        expect(found(index, query, limit), `${query} (${limit})`).toEqual(all.slice(0, limit));
    }
  });
});
