import { describe, expect, it } from 'vitest';
import { annotations } from './fixtures.ts';
import { toWebAnnotations } from './web-annotation.ts';
import { fromWebAnnotations, mergeImported } from './web-annotation-import.ts';

describe('fromWebAnnotations', () => {
  const item = (fields: Record<string, unknown> = {}) => ({
    id: 'https://autre.exemple.fr/annotations/b1',
    type: 'Annotation',
    created: '2026-11-25T10:00:00+01:00',
    modified: '2026-11-26T10:00:00+01:00',
    body: [
      { type: 'TextualBody', value: 'Une idée pour le conseil de quartier.' },
      { type: 'TextualBody', purpose: 'tagging', value: 'vert' },
    ],
    target: {
      source: 'https://autre.exemple.fr/ressources/kit-co-construire#pourquoi-co-construire',
      selector: {
        type: 'TextQuoteSelector',
        exact: 'les habitants',
        prefix: 'associe dès le départ ',
        suffix: ', les élus',
      },
    },
    ...fields,
  });

  it('accepts a plain array, a single annotation, a page, and a fragment in the source', () => {
    const expected = {
      id: 'b1',
      resourceId: 'kit-co-construire',
      target: {
        blockId: 'pourquoi-co-construire',
        quote: { exact: 'les habitants', prefix: 'associe dès le départ ', suffix: ', les élus' },
      },
      color: 'vert',
      note: 'Une idée pour le conseil de quartier.',
      createdAt: '2026-11-25T10:00:00+01:00',
      updatedAt: '2026-11-26T10:00:00+01:00',
    };
    expect(fromWebAnnotations([item()]).annotations).toEqual([expected]);
    expect(fromWebAnnotations(item()).annotations).toEqual([expected]);
    expect(fromWebAnnotations({ type: 'AnnotationPage', items: [item()] }).annotations).toEqual([expected]);
    expect(fromWebAnnotations({ type: 'AnnotationCollection', items: [item()] }).annotations).toEqual([expected]);
  });

  it('follows a FragmentSelector refined by a quote', () => {
    const refined = item({
      target: {
        source: 'https://autre.exemple.fr/ressources/kit-co-construire',
        selector: {
          type: 'FragmentSelector',
          value: 'pourquoi-co-construire',
          refinedBy: [{ type: 'TextQuoteSelector', exact: 'les élus' }],
        },
      },
    });
    expect(fromWebAnnotations([refined]).annotations[0]!.target).toEqual({
      blockId: 'pourquoi-co-construire',
      quote: { exact: 'les élus', prefix: '', suffix: '' },
    });
  });

  it('refuses what is not an export, with a French message', () => {
    for (const json of [null, 42, 'texte', { type: 'Document' }]) {
      const result = fromWebAnnotations(json);
      expect(result.annotations).toEqual([]);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatch(/n’est pas un export d’annotations/);
    }
  });

  it('leaves out invalid items and keeps the others', () => {
    const withoutTarget: Record<string, unknown> = item();
    delete withoutTarget.target;
    const result = fromWebAnnotations([
      item({ id: 'https://x/annotations/ok' }),
      withoutTarget,
      item({ id: undefined }),
      item({ target: 'https://ailleurs.fr/page#x' }),
      item({ created: 'hier' }),
      item({ target: { source: 'https://x/ressources/kit#b', selector: { type: 'TextQuoteSelector', exact: '' } } }),
      'pas un objet',
    ]);
    expect(result.annotations.map((a) => a.id)).toEqual(['ok']);
    expect(result.errors).toEqual([
      'Annotation n° 2 ignorée : cible (« target ») absente.',
      'Annotation n° 3 ignorée : identifiant (« id ») absent ou invalide.',
      'Annotation n° 4 ignorée : la cible « https://ailleurs.fr/page#x » n’est pas un texte de la bibliothèque.',
      'Annotation n° 5 ignorée : date (« created » ou « modified ») invalide.',
      'Annotation n° 6 ignorée : citation (« exact ») vide.',
      'Annotation n° 7 ignorée : ce n’est pas un objet JSON.',
    ]);
  });

  it('replaces an unknown colour by jaune, with a warning', () => {
    const result = fromWebAnnotations([item({ body: { type: 'TextualBody', purpose: 'tagging', value: 'violet' } })]);
    expect(result.annotations[0]).toMatchObject({ color: 'jaune', note: '' });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual(['Annotation n° 1 : couleur inconnue « violet », remplacée par « jaune ».']);
  });

  it('keeps a section note given as a bare IRI, and dates it with the import when undated', () => {
    const result = fromWebAnnotations(
      [
        {
          id: 'urn:uuid:6f1c2a9e-8f3b-4c1d-9a7e-2b5d8c0f1e3a',
          target: 'https://x/ressources/kit-co-construire#etapes',
        },
      ],
      { now: '2026-12-24T12:00:00.000Z' },
    );
    expect(result.annotations).toEqual([
      {
        id: '6f1c2a9e-8f3b-4c1d-9a7e-2b5d8c0f1e3a',
        resourceId: 'kit-co-construire',
        target: { blockId: 'etapes' },
        color: 'jaune',
        note: '',
        createdAt: '2026-12-24T12:00:00.000Z',
        updatedAt: '2026-12-24T12:00:00.000Z',
      },
    ]);
    expect(result.warnings).toHaveLength(1);
  });

  it('keeps the most recent of the same id twice in a file', () => {
    const result = fromWebAnnotations([
      item({ modified: '2026-11-27T10:00:00Z', body: { type: 'TextualBody', value: 'récente' } }),
      item({ body: { type: 'TextualBody', value: 'ancienne' } }),
    ]);
    expect(result.annotations.map((a) => a.note)).toEqual(['récente']);
    expect(result.warnings).toHaveLength(1);
  });
});

describe('mergeImported', () => {
  const imported = fromWebAnnotations(
    JSON.parse(JSON.stringify(toWebAnnotations(annotations, 'https://x'))),
  ).annotations;

  it('inserts everything the first time and nothing the second time', () => {
    const first = mergeImported([], imported);
    expect(first.toInsert).toHaveLength(5);
    const onDevice = first.toInsert;
    const second = mergeImported(onDevice, imported);
    expect(second).toEqual({ toInsert: [], toUpdate: [], skipped: imported });
  });

  it('updates only what the file has more recent than the device', () => {
    const onDevice = imported.map((a, i) => ({
      id: a.id,
      updatedAt: i === 0 ? '2026-11-25T08:00:00.000Z' : '2026-11-25T11:00:00+01:00',
    }));
    const plan = mergeImported(onDevice, imported);
    expect(plan.toUpdate.map((a) => a.id)).toEqual([imported[0]!.id]);
    // 11:00+01:00 is 10:00Z, later than the imported 09:30Z: the device's is newer.
    expect(plan.skipped).toHaveLength(4);
    expect(plan.toInsert).toEqual([]);
  });

  it('counts the same id twice in an import once', () => {
    const twice = [imported[0]!, { ...imported[0]!, note: 'plus récente', updatedAt: '2026-12-01T00:00:00.000Z' }];
    expect(mergeImported([], twice).toInsert).toEqual([twice[1]]);
  });
});
