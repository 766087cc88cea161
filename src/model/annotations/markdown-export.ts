import { anchorAll } from '../anchoring.ts';
import type { Annotation } from '../annotations.ts';
import { blockSections, type Block } from '../library.ts';
import { escapeBlock, escapeInline } from '../markdown-escape.ts';

/**
 * A reader's annotations as a printable Markdown file, grouped by text and
 * section. Pure: the caller reads the collections and saves the file.
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
  /** The document's title (default « Mes annotations »; a group's notes give the group's name). */
  title?: string;
}

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
  const out: string[] = [`# ${escapeInline(options.title ?? 'Mes annotations')}`];
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
