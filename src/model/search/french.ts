/**
 * French text analysis for search: folding (case, accents, ligatures),
 * elisions, compounds, stop words and a light stemmer. Pure functions, no
 * DOM: the same code runs in tests, in the page and in the bench.
 *
 * Every token keeps its offsets in the text it came from, so that a match on
 * the folded form can be highlighted in the original text, accents and all.
 */

/** Articles and pronouns that lose their vowel before another word: « l'alliance ». */
const ELISIONS = new Set(['l', 'd', 'qu', 'j', 'n', 's', 'c', 'm', 't', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu']);

/**
 * Words too common to tell documents apart, in folded form. Kept short on
 * purpose: a word missing here costs a little ranking noise, a word wrongly
 * here makes a query unanswerable.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a ai au aux avec avait avez avons c ca car ce ceci cela celle celles celui ces cet cette ceux chez comme ' +
    'd dans de des donc dont du elle elles en entre est et etaient etait etc ete etre eu eux il ils j je l la le ' +
    'les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous on ont or ou par pas peu plus pour ' +
    'qu quand que quel quelle quelles quels qui s sa sans se ses si son sont sous sur t ta te tes toi ton tous ' +
    'tout toute toutes tres tu un une vers vos votre vous y'
  ).split(' '),
);

/** Lowercase, without diacritics, ligatures spelt out: « Œuvre » → « oeuvre », « Économie » → « economie ». */
export function foldFrench(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

const WORD_CHARS = '\\p{L}\\p{N}\\p{M}';
/** Characters that join two words into one token: hyphens, apostrophes, the ampersand of « R&D ». */
const JOINERS = "\\-\\u2010\\u2011'\\u2019\\u02BC&";
const APOSTROPHE = /^['\u2019\u02BC]$/;
const WORD = new RegExp(`[${WORD_CHARS}]+(?:[${JOINERS}][${WORD_CHARS}]+)*`, 'gu');
const SEGMENT = new RegExp(`[${WORD_CHARS}]+`, 'gu');
const LEADING_ELISION = new RegExp(
  `(^|[^${WORD_CHARS}])(?:${[...ELISIONS].join('|')})['\\u2019\\u02BC](?=[${WORD_CHARS}])`,
  'gu',
);
const INNER_JOINER = new RegExp(`(?<=[${WORD_CHARS}])[${JOINERS}](?=[${WORD_CHARS}])`, 'gu');

/**
 * Folds a text as search sees it: lowercase, no accents, œ → oe, elisions
 * dropped (« l'État » → « etat »), compounds written as one word
 * (« co-construction » → « coconstruction »).
 */
export function normalizeFrench(text: string): string {
  return foldFrench(text).replace(LEADING_ELISION, '$1').replace(INNER_JOINER, '');
}

export interface Token {
  /** Folded form, before stemming: « coconstruction ». */
  term: string;
  /** Offsets in the original text: `text.slice(start, end)` is what the reader sees. */
  start: number;
  end: number;
  /** True for one word of a compound (« construction » in « co-construction »), also indexed on its own. */
  part?: boolean;
}

/** A bounded memo: the vocabulary of a library is small, its running text is not. */
function memo<T>(compute: (key: string) => T, limit = 50_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = compute(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, value);
    }
    return value as T;
  };
}

const foldWord = memo(foldFrench);
const HAS_JOINER = new RegExp(`[${JOINERS}]`, 'u');

/**
 * Calls `visit` for each word of a text with its folded form and offsets,
 * without building arrays, until it returns false: the same walk serves
 * indexing and snippets. A compound gives its joined form, then (with
 * `parts`) each of its words of three letters or more, so « tiers lieu »
 * still finds « tiers-lieu ».
 */
export function forEachToken(
  text: string,
  parts: boolean,
  visit: (term: string, start: number, end: number, part: boolean) => boolean | void,
): void {
  const words = new RegExp(WORD); // its own lastIndex: `visit` may tokenize too
  for (let match = words.exec(text); match; match = words.exec(text)) {
    const word = match[0];
    const at = match.index;
    if (!HAS_JOINER.test(word)) {
      if (visit(foldWord(word), at, at + word.length, false) === false) return;
      continue;
    }
    const segments = [...word.matchAll(SEGMENT)].map((m) => ({
      term: foldWord(m[0]),
      start: at + m.index,
      end: at + m.index + m[0].length,
    }));
    const first = segments[0]!;
    if (segments.length > 1 && ELISIONS.has(first.term) && APOSTROPHE.test(text[first.end]!)) segments.shift();
    if (visit(segments.map((s) => s.term).join(''), segments[0]!.start, segments.at(-1)!.end, false) === false) return;
    if (parts && segments.length > 1) {
      for (const s of segments) {
        if (s.term.length >= 3 && !STOP_WORDS.has(s.term) && visit(s.term, s.start, s.end, true) === false) return;
      }
    }
  }
}

/** The words of a text with their offsets (see `forEachToken`). */
export function tokenizeFrench(text: string, { parts = false }: { parts?: boolean } = {}): Token[] {
  const tokens: Token[] = [];
  forEachToken(text, parts, (term, start, end, part) => {
    tokens.push(part ? { term, start, end, part } : { term, start, end });
  });
  return tokens;
}

const STEM_EXCEPTIONS: Record<string, string> = { travaux: 'travail' };

/**
 * A light stemmer for French, after J. Savoy's minimal stemmer: it folds
 * plurals, feminines and a few agent forms together and nothing more, so it
 * rarely merges words of different meaning. Expects a folded word.
 *
 *   territoires, territoire → territoi     territoriaux, territoriale(s) → territorial
 *   acteurs, actrice → acteu               économiques → economiqu
 */
export function stemFrench(word: string): string {
  let w = STEM_EXCEPTIONS[word] ?? word;
  if (w.length < 5 || /\d/.test(w)) return w;
  // Plurals.
  if (w.endsWith('eaux')) w = w.slice(0, -1);
  else if (w.endsWith('aux')) w = `${w.slice(0, -3)}al`;
  else if (w.endsWith('x')) w = w.slice(0, -1);
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  // Feminine and agent forms that change their ending.
  if (w.length >= 8 && w.endsWith('trice')) w = `${w.slice(0, -5)}teur`;
  else if (w.length >= 7 && w.endsWith('euse')) w = `${w.slice(0, -4)}eur`;
  else if (w.length >= 6 && w.endsWith('ive')) w = `${w.slice(0, -3)}if`;
  if (w.length < 6) return w;
  // Mute endings: -e, -er, -ee (« engagée », « engager », « engagé » → « engag »).
  if (w.endsWith('e')) w = w.slice(0, -1);
  if (w.endsWith('r')) w = w.slice(0, -1);
  if (w.endsWith('e')) w = w.slice(0, -1);
  // A doubled final consonant: « personnelle » → « personnell » → « personnel ».
  const last = w.at(-1)!;
  if (last === w.at(-2) && /[b-df-hj-np-tv-z]/.test(last)) w = w.slice(0, -1);
  return w;
}

/** The term a folded word is indexed under, or undefined for a stop word. */
export const indexTerm: (term: string) => string | undefined = memo((term) =>
  STOP_WORDS.has(term) ? undefined : stemFrench(term),
);

/** Every indexed term of a text, in order (compounds give their parts too). */
export function analyzeFrench(text: string): string[] {
  const terms: string[] = [];
  forEachToken(text, true, (token) => {
    const term = indexTerm(token);
    if (term) terms.push(term);
  });
  return terms;
}

/**
 * The terms of a query. Stop words are dropped, except when the query is a
 * single word being typed (« entre » on the way to « entreprise »).
 */
export function analyzeQuery(query: string): string[] {
  const tokens = tokenizeFrench(query);
  const terms = tokens.flatMap((t) => indexTerm(t.term) ?? []);
  if (terms.length === 0 && tokens.length === 1 && tokens[0]!.term.length >= 3) return [tokens[0]!.term];
  return terms;
}
