import { ANNOTATION_COLORS, type Annotation, type AnnotationColor } from '../annotations.ts';
import { ISO_DATE_TIME, USER_ID_PATTERN } from '../user-document-schema.ts';
import { SLUG_PATTERN } from '../vocabulary.ts';

/**
 * Reading a Web Annotation file back (ours or another tool's) into
 * annotations, with a French reason for each item left out, and the plan
 * that merges them into the device's annotations without duplicates.
 */

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
