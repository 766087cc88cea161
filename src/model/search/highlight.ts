import { forEachToken, indexTerm } from './french.ts';

/** `[start, end)` offsets into a string. */
export type Range = readonly [start: number, end: number];

/** A passage of a document's text, verbatim, with the words that matched. */
export interface Snippet {
  /** A slice of the original text: accents, case and punctuation as written. */
  text: string;
  /** Sorted, non-overlapping offsets into `text` of the words to mark. */
  highlights: Range[];
  /** Offset of `text` in the whole document text. */
  start: number;
  /** Whether the passage starts or ends inside the text (show « … » there). */
  truncatedStart: boolean;
  truncatedEnd: boolean;
}

interface Hit {
  start: number;
  end: number;
  term: string;
}

/**
 * Where the given indexed terms occur in a text, in order, as offsets into
 * that text (a compound comes before its words). With `enough`, the reading
 * stops at the first passage of `span` characters holding that many
 * different terms: no later passage can be better, and long texts stay cheap.
 */
export function findHits(text: string, terms: ReadonlySet<string>, enough?: { distinct: number; span: number }): Hit[] {
  if (terms.size === 0) return [];
  const hits: Hit[] = [];
  forEachToken(text, true, (token, start, end) => {
    const term = indexTerm(token);
    if (term === undefined || !terms.has(term)) return true;
    hits.push({ start, end, term });
    if (!enough) return true;
    const inSpan = new Set<string>();
    for (let i = hits.length - 1; i >= 0 && end - hits[i]!.start <= enough.span; i--) inSpan.add(hits[i]!.term);
    return inSpan.size < enough.distinct;
  });
  return hits;
}

/** Ranges of the hits, merged where they overlap (a compound and one of its words). */
export function mergeRanges(hits: readonly { start: number; end: number }[], offset = 0, limit = Infinity): Range[] {
  const ranges: [number, number][] = [];
  for (const { start, end } of hits) {
    if (start < offset || end > limit) continue;
    const last = ranges.at(-1);
    if (last && start - offset <= last[1]) last[1] = Math.max(last[1], end - offset);
    else ranges.push([start - offset, end - offset]);
  }
  return ranges;
}

/** Highlights of the given terms in a short text, such as a title. */
export function highlightTerms(text: string, terms: ReadonlySet<string>): Range[] {
  return mergeRanges(findHits(text, terms));
}

const SENTENCE_END = /[.!?;:]\s|\n/g;

/**
 * The passage of about `length` characters that holds the most different
 * matched terms (then the most matches), cut at word boundaries and started
 * at a sentence when one begins shortly before. Without matches, the start
 * of the text. A passage with `enough` different terms (one per query word)
 * ends the search for a better one.
 */
export function makeSnippet(text: string, terms: ReadonlySet<string>, length = 160, enough = Infinity): Snippet {
  const span = Math.round(length * 0.75);
  const hits = findHits(text, terms, { distinct: Math.min(enough, terms.size), span });
  let start = 0;
  let lastHitEnd = 0;
  if (hits.length > 0) {
    const best = bestWindow(hits, span);
    const first = hits[best.from]!;
    lastHitEnd = hits[best.to]!.end;
    start = passageStart(text, first.start, Math.max(0, Math.min(40, length - (lastHitEnd - first.start))));
  }
  const end = passageEnd(text, start + length, Math.max(lastHitEnd, start));
  const slice = text.slice(start, end);
  const lead = slice.length - slice.trimStart().length;
  const body = slice.trim();
  return {
    text: body,
    highlights: mergeRanges(hits, start + lead, start + lead + body.length),
    start: start + lead,
    truncatedStart: /\S/.test(text.slice(0, start)),
    truncatedEnd: /\S/.test(text.slice(end)),
  };
}

/** Indices of the first and last hit of the best window of `span` characters. */
function bestWindow(hits: Hit[], span: number): { from: number; to: number } {
  let best = { from: 0, to: 0, distinct: 0, count: 0 };
  const counts = new Map<string, number>();
  let to = -1;
  for (let from = 0; from < hits.length; from++) {
    while (to + 1 < hits.length && hits[to + 1]!.end - hits[from]!.start <= span) {
      to++;
      counts.set(hits[to]!.term, (counts.get(hits[to]!.term) ?? 0) + 1);
    }
    if (to < from) {
      // A single hit longer than the span: take it alone.
      to = from;
      counts.set(hits[to]!.term, (counts.get(hits[to]!.term) ?? 0) + 1);
    }
    const count = to - from + 1;
    if (counts.size > best.distinct || (counts.size === best.distinct && count > best.count)) {
      best = { from, to, distinct: counts.size, count };
    }
    const term = hits[from]!.term;
    const left = counts.get(term)! - 1;
    if (left === 0) counts.delete(term);
    else counts.set(term, left);
  }
  return best;
}

/** Where to start a passage whose first match is at `hitStart`: a sentence start, else a word start. */
function passageStart(text: string, hitStart: number, room: number): number {
  const from = Math.max(0, hitStart - room);
  let sentence = -1;
  SENTENCE_END.lastIndex = from;
  for (let m = SENTENCE_END.exec(text); m && m.index + m[0].length <= hitStart; m = SENTENCE_END.exec(text)) {
    sentence = m.index + m[0].length;
  }
  if (sentence >= 0) return sentence;
  if (from === 0) return 0;
  // Back to the start of the word `from` falls in, or forward to the next one.
  const before = text.slice(Math.max(0, from - 15), from).search(/\s\S*$/);
  if (before >= 0) return Math.max(0, from - 15) + before + 1;
  const after = text.slice(from, hitStart).search(/\s/);
  return after >= 0 ? from + after + 1 : hitStart;
}

/** Where to end a passage near `target`, at a word boundary, not before `atLeast`. */
function passageEnd(text: string, target: number, atLeast: number): number {
  if (target >= text.length) return text.length;
  if (target > atLeast) {
    const lastSpace = text.slice(atLeast, target + 1).search(/\s\S*$/);
    if (lastSpace > 0) return atLeast + lastSpace;
  }
  const from = Math.max(target, atLeast);
  const next = text.slice(from).search(/\s/);
  return next >= 0 ? from + next : text.length;
}

/** Splits a text into plain and highlighted runs, for rendering `<mark>` as elements. */
export function splitHighlights(text: string, highlights: readonly Range[]): { text: string; highlighted: boolean }[] {
  const runs: { text: string; highlighted: boolean }[] = [];
  let at = 0;
  for (const [start, end] of highlights) {
    if (start > at) runs.push({ text: text.slice(at, start), highlighted: false });
    if (end > start) runs.push({ text: text.slice(start, end), highlighted: true });
    at = Math.max(at, end);
  }
  if (at < text.length) runs.push({ text: text.slice(at), highlighted: false });
  return runs;
}
