/**
 * Offline search of French communes for the initiative form: by name while
 * typing (case, accents, hyphens and « St »/« Ste » do not matter), by
 * postcode, by INSEE code, and by the name of a former commune merged into a
 * commune nouvelle. The data (communes.generated.json, see commune-data.ts)
 * is fetched by the app (src/ui/commune-list.ts), never
 * part of its first download.
 */
import { INSEE_CODE_PATTERN, type InitiativeCommune } from '../initiatives.ts';
import { foldFrench } from '../search/french.ts';
import type { CompactCommunes } from './commune-data.ts';
import { exactRange, prefixRange, sortKeys, type SortedKeys } from './sorted-keys.ts';

/**
 * Year of the Code officiel géographique in communes.generated.json (the
 * communes as of 1 January). Kept here rather than read from the file so that
 * saving a commune does not need the file; commune-data.test.ts checks both agree.
 */
export const COMMUNES_YEAR = 2026;

export interface CommuneMatch {
  /** INSEE code of the current commune. */
  code: string;
  name: string;
  departement: string;
  postcodes: string[];
  /** Set when the query found the commune by the name or code of a former commune merged into it. */
  formerName?: string;
  /** Set when the query found the commune by one of its arrondissements (Paris, Lyon, Marseille). */
  district?: string;
}

/** A current commune as the index holds it. */
export interface IndexedCommune {
  code: string;
  name: string;
  departement: string;
  postcodes: string[];
  population: number;
}

type EntryKind = 'commune' | 'former' | 'district';

interface CodeEntry {
  commune: number;
  kind: EntryKind;
  name: string;
}

/** The communes ready to search: build it once with `buildCommuneIndex`. */
export interface CommuneIndex {
  readonly year: number;
  /** Current communes, most populous first. */
  readonly communes: readonly IndexedCommune[];
  /**
   * One entry per name that finds a commune (its own, a former commune's, an
   * arrondissement's), in the order of `communes`.
   */
  readonly entries: {
    readonly commune: Int32Array;
    readonly kind: readonly EntryKind[];
    readonly name: readonly string[];
    /** Normalised words, each preceded by a space: « Saint-Étienne » → " saint etienne". */
    readonly words: readonly string[];
    /** Normalised words run together: "saintetienne". */
    readonly joined: readonly string[];
  };
  /** INSEE code → commune: current communes, then former communes and arrondissements. */
  readonly byCode: ReadonlyMap<string, CodeEntry>;
  /** The same keys sorted, for a keystroke to find its matches by binary search rather than by reading them all. */
  readonly sorted: {
    /** `entries.words` → entry. */
    readonly words: SortedKeys;
    /** Every word of `entries.words` but the first, with what follows it (" etienne") → entry. */
    readonly laterWords: SortedKeys;
    /** `entries.joined` → entry. */
    readonly joined: SortedKeys;
    /** Every postcode → commune. */
    readonly postcodes: SortedKeys;
  };
}

const ABBREVIATIONS: Readonly<Record<string, string>> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };
const ABBREVIATION = /(^| )(ste?s?)(?= |$)/g;
const ABBREVIATION_NOT_LAST = /(^| )(ste?s?)(?= )/g;

/**
 * A name or query as the search compares it: folded, words separated by one
 * space, « st »/« ste » spelt out: « St-Étienne » → "saint etienne". With
 * `typing`, the last word is left as typed, since « st » may be the start of
 * « Strasbourg ».
 */
export function normaliseCommuneName(text: string, typing = false): string {
  return foldFrench(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(
      typing ? ABBREVIATION_NOT_LAST : ABBREVIATION,
      (_, space: string, word: string) => space + ABBREVIATIONS[word],
    );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const RANK: Readonly<Record<EntryKind, number>> = { commune: 0, former: 1, district: 2 };

/** Indexes the compact data: normalises every name once, so that a keystroke only compares strings. */
export function buildCommuneIndex(data: CompactCommunes): CommuneIndex {
  const communes: (IndexedCommune & { key: string })[] = data.communes.map(
    ([code, name, departement, postcodes, population]) => ({
      code,
      name,
      departement,
      postcodes: postcodes ? postcodes.split(' ') : [],
      population,
      key: normaliseCommuneName(name),
    }),
  );
  communes.sort((a, b) => b.population - a.population || compare(a.key, b.key) || compare(a.code, b.code));
  const position = new Map(communes.map((commune, i) => [commune.code, i]));

  const entries: { commune: number; kind: EntryKind; name: string; key: string }[] = [];
  const byCode = new Map<string, CodeEntry>();
  communes.forEach((commune, i) => {
    entries.push({ commune: i, kind: 'commune', name: commune.name, key: commune.key });
    byCode.set(commune.code, { commune: i, kind: 'commune', name: commune.name });
  });
  const aliases = [
    ...data.former.map((alias) => ['former', alias] as const),
    ...data.districts.map((alias) => ['district', alias] as const),
  ];
  for (const [kind, [code, name, communeCode]] of aliases) {
    const commune = position.get(communeCode);
    if (commune === undefined) continue;
    // A current commune's code finds that commune, not the delegated commune sharing it.
    if (!byCode.has(code)) byCode.set(code, { commune, kind, name });
    const key = normaliseCommuneName(name);
    // The delegated commune named like its commune nouvelle adds no way in.
    if (key !== communes[commune]!.key) entries.push({ commune, kind, name, key });
  }
  // Communes are ranked already: an alias goes after its commune's own name.
  entries.sort((a, b) => a.commune - b.commune || RANK[a.kind] - RANK[b.kind] || compare(a.key, b.key));
  const words = entries.map((entry) => ` ${entry.key}`);
  const joined = entries.map((entry) => entry.key.replace(/ /g, ''));
  const laterWords: string[] = [];
  const laterWordsEntry: number[] = [];
  words.forEach((name, entry) => {
    for (let space = name.indexOf(' ', 1); space > 0; space = name.indexOf(' ', space + 1)) {
      laterWords.push(name.slice(space));
      laterWordsEntry.push(entry);
    }
  });
  const postcodes = communes.flatMap((commune) => commune.postcodes);
  const postcodesCommune = communes.flatMap((commune, i) => commune.postcodes.map(() => i));
  const entryOf = Int32Array.from(entries, (_, i) => i);
  return {
    year: data.year,
    communes: communes.map(({ key: _key, ...commune }) => commune),
    entries: {
      commune: Int32Array.from(entries, (entry) => entry.commune),
      kind: entries.map((entry) => entry.kind),
      name: entries.map((entry) => entry.name),
      words,
      joined,
    },
    byCode,
    sorted: {
      words: sortKeys(words, entryOf),
      laterWords: sortKeys(laterWords, laterWordsEntry),
      joined: sortKeys(joined, entryOf),
      postcodes: sortKeys(postcodes, postcodesCommune),
    },
  };
}

const NAME_TIERS = 4;

/**
 * How well a name matches the query's words, best first: 0 the whole name,
 * 1 its start, 2 the start of one of its words (« etienne » in
 * « Saint-Étienne »), 3 its start once spaces are ignored (« saintet ») ;
 * -1 no match.
 */
export function nameTier(words: string, joined: string, query: string, queryJoined: string): number {
  if (words.length === query.length ? words === query : joined === queryJoined) return 0;
  if (words.startsWith(query)) return 1;
  if (words.includes(query, 1)) return 2;
  if (joined.startsWith(queryJoined)) return 3;
  return -1;
}

/**
 * Calls `visit` with every entry that may be at `tier` for this query (a
 * superset: an entry matching better is there too), found by binary search
 * in the sorted keys.
 */
function forEachAtTier(
  index: CommuneIndex,
  tier: number,
  query: string,
  queryJoined: string,
  visit: (entry: number) => void,
): void {
  const { sorted } = index;
  const [keys, [start, end]] =
    tier === 0
      ? [sorted.joined, exactRange(sorted.joined, queryJoined)]
      : tier === 1
        ? [sorted.words, prefixRange(sorted.words, query)]
        : tier === 2
          ? [sorted.laterWords, prefixRange(sorted.laterWords, query)]
          : [sorted.joined, prefixRange(sorted.joined, queryJoined)];
  for (let i = start; i < end; i++) visit(keys.values[i]!);
}

/**
 * The first `need` entries offered (lowest position first), one per commune:
 * the entries of a commune are next to each other, so a commune already kept
 * is the neighbour of where its other entry would go.
 */
class FirstEntries {
  readonly kept: number[] = [];
  constructor(
    private readonly need: number,
    private readonly communeOf: Int32Array,
  ) {}

  offer(entry: number): void {
    const { kept, need, communeOf } = this;
    if (kept.length === need && entry >= kept[need - 1]!) return;
    let at = kept.length;
    while (at > 0 && kept[at - 1]! > entry) at--;
    const commune = communeOf[entry];
    if (at > 0 && communeOf[kept[at - 1]!] === commune) return;
    if (at < kept.length && communeOf[kept[at]!] === commune) {
      kept[at] = entry;
      return;
    }
    kept.splice(at, 0, entry);
    if (kept.length > need) kept.pop();
  }
}

/** « 93 », « 974 », « 2a », « 13001 »: a département or the start of a postcode, written beside a name. */
const PLACE_FILTER = /^(?:\d{2,5}|2[ab])$/;
const INSEE_CODE = new RegExp(INSEE_CODE_PATTERN);
const POSTCODE_START = /^\d{2,5}$/;

function inPlace(commune: IndexedCommune, filters: readonly string[]): boolean {
  return filters.every(
    (filter) =>
      commune.departement.toLowerCase() === filter || commune.postcodes.some((postcode) => postcode.startsWith(filter)),
  );
}

function toMatch(commune: IndexedCommune, kind: EntryKind, name: string): CommuneMatch {
  const match: CommuneMatch = {
    code: commune.code,
    name: commune.name,
    departement: commune.departement,
    postcodes: [...commune.postcodes],
  };
  if (kind === 'former') match.formerName = name;
  if (kind === 'district') match.district = name;
  return match;
}

/**
 * The communes a query designates, best first, each once.
 *
 * - Digits only (spaces allowed): the communes whose postcode starts with
 *   them, after the commune whose INSEE code they are (5 characters, « 2A004 »
 *   too).
 * - Words: the communes whose name, or the name of a former commune merged
 *   into them, or of one of their arrondissements, matches (see `nameTier`);
 *   a département or postcode beside the name narrows it down
 *   (« saint denis 974 »).
 *
 * Ties go to the most populous commune, then to alphabetical order.
 *
 * Each level of match is looked up in the sorted keys (binary search), and
 * only the entries found there are read: a keystroke costs what it finds, not
 * the size of the list.
 */
export function searchCommunes(index: CommuneIndex, query: string, limit = 10): CommuneMatch[] {
  if (limit <= 0) return [];
  const compact = query.replace(/\s+/g, '').toUpperCase();
  if (/^\d/.test(compact) && (INSEE_CODE.test(compact) || POSTCODE_START.test(compact))) {
    return searchCodes(index, compact, limit);
  }
  const typing = !/[^\p{L}\p{N}]$/u.test(query);
  const normalised = normaliseCommuneName(query, typing);
  if (normalised === '') return [];
  const words = normalised.split(' ');
  const filters = words.filter((word) => PLACE_FILTER.test(word));
  const named = words.filter((word) => !PLACE_FILTER.test(word));
  const full = ` ${words.join(' ')}`;
  const fullJoined = words.join('');
  const narrowed = filters.length > 0 && named.length > 0 ? ` ${named.join(' ')}` : undefined;
  const narrowedJoined = named.join('');

  const { entries } = index;
  const seen = new Set<number>();
  const matches: CommuneMatch[] = [];
  // An entry is at the best tier its whole query reaches; failing any, at the
  // best its name alone reaches if its place fits. Entries matching better
  // than the tier at hand were taken already (their commune is seen), or the
  // limit was reached before.
  const atTier = (entry: number, tier: number): boolean => {
    const fullTier = nameTier(entries.words[entry]!, entries.joined[entry]!, full, fullJoined);
    if (fullTier >= 0 || narrowed === undefined) return fullTier === tier;
    return (
      nameTier(entries.words[entry]!, entries.joined[entry]!, narrowed, narrowedJoined) === tier &&
      inPlace(index.communes[entries.commune[entry]!]!, filters)
    );
  };
  for (let tier = 0; tier < NAME_TIERS; tier++) {
    // A commune's own name first, then the names of its former communes and arrondissements.
    for (const own of [true, false]) {
      const first = new FirstEntries(limit - matches.length, entries.commune);
      const offer = (entry: number) => {
        if ((entries.kind[entry] === 'commune') === own && !seen.has(entries.commune[entry]!) && atTier(entry, tier)) {
          first.offer(entry);
        }
      };
      forEachAtTier(index, tier, full, fullJoined, offer);
      if (narrowed !== undefined) forEachAtTier(index, tier, narrowed, narrowedJoined, offer);
      for (const entry of first.kept) {
        const commune = entries.commune[entry]!;
        seen.add(commune);
        matches.push(toMatch(index.communes[commune]!, entries.kind[entry]!, entries.name[entry]!));
      }
      if (matches.length === limit) return matches;
    }
  }
  return matches;
}

function searchCodes(index: CommuneIndex, code: string, limit: number): CommuneMatch[] {
  const matches: CommuneMatch[] = [];
  const byCode = index.byCode.get(code);
  if (byCode) matches.push(toMatch(index.communes[byCode.commune]!, byCode.kind, byCode.name));
  if (!POSTCODE_START.test(code)) return matches;
  // Communes are most populous first: an exact postcode first, then the others in that order.
  const exact = new Set<number>();
  const partial = new Set<number>();
  const { postcodes } = index.sorted;
  const [start, end] = prefixRange(postcodes, code);
  for (let i = start; i < end; i++) {
    const commune = postcodes.values[i]!;
    if (commune === byCode?.commune) continue;
    if (postcodes.keys[i] === code) exact.add(commune);
    else partial.add(commune);
  }
  const ranked = (communes: Set<number>) => [...communes].sort((a, b) => a - b);
  for (const i of [...ranked(exact), ...ranked(partial).filter((i) => !exact.has(i))]) {
    if (matches.length >= limit) break;
    matches.push(toMatch(index.communes[i]!, 'commune', ''));
  }
  return matches;
}

/** The current commune with this INSEE code, or the one a former commune or arrondissement with it belongs to. */
export function communeByCode(index: CommuneIndex, code: string): CommuneMatch | undefined {
  const entry = index.byCode.get(code.trim().toUpperCase());
  return entry && toMatch(index.communes[entry.commune]!, entry.kind, entry.name);
}

/** What an initiative records of the commune picked. */
export function toInitiativeCommune(match: CommuneMatch, year = COMMUNES_YEAR): InitiativeCommune {
  return { code: match.code, name: match.name, departement: match.departement, year };
}
