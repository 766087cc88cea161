/**
 * The official list of French communes, as the app ships it.
 *
 * The source is the npm package `@etalab/decoupage-administratif` (INSEE's
 * Code officiel géographique, with La Poste's postcodes and INSEE's legal
 * populations). Its communes.json weighs 8.6 MB (770 KB gzipped): too much
 * to parse on a phone for a search box. `scripts/build-communes.mjs` turns it
 * into `communes.generated.json` with `compactCommunes` below: only what the
 * search needs, as arrays rather than objects, populations rounded. The
 * client loads that file lazily and indexes it (communes.ts).
 */

/** One record of the package's communes.json, the fields used here. */
export interface RawCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement: string;
  codesPostaux?: string[];
  population?: number;
  /** Delegated and associated communes: the current commune they belong to. */
  chefLieu?: string;
  /** Municipal arrondissements: their commune (Paris, Lyon, Marseille). */
  commune?: string;
}

/** [INSEE code, name, département code, postcodes separated by spaces, population rounded]. */
export type CompactCommune = [code: string, name: string, departement: string, postcodes: string, population: number];
/** [INSEE code, name, current commune's code]. */
export type CompactAlias = [code: string, name: string, communeCode: string];

export interface CompactCommunes {
  /** The npm package the data comes from, and its version. */
  source: string;
  version: string;
  /** The year of the Code officiel géographique (1 January) the package carries. */
  year: number;
  /** Current communes, by code. */
  communes: CompactCommune[];
  /**
   * Former communes merged into a current one and still existing as
   * delegated or associated communes, by code: people still say their name.
   */
  former: CompactAlias[];
  /** Municipal arrondissements of Paris, Lyon and Marseille, by code. */
  districts: CompactAlias[];
}

export const COMMUNES_PACKAGE = '@etalab/decoupage-administratif';

/**
 * Two significant digits are plenty to rank homonyms by size, and save a
 * fifth of the compressed file: exact populations are the least compressible
 * part of it. 860 → 860, 1 234 → 1 200, 2 103 778 → 2 100 000.
 */
export function roundPopulation(population: number | undefined): number {
  if (!population || population < 0) return 0;
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(population)) - 1);
  return Math.round(population / unit) * unit;
}

const byCode = <T extends [string, ...unknown[]]>(a: T, b: T) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The compact form of the package's communes.json. */
export function compactCommunes(
  raw: readonly RawCommune[],
  source: { version: string; year: number },
): CompactCommunes {
  const communes: CompactCommune[] = [];
  const former: CompactAlias[] = [];
  const districts: CompactAlias[] = [];
  for (const record of raw) {
    switch (record.type) {
      case 'commune-actuelle':
        communes.push([
          record.code,
          record.nom,
          record.departement,
          (record.codesPostaux ?? []).join(' '),
          roundPopulation(record.population),
        ]);
        break;
      case 'commune-deleguee':
      case 'commune-associee':
        if (record.chefLieu) former.push([record.code, record.nom, record.chefLieu]);
        break;
      case 'arrondissement-municipal':
        if (record.commune) districts.push([record.code, record.nom, record.commune]);
        break;
    }
  }
  const current = new Set(communes.map((c) => c[0]));
  const dangling = [...former, ...districts].filter((alias) => !current.has(alias[2]));
  if (dangling.length > 0) {
    throw new Error(`Communes without a current commune: ${dangling.map((alias) => alias[0]).join(', ')}`);
  }
  return {
    source: COMMUNES_PACKAGE,
    version: source.version,
    year: source.year,
    communes: communes.sort(byCode),
    former: former.sort(byCode),
    districts: districts.sort(byCode),
  };
}

/**
 * The year of the data in a given version of the package, read from the
 * table of its README (« | 2026 | 6.0.0 | … »): the package carries no other
 * record of it.
 */
export function packageYear(readme: string, version: string): number | undefined {
  const escaped = version.replace(/\./g, '\\.');
  const row = new RegExp(`^\\|\\s*(\\d{4})\\s*\\|\\s*${escaped}\\s*\\|`, 'm').exec(readme);
  return row ? Number(row[1]) : undefined;
}

/**
 * The file as written to disk: one commune per line, so that a new year of
 * data shows as a readable diff. The script then runs Prettier over it (it
 * only wraps the few lines over 120 characters), so that `prettier --check`
 * passes.
 */
export function serialiseCompactCommunes(data: CompactCommunes): string {
  const list = (rows: readonly unknown[][]) =>
    rows.length === 0
      ? '[]'
      : `[\n${rows.map((row) => `    [${row.map((v) => JSON.stringify(v)).join(', ')}]`).join(',\n')}\n  ]`;
  return [
    '{',
    `  "source": ${JSON.stringify(data.source)},`,
    `  "version": ${JSON.stringify(data.version)},`,
    `  "year": ${data.year},`,
    `  "communes": ${list(data.communes)},`,
    `  "former": ${list(data.former)},`,
    `  "districts": ${list(data.districts)}`,
    '}',
    '',
  ].join('\n');
}
