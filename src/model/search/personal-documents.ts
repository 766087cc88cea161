import type { Annotation } from '../annotations.ts';
import type { Initiative } from '../initiatives.ts';
import { sourceOf, type SearchDocument } from './documents.ts';

const shorten = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** An annotation is found by its quote and its note, and leads back to its place in the text. */
export function annotationDocuments(annotation: Annotation): SearchDocument[] {
  const quote = annotation.target.quote?.exact ?? '';
  const title = quote ? `« ${shorten(quote, 70)} »` : shorten(annotation.note, 70) || 'Note';
  return [
    {
      kind: 'annotation',
      id: annotation.id,
      source: sourceOf('annotations', annotation.id),
      title,
      text: [quote, annotation.note].filter(Boolean).join('\n'),
      url: `/ressources/${annotation.resourceId}#${annotation.target.blockId}`,
    },
  ];
}

/** An initiative is found by its title, description, organisations and commune, and leads to its page. */
export function initiativeDocuments(initiative: Initiative): SearchDocument[] {
  const commune = initiative.commune && `${initiative.commune.name} (${initiative.commune.departement})`;
  return [
    {
      kind: 'initiative',
      id: initiative.id,
      source: sourceOf('initiatives', initiative.id),
      title: initiative.title,
      text: [initiative.description, initiative.organisations, commune ?? ''].filter(Boolean).join('\n'),
      url: `/initiatives/${initiative.id}`,
      ...(commune ? { context: commune } : {}),
    },
  ];
}
