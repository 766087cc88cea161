import { describe, expect, it } from 'vitest';
import type { Annotation } from '../annotations.ts';
import { SearchIndex } from './index.ts';
import { annotationDocuments } from './personal-documents.ts';

const annotation: Annotation = {
  id: 'a1',
  ownerId: 'u1',
  workspaceId: null,
  rev: 'r1',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
  resourceId: 'kit-faire-alliance',
  target: {
    blockId: 'pour-qui-1a2b3c4d',
    quote: { exact: 'réunir des acteurs autour d’un enjeu local', prefix: '', suffix: '' },
    position: { start: 10, end: 52 },
  },
  color: 'vert',
  note: 'Penser aux associations sportives',
};

describe('annotations in the offline search', () => {
  it('are found by their note and their quote, and lead back to their passage', () => {
    const index = new SearchIndex();
    annotationDocuments(annotation).forEach((doc) => index.add(doc));
    for (const query of ['association sportive', 'enjeux locaux']) {
      const [hit] = index.search(query).results;
      expect(hit?.url).toBe('/ressources/kit-faire-alliance#pour-qui-1a2b3c4d');
    }
  });
});
