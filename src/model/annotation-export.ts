import { anchorAll } from './anchoring.ts';
import { ANNOTATION_COLORS, type Annotation, type AnnotationColor } from './annotations.ts';
import { blockSections, type Block } from './library.ts';
import { ISO_DATE_TIME, USER_ID_PATTERN } from './user-documents.ts';
import { SLUG_PATTERN } from './vocabulary.ts';

/**
 * Exports of a reader's annotations: a printable Markdown file, and the W3C
 * Web Annotation format (JSON-LD) for other tools and for re-import.
 * Pure functions: the caller reads the collections and saves the file.
 */

/** What the Markdown export needs of a text. */
export interface ExportedResource {
  id: string;
  title: string;
  blocks: Block[];
}

export interface MarkdownOptions {
  /** Time zone of the dates (default: the device's). */
  timeZone?: string;
}

// ---------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------

/**
 * The annotations as a printable French Markdown document: per text
 * (`## title`), per level-2 section (`### heading`), each annotation as the
 * quote in a blockquote, the note, then "colour · date". Annotations that no
 * longer anchor in their text go under "### Annotations détachées". Texts
 * follow the order of `resources`; annotations on a text not given come
 * last, all detached. Every piece of user or library text is escaped.
 */
export function toMarkdown(
  annotations: readonly Annotation[],
  resources: readonly ExportedResource[],
  options: MarkdownOptions = {},
): string {
  const out: string[] = ['# Mes annotations'];
  if (annotations.length === 0) {
    out.push('Aucune annotation pour l’instant.');
    return out.join('\n\n') + '\n';
  }
  const date = dateFormatter(options.timeZone);
  const byResource = groupBy(annotations, (a) => a.resourceId);
  const known = new Set(resources.map((r) => r.id));

  for (const resource of resources) {
    const own = byResource.get(resource.id);
    if (!own) continue;
    out.push(`## ${escapeInline(resource.title)}`);
    const { placed, detached } = anchorAll(own, resource.blocks);
    const order = new Map(resource.blocks.map((b, i) => [b.id, i]));
    const sections = blockSections(resource.blocks);
    const located = own
      .filter((a) => placed.has(a.id))
      .map((a) => {
        const placement = placed.get(a.id)!;
        return { annotation: a, index: order.get(placement.blockId)!, start: placement.start };
      })
      .sort((x, y) => x.index - y.index || x.start - y.start || compareCreated(x.annotation, y.annotation));
    let currentSection: number | undefined;
    for (const { annotation, index } of located) {
      const section = sections[index]!;
      if (section.key !== currentSection) {
        out.push(`### ${escapeInline(section.title)}`);
        currentSection = section.key;
      }
      out.push(...annotationMarkdown(annotation, date));
    }
    if (detached.length > 0) {
      out.push('### Annotations détachées');
      for (const annotation of [...detached].sort(compareCreated)) out.push(...annotationMarkdown(annotation, date));
    }
  }

  for (const [resourceId, own] of byResource) {
    if (known.has(resourceId)) continue;
    out.push(`## ${escapeInline(`Texte introuvable (${resourceId})`)}`, '### Annotations détachées');
    for (const annotation of [...own].sort(compareCreated)) out.push(...annotationMarkdown(annotation, date));
  }
  return out.join('\n\n') + '\n';
}

function annotationMarkdown(annotation: Annotation, date: Intl.DateTimeFormat): string[] {
  const parts: string[] = [];
  const quote = annotation.target.quote?.exact;
  if (quote && quote.trim() !== '') {
    parts.push(
      escapeBlock(quote)
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n'),
    );
  }
  if (annotation.note.trim() !== '') parts.push(escapeBlock(annotation.note));
  const meta = [annotation.color, formatDate(annotation.createdAt, date)];
  if (annotation.authorName) meta.push(annotation.authorName);
  parts.push(`*${meta.map(escapeInline).join(' · ')}*`);
  return parts;
}

function dateFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
}

function formatDate(iso: string, format: Intl.DateTimeFormat): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : format.format(time);
}

/** Backslash-escapes the characters that make inline Markdown or HTML. */
function escapeInlineCharacters(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&#]/g, '\\$&');
}

/** One line of text (a title, a heading): line breaks become spaces. */
export function escapeInline(text: string): string {
  return escapeInlineCharacters(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

/**
 * A user's multi-line text as Markdown that renders as that text and nothing
 * else: inline markers and HTML are escaped, a line cannot start a heading,
 * a quote, a list, a code block or a rule, and line breaks are kept (two
 * trailing spaces); blank lines still separate paragraphs. Leading
 * indentation is dropped (four spaces would start a code block).
 */
export function escapeBlock(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      escapeInlineCharacters(line.trimStart().replace(/\s+$/, ''))
        .replace(/^([-+=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    );
  // Collapse runs of blank lines, and drop them at both ends.
  const kept = lines.filter((line, i) => line !== '' || (i > 0 && lines[i - 1] !== ''));
  while (kept.length > 0 && kept[0] === '') kept.shift();
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.map((line, i) => (line !== '' && kept[i + 1] ? `${line}  ` : line)).join('\n');
}

// ---------------------------------------------------------------------------
// W3C Web Annotation
// ---------------------------------------------------------------------------

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface FragmentSelector {
  type: 'FragmentSelector';
  conformsTo: string;
  value: string;
}

export type WebSelector = TextQuoteSelector | TextPositionSelector | FragmentSelector;

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
  language?: 'fr';
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  created: string;
  modified: string;
  motivation: 'highlighting' | 'commenting';
  creator?: { type: 'Person'; name: string };
  body: TextualBody[];
  target: { source: string; selector: WebSelector[] };
}

export interface WebAnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** The IRI that a FragmentSelector's value conforms to (an HTML fragment identifier). */
const FRAGMENT_SPEC = 'http://tools.ietf.org/rfc/rfc3986';

/**
 * The annotations as one W3C AnnotationCollection with its single page
 * embedded (`first.items`). Each annotation targets the block
 * `${baseUrl}/ressources/${resourceId}#${blockId}`, the quote and position
 * being relative to that block's plain text; a note on a whole section has
 * only the FragmentSelector. The colour is a tagging body.
 */
export function toWebAnnotations(annotations: readonly Annotation[], baseUrl: string): WebAnnotationCollection {
  const base = baseUrl.replace(/\/+$/, '');
  const items = annotations.map((a): WebAnnotation => {
    const { blockId, quote, position } = a.target;
    const selector: WebSelector[] = [];
    if (quote)
      selector.push({ type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix });
    if (quote && position) selector.push({ type: 'TextPositionSelector', start: position.start, end: position.end });
    selector.push({ type: 'FragmentSelector', conformsTo: FRAGMENT_SPEC, value: blockId });
    const hasNote = a.note.trim() !== '';
    const body: TextualBody[] = [];
    if (hasNote)
      body.push({ type: 'TextualBody', value: a.note, format: 'text/plain', language: 'fr', purpose: 'commenting' });
    body.push({ type: 'TextualBody', purpose: 'tagging', value: a.color });
    return {
      id: `${base}/annotations/${encodeURIComponent(a.id)}`,
      type: 'Annotation',
      created: a.createdAt,
      modified: a.updatedAt,
      motivation: hasNote ? 'commenting' : 'highlighting',
      ...(a.authorName ? { creator: { type: 'Person' as const, name: a.authorName } } : {}),
      body,
      target: {
        source: `${base}/ressources/${encodeURIComponent(a.resourceId)}#${encodeURIComponent(blockId)}`,
        selector,
      },
    };
  });
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `${base}/annotations`,
    type: 'AnnotationCollection',
    label: 'Mes annotations',
    total: items.length,
    first: { id: `${base}/annotations#page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** What an import gives back; the caller adds ownerId, workspaceId and rev. */
export type ImportedAnnotation = Pick<
  Annotation,
  'id' | 'resourceId' | 'target' | 'color' | 'note' | 'createdAt' | 'updatedAt'
>;

export interface ImportResult {
  annotations: ImportedAnnotation[];
  /** Items refused, one French sentence each. */
  errors: string[];
  /** Items kept with a fix-up (unknown colour, duplicate…), one French sentence each. */
  warnings: string[];
}

export interface ImportOptions {
  /** Date given to an item with neither `created` nor `modified` (default: now). */
  now?: string;
}

const MAX_NOTE = 20000;
const MAX_QUOTE = 5000;
const MAX_CONTEXT = 200;
const MAX_BLOCK_ID = 128;
const MAX_RESOURCE_ID = 64;

/**
 * Reads a Web Annotation export back: an AnnotationCollection (items in
 * `first.items`, or directly in `items`), an AnnotationPage, a single
 * Annotation, or a plain array of Annotations. Each item is validated against
 * the annotation schema's limits; an invalid item is left out with an error,
 * the others are kept. The same id twice in the file keeps the most recently
 * modified.
 */
export function fromWebAnnotations(json: unknown, options: ImportOptions = {}): ImportResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const items = itemsOf(json);
  if (typeof items === 'string') return { annotations: [], errors: [items], warnings };

  const now = options.now ?? new Date().toISOString();
  const byId = new Map<string, ImportedAnnotation>();
  for (const [i, item] of items.entries()) {
    const label = `Annotation n° ${i + 1}`;
    const parsed = parseItem(item, now);
    if ('error' in parsed) {
      errors.push(`${label} ignorée : ${parsed.error}`);
      continue;
    }
    for (const warning of parsed.warnings) warnings.push(`${label} : ${warning}`);
    const annotation = parsed.annotation;
    const previous = byId.get(annotation.id);
    if (previous) {
      warnings.push(
        `${label} : l’identifiant ${annotation.id} apparaît plusieurs fois, seule la version la plus récente est gardée.`,
      );
      if (!isNewer(annotation.updatedAt, previous.updatedAt)) continue;
    }
    byId.set(annotation.id, annotation);
  }
  return { annotations: [...byId.values()], errors, warnings };
}

function itemsOf(json: unknown): unknown[] | string {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) return 'Le fichier n’est pas un export d’annotations : un objet JSON était attendu.';
  if (hasType(json, 'Annotation')) return [json];
  if (hasType(json, 'AnnotationCollection')) {
    if (Array.isArray(json.items)) return json.items;
    const first = json.first;
    if (isObject(first) && Array.isArray(first.items)) return first.items;
    if (typeof first === 'string') {
      return 'Cette collection renvoie à une page en ligne : seules les collections dont les annotations sont incluses dans le fichier peuvent être importées.';
    }
    if (json.total === 0) return [];
    return 'La collection ne contient pas de liste d’annotations (« first.items »).';
  }
  if (hasType(json, 'AnnotationPage') && Array.isArray(json.items)) return json.items;
  return 'Le fichier n’est pas un export d’annotations au format W3C (type « AnnotationCollection » attendu).';
}

type Parsed = { annotation: ImportedAnnotation; warnings: string[] } | { error: string };

function parseItem(item: unknown, now: string): Parsed {
  if (!isObject(item)) return { error: 'ce n’est pas un objet JSON.' };
  if (item.type !== undefined && !hasType(item, 'Annotation')) return { error: 'son type n’est pas « Annotation ».' };
  const warnings: string[] = [];

  const id = idFromIri(item.id);
  if (!id) return { error: 'identifiant (« id ») absent ou invalide.' };

  const targetValue = Array.isArray(item.target) ? item.target[0] : item.target;
  if (targetValue === undefined || targetValue === null) return { error: 'cible (« target ») absente.' };
  const target = parseTarget(targetValue);
  if (typeof target === 'string') return { error: target };

  const bodies = (Array.isArray(item.body) ? item.body : item.body === undefined ? [] : [item.body]).filter(isObject);
  let color: AnnotationColor = 'jaune';
  const notes: string[] = [];
  for (const body of bodies) {
    const value = typeof body.value === 'string' ? body.value : undefined;
    if (value === undefined) continue;
    if (body.purpose === 'tagging') {
      if ((ANNOTATION_COLORS as readonly string[]).includes(value)) color = value as AnnotationColor;
      else warnings.push(`couleur inconnue « ${value.slice(0, 40)} », remplacée par « jaune ».`);
    } else if (value.trim() !== '') {
      notes.push(value);
    }
  }
  const note = notes.join('\n\n');
  if (note.length > MAX_NOTE) return { error: `note trop longue (${MAX_NOTE} caractères au plus).` };

  const created = parseDate(item.created);
  const modified = parseDate(item.modified);
  if (created === null || modified === null) return { error: 'date (« created » ou « modified ») invalide.' };
  if (created === undefined && modified === undefined) {
    warnings.push('aucune date, la date de l’import est utilisée.');
  }
  const createdAt = created ?? modified ?? now;
  const updatedAt = modified ?? created ?? now;

  return {
    annotation: { id, resourceId: target.resourceId, target: target.target, color, note, createdAt, updatedAt },
    warnings,
  };
}

function parseTarget(value: unknown): { resourceId: string; target: Annotation['target'] } | string {
  const source = typeof value === 'string' ? value : isObject(value) ? value.source : undefined;
  if (typeof source !== 'string') return 'cible sans adresse de texte (« source »).';
  const match = /\/ressources\/([^/?#]+)(?:[?][^#]*)?(?:#(.*))?$/.exec(source);
  const resourceId = match ? safeDecode(match[1]!) : undefined;
  if (!resourceId || resourceId.length > MAX_RESOURCE_ID || !new RegExp(SLUG_PATTERN).test(resourceId)) {
    return `la cible « ${source.slice(0, 120)} » n’est pas un texte de la bibliothèque.`;
  }

  const selectors = isObject(value) ? flattenSelectors(value.selector) : [];
  const fragment = selectors.find((s) => s.type === 'FragmentSelector');
  const blockId =
    (fragment && typeof fragment.value === 'string' ? fragment.value : undefined) ??
    (match?.[2] ? safeDecode(match[2]) : undefined);
  if (!blockId || blockId.length > MAX_BLOCK_ID) return 'cible sans bloc de texte (fragment « #… »).';

  const target: Annotation['target'] = { blockId };
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (quote) {
    if (typeof quote.exact !== 'string' || quote.exact === '') return 'citation (« exact ») vide.';
    if (quote.exact.length > MAX_QUOTE) return `citation trop longue (${MAX_QUOTE} caractères au plus).`;
    const prefix = typeof quote.prefix === 'string' ? quote.prefix.slice(-MAX_CONTEXT) : '';
    const suffix = typeof quote.suffix === 'string' ? quote.suffix.slice(0, MAX_CONTEXT) : '';
    target.quote = { exact: quote.exact, prefix, suffix };
  }
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  if (position && target.quote) {
    const { start, end } = position;
    if (typeof start !== 'number' || typeof end !== 'number' || !isRange(start, end)) {
      return 'position (« TextPositionSelector ») invalide.';
    }
    target.position = { start, end };
  }
  return { resourceId, target };
}

function isRange(start: number, end: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start;
}

/** Selectors as a flat list, following `refinedBy` (a FragmentSelector refined by a quote). */
function flattenSelectors(value: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4) return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth));
    if (!isObject(v)) return;
    out.push(v);
    if (v.refinedBy !== undefined) visit(v.refinedBy, depth + 1);
  };
  visit(value, 0);
  return out;
}

/** The annotation's own id from its IRI: the last path segment, or the urn:uuid. */
function idFromIri(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const raw = value.startsWith('urn:uuid:')
    ? value.slice('urn:uuid:'.length)
    : value
        .replace(/[?#].*$/, '')
        .split('/')
        .pop();
  const id = raw === undefined ? undefined : safeDecode(raw);
  return id && new RegExp(USER_ID_PATTERN).test(id) ? id : undefined;
}

/** undefined when absent, null when present but not an ISO date-time. */
function parseDate(value: unknown): string | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !new RegExp(ISO_DATE_TIME).test(value) || Number.isNaN(Date.parse(value))) {
    return null;
  }
  return value;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasType(value: Record<string, unknown>, type: string): boolean {
  return value.type === type || (Array.isArray(value.type) && value.type.includes(type));
}

// ---------------------------------------------------------------------------
// Merging an import into the device's annotations
// ---------------------------------------------------------------------------

export interface MergePlan {
  /** Unknown ids: to insert (with the caller's ownerId, workspaceId, rev). */
  toInsert: ImportedAnnotation[];
  /** Known ids whose imported version is strictly more recent: to overwrite. */
  toUpdate: ImportedAnnotation[];
  /** Known ids whose imported version is the same age or older: nothing to do. */
  skipped: ImportedAnnotation[];
}

/**
 * What an import changes, so that importing the same file twice adds
 * nothing. The rule, by id: an id not on the device is inserted; an id
 * already there is updated only if the imported `updatedAt` is strictly
 * later than the device's, and skipped otherwise (same age or older). The
 * same id twice in `imported` counts once, the most recent version.
 */
export function mergeImported(
  existing: Iterable<Pick<Annotation, 'id' | 'updatedAt'>>,
  imported: readonly ImportedAnnotation[],
): MergePlan {
  const known = new Map<string, string>();
  for (const a of existing) known.set(a.id, a.updatedAt);
  const latest = new Map<string, ImportedAnnotation>();
  for (const a of imported) {
    const previous = latest.get(a.id);
    if (!previous || isNewer(a.updatedAt, previous.updatedAt)) latest.set(a.id, a);
  }
  const plan: MergePlan = { toInsert: [], toUpdate: [], skipped: [] };
  for (const a of latest.values()) {
    const current = known.get(a.id);
    if (current === undefined) plan.toInsert.push(a);
    else if (isNewer(a.updatedAt, current)) plan.toUpdate.push(a);
    else plan.skipped.push(a);
  }
  return plan;
}

/** Whether ISO date-time `a` is strictly later than `b` (time zones taken into account). */
function isNewer(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

// ---------------------------------------------------------------------------

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function compareCreated(a: Annotation, b: Annotation): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
}
