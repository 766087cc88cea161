import type { Annotation } from '../annotations.ts';

/**
 * A reader's annotations in the W3C Web Annotation format (JSON-LD), for
 * other tools and for re-import (web-annotation-import.ts reads it back).
 */

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
