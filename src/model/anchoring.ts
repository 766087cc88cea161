import search from 'approx-string-match';
import type { Annotation } from './annotations.ts';

/**
 * Hypothesis-style anchoring of a highlight to the plain text of ONE block.
 *
 * A target records the block's id, the quoted text with up to 32 characters
 * of context on each side, and its offsets in the block's text. The texts are
 * plain strings: on the client, the `textContent` of the rendered block, so
 * `describeSelection` and `anchor` must be given texts computed the same way.
 *
 * Block ids are content-addressed (see sync-server/src/library/markdown.ts):
 * a heading's id is its slug, any other block's id is its section's id plus a
 * short hash of its text. Editing a paragraph therefore changes its id, so an
 * annotation whose block is gone is searched for in the other blocks,
 * preferring those of the same section.
 *
 * Order of attempts, cheapest first:
 * 1. the stored position still holds the quote and its context → 'position';
 * 2. an exact occurrence in the same block, best context, then nearest to the
 *    stored position → 'exact' (or 'position' if that is where it was);
 * 3. an approximate occurrence in the same block within `maxQuoteErrors`
 *    edits, scored on quote, context and position like Hypothesis → 'fuzzy';
 * 4. the same two searches over all the other blocks, with a bonus for the
 *    same section and a minimum of context (`isPlausibleElsewhere`) →
 *    'exact' or 'fuzzy';
 * 5. otherwise null: the annotation is detached ("détachée" in the UI).
 */

export type AnnotationTarget = Annotation['target'];
export type TextQuote = NonNullable<AnnotationTarget['quote']>;

/** What anchoring needs of a block: its id and its plain text. */
export interface AnchorBlock {
  id: string;
  text: string;
}

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

/** Where an annotation lands: offsets in the plain text of block `blockId`. */
export interface Placement {
  blockId: string;
  start: number;
  end: number;
  method: AnchorMethod;
}

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;
/** Longest quote accepted (the annotation schema's limit). */
export const MAX_QUOTE_LENGTH = 5000;
/** Upper limit of the fuzzy search's edit budget, whatever the quote's length. */
export const MAX_FUZZY_ERRORS = 32;
/**
 * A quote at least this long is distinctive enough to be relocated to
 * another block on its own, without its context agreeing.
 */
export const DISTINCTIVE_QUOTE_LENGTH = 32;

/**
 * The fuzzy search's bound: at most one edit (insertion, deletion or
 * substitution of a UTF-16 code unit) per five characters of the quote, and
 * never more than 32. So a quote of fewer than 5 characters is only found
 * exactly, a 60-character quote survives 12 edits, and a quote of 160
 * characters or more survives 32.
 */
export function maxQuoteErrors(quoteLength: number): number {
  return Math.min(MAX_FUZZY_ERRORS, Math.floor(quoteLength / 5));
}

/**
 * The target of a selection from `start` to `end` in a block's plain text.
 * Throws (in French, for the UI) if the range is not inside the text, if the
 * selection is empty or only whitespace, or if it exceeds MAX_QUOTE_LENGTH.
 */
export function describeSelection(blockId: string, text: string, start: number, end: number): AnnotationTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end) {
    throw new RangeError(`Sélection hors du texte (${start}–${end} pour un texte de ${text.length} caractères).`);
  }
  const exact = text.slice(start, end);
  if (exact.trim() === '') throw new Error('La sélection est vide : sélectionnez au moins un mot.');
  if (exact.length > MAX_QUOTE_LENGTH) {
    throw new RangeError(`La sélection est trop longue (${MAX_QUOTE_LENGTH} caractères au plus).`);
  }
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  // Never cut a surrogate pair (an emoji) in half at the outer edge of the context.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  if (suffixEnd < text.length && isLowSurrogate(text.charCodeAt(suffixEnd))) suffixEnd -= 1;
  return {
    blockId,
    quote: { exact, prefix: text.slice(prefixStart, start), suffix: text.slice(end, suffixEnd) },
    position: { start, end },
  };
}

/** Anchors one target among a text's blocks; null when it is detached. */
export function anchor(target: AnnotationTarget, blocks: readonly AnchorBlock[]): Placement | null {
  return anchorIn(target, indexBlocks(blocks));
}

/**
 * Anchors the annotations of one text. The blocks are indexed once, and an
 * unchanged text is placed by the position fast path (a map look-up and three
 * string comparisons per annotation).
 */
export function anchorAll<A extends Pick<Annotation, 'id' | 'target'>>(
  annotations: readonly A[],
  blocks: readonly AnchorBlock[],
): { placed: Map<string, Placement>; detached: A[] } {
  const index = indexBlocks(blocks);
  const placed = new Map<string, Placement>();
  const detached: A[] = [];
  for (const annotation of annotations) {
    const placement = anchorIn(annotation.target, index);
    if (placement) placed.set(annotation.id, placement);
    else detached.push(annotation);
  }
  return { placed, detached };
}

/**
 * The section part of a block id: a paragraph's id minus its `-hash` (and
 * the `-2`, `-3`… that makes a repeated paragraph unique); a heading's id is
 * its own section. Blocks before the first heading are in section 'intro'.
 */
export function sectionIdOf(blockId: string): string {
  return blockId.replace(/-[0-9a-f]{8}(?:-\d+)?$/, '');
}

interface BlockIndex {
  blocks: readonly AnchorBlock[];
  byId: Map<string, AnchorBlock>;
}

function indexBlocks(blocks: readonly AnchorBlock[]): BlockIndex {
  const byId = new Map<string, AnchorBlock>();
  // The first block wins, as the importer makes ids unique anyway.
  for (const block of blocks) if (!byId.has(block.id)) byId.set(block.id, block);
  return { blocks, byId };
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

interface Scored extends Candidate {
  blockId: string;
  score: number;
}

function anchorIn(target: AnnotationTarget, index: BlockIndex): Placement | null {
  const home = index.byId.get(target.blockId);
  const quote = target.quote;
  // A note on a whole section (or a block) anchors to the block itself.
  if (!quote || quote.exact === '') return home ? { blockId: home.id, start: 0, end: 0, method: 'position' } : null;

  const position = target.position;
  const hint = position?.start;
  if (home) {
    const text = home.text;
    // 1. Fast path: unchanged text.
    if (
      position &&
      text.slice(position.start, position.end) === quote.exact &&
      text.slice(Math.max(0, position.start - quote.prefix.length), position.start) === quote.prefix &&
      text.slice(position.end, position.end + quote.suffix.length) === quote.suffix
    ) {
      return { blockId: home.id, start: position.start, end: position.end, method: 'position' };
    }
    // 2. Exact occurrences in the same block: best context, then nearest.
    const exact = bestExactInBlock(text, quote, hint);
    if (exact) {
      const unmoved = position !== undefined && exact.start === position.start && exact.end === position.end;
      return { blockId: home.id, start: exact.start, end: exact.end, method: unmoved ? 'position' : 'exact' };
    }
    // 3. Approximate occurrence in the same block.
    const fuzzy = bestFuzzyInBlock(text, quote, hint);
    if (fuzzy) return { blockId: home.id, start: fuzzy.start, end: fuzzy.end, method: 'fuzzy' };
  }
  // 4. The block is gone (edited, so its id changed, or deleted), or the quote
  // is no longer in it: search the other blocks.
  return relocate(target.blockId, quote, hint, index);
}

// Weights of a candidate's score, as in Hypothesis's match-quote.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
/** Bonus for a candidate in the annotation's original section (relocation only). */
const SECTION_WEIGHT = 10;

function exactOccurrences(text: string, exact: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    found.push({ start: at, end: at + exact.length, errors: 0 });
  }
  return found;
}

function bestExactInBlock(text: string, quote: TextQuote, hint: number | undefined): Candidate | null {
  const found = exactOccurrences(text, quote.exact);
  if (found.length <= 1) return found[0] ?? null;
  let best: Candidate | null = null;
  let bestContext = -1;
  let bestDistance = Infinity;
  for (const candidate of found) {
    const context = prefixScore(text, candidate.start, quote.prefix) + suffixScore(text, candidate.end, quote.suffix);
    const distance = hint === undefined ? 0 : Math.abs(candidate.start - hint);
    if (context > bestContext || (context === bestContext && distance < bestDistance)) {
      best = candidate;
      bestContext = context;
      bestDistance = distance;
    }
  }
  return best;
}

function bestFuzzyInBlock(text: string, quote: TextQuote, hint: number | undefined): Candidate | null {
  const maxErrors = maxQuoteErrors(quote.exact.length);
  if (maxErrors === 0 || text === '') return null;
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  for (const candidate of search(text, quote.exact, maxErrors)) {
    const score = weighted(scoreParts(text, candidate, quote, hint));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Whether a candidate in another block is believable: its context agrees at
 * least half-way, or the quote is long enough to be distinctive by itself.
 * Keeps a short quote ("la mairie") from jumping to an unrelated paragraph
 * once its own paragraph is deleted.
 */
function isPlausibleElsewhere(scores: ScoreParts, quote: TextQuote): boolean {
  return quote.exact.length >= DISTINCTIVE_QUOTE_LENGTH || (scores.prefix + scores.suffix) / 2 >= 0.5;
}

function relocate(originalId: string, quote: TextQuote, hint: number | undefined, index: BlockIndex): Placement | null {
  const section = sectionIdOf(originalId);
  const best = (find: (text: string) => Candidate[]): Scored | null => {
    let winner: Scored | null = null;
    for (const block of index.blocks) {
      if (block.id === originalId) continue;
      const bonus = sectionIdOf(block.id) === section ? SECTION_WEIGHT : 0;
      for (const candidate of find(block.text)) {
        const parts = scoreParts(block.text, candidate, quote, hint);
        if (!isPlausibleElsewhere(parts, quote)) continue;
        const score = weighted(parts) + bonus;
        if (!winner || score > winner.score) winner = { ...candidate, blockId: block.id, score };
      }
    }
    return winner;
  };
  const exact = best((text) => exactOccurrences(text, quote.exact));
  if (exact) return { blockId: exact.blockId, start: exact.start, end: exact.end, method: 'exact' };
  const maxErrors = maxQuoteErrors(quote.exact.length);
  if (maxErrors === 0) return null;
  const fuzzy = best((text) => (text === '' ? [] : search(text, quote.exact, maxErrors)));
  if (fuzzy) return { blockId: fuzzy.blockId, start: fuzzy.start, end: fuzzy.end, method: 'fuzzy' };
  return null;
}

/** The parts of a candidate's score, each from 0 to 1. */
interface ScoreParts {
  quote: number;
  prefix: number;
  suffix: number;
  position: number;
}

function scoreParts(text: string, candidate: Candidate, quote: TextQuote, hint: number | undefined): ScoreParts {
  return {
    quote: 1 - candidate.errors / quote.exact.length,
    prefix: prefixScore(text, candidate.start, quote.prefix),
    suffix: suffixScore(text, candidate.end, quote.suffix),
    position: hint === undefined ? 1 : Math.max(0, 1 - Math.abs(candidate.start - hint) / Math.max(1, text.length)),
  };
}

function weighted(parts: ScoreParts): number {
  return (
    QUOTE_WEIGHT * parts.quote +
    PREFIX_WEIGHT * parts.prefix +
    SUFFIX_WEIGHT * parts.suffix +
    POSITION_WEIGHT * parts.position
  );
}

/**
 * How well the text before `start` agrees with the stored prefix, from 0 to 1.
 * An empty stored prefix means the quote began its block: 1 at a block's
 * start, a neutral 0.5 elsewhere.
 */
function prefixScore(text: string, start: number, prefix: string): number {
  const expected = prefix.slice(-CONTEXT_LENGTH);
  if (expected === '') return start === 0 ? 1 : 0.5;
  return similarity(text.slice(Math.max(0, start - expected.length), start), expected);
}

/** Same as `prefixScore` for the text after `end`. */
function suffixScore(text: string, end: number, suffix: string): number {
  const expected = suffix.slice(0, CONTEXT_LENGTH);
  if (expected === '') return end === text.length ? 1 : 0.5;
  return similarity(text.slice(end, end + expected.length), expected);
}

/** 1 − normalised Levenshtein distance (both strings are at most 32 characters). */
function similarity(actual: string, expected: string): number {
  if (actual === expected) return 1;
  const longest = Math.max(actual.length, expected.length);
  return 1 - levenshtein(actual, expected) / longest;
}

function levenshtein(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Where a passage typed or pasted by the user sits in some blocks (the
 * keyboard's way to highlight): exact text first, then ignoring case and
 * runs of spaces, then the bounded fuzzy match. Null when it is not there.
 */
export function findPassage(passage: string, blocks: readonly AnchorBlock[]): Omit<Placement, 'method'> | null {
  const wanted = passage.trim();
  if (!wanted) return null;
  for (const block of blocks) {
    const start = block.text.indexOf(wanted);
    if (start >= 0) return { blockId: block.id, start, end: start + wanted.length };
  }
  const loose = new RegExp(
    wanted
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+'),
    'iu',
  );
  for (const block of blocks) {
    const match = loose.exec(block.text);
    if (match) return { blockId: block.id, start: match.index, end: match.index + match[0].length };
  }
  const placement = anchor({ blockId: '', quote: { exact: wanted, prefix: '', suffix: '' } }, blocks);
  return placement && { blockId: placement.blockId, start: placement.start, end: placement.end };
}
