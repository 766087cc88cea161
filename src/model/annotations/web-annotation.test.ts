import { describe, expect, it } from 'vitest';
import { annotations } from './fixtures.ts';
import { ANNOTATION_CONTEXT, toWebAnnotations } from './web-annotation.ts';
import { fromWebAnnotations } from './web-annotation-import.ts';

describe('Web Annotation export', () => {
  const base = 'https://terrain.exemple.fr/';
  const collection = toWebAnnotations(annotations, base);

  it('is an AnnotationCollection with its page embedded', () => {
    expect(collection).toMatchObject({
      '@context': ANNOTATION_CONTEXT,
      id: 'https://terrain.exemple.fr/annotations',
      type: 'AnnotationCollection',
      total: 5,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    expect(collection.first.items).toHaveLength(5);
  });

  it('describes a highlight with a note', () => {
    const a3 = annotations[0]!;
    expect(collection.first.items[0]).toEqual({
      id: 'https://terrain.exemple.fr/annotations/a3',
      type: 'Annotation',
      created: '2026-11-25T09:30:00.000Z',
      modified: '2026-11-25T09:30:00.000Z',
      motivation: 'commenting',
      body: [
        {
          type: 'TextualBody',
          value: 'À tester au printemps.',
          format: 'text/plain',
          language: 'fr',
          purpose: 'commenting',
        },
        { type: 'TextualBody', purpose: 'tagging', value: 'vert' },
      ],
      target: {
        source: `https://terrain.exemple.fr/ressources/kit-co-construire#${a3.target.blockId}`,
        selector: [
          { type: 'TextQuoteSelector', ...a3.target.quote },
          { type: 'TextPositionSelector', ...a3.target.position },
          { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3986', value: a3.target.blockId },
        ],
      },
    });
  });

  it('marks a highlight without a note as highlighting, and a section note has only its fragment', () => {
    expect(collection.first.items[1]).toMatchObject({ motivation: 'highlighting', body: [{ purpose: 'tagging' }] });
    expect(collection.first.items[2]!.target.selector).toEqual([
      { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3986', value: 'organiser-l-atelier' },
    ]);
  });

  it('round-trips through JSON', () => {
    const { annotations: back, errors, warnings } = fromWebAnnotations(JSON.parse(JSON.stringify(collection)));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(back).toEqual(
      annotations.map(({ id, resourceId, target, color, note, createdAt, updatedAt }) => ({
        id,
        resourceId,
        target,
        color,
        note,
        createdAt,
        updatedAt,
      })),
    );
  });
});
