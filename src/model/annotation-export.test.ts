import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { markdownToBlocks } from '../../sync-server/src/library/markdown.ts';
import { describeSelection } from './anchoring.ts';
import {
  ANNOTATION_CONTEXT,
  escapeBlock,
  fromWebAnnotations,
  mergeImported,
  toMarkdown,
  toWebAnnotations,
  type ExportedResource,
} from './annotation-export.ts';
import type { Annotation } from './annotations.ts';

const KIT = `Ce kit aide les équipes à associer les habitants à un projet de territoire.

## Pourquoi co-construire

La co-construction associe dès le départ les habitants, les élus et les associations.

## Organiser l'atelier

Invitez largement : la mairie, le centre social, les commerçants et les associations de quartier.

### Le jour J

Prévoyez un temps d'accueil convivial, puis trois tables thématiques.
`;

const kit: ExportedResource = {
  id: 'kit-co-construire',
  title: 'Co-construire avec les habitants',
  blocks: markdownToBlocks(KIT),
};
const block = (needle: string) => kit.blocks.find((b) => b.text.includes(needle))!;

function highlight(id: string, quote: string, fields: Partial<Annotation> = {}): Annotation {
  const b = block(quote);
  const start = b.text.indexOf(quote);
  return {
    id,
    ownerId: 'u1',
    workspaceId: null,
    rev: '1-a',
    createdAt: '2026-11-25T09:30:00.000Z',
    updatedAt: '2026-11-25T09:30:00.000Z',
    resourceId: kit.id,
    target: describeSelection(b.id, b.text, start, start + quote.length),
    color: 'jaune',
    note: '',
    ...fields,
  };
}

const annotations: Annotation[] = [
  highlight('a3', 'trois tables thématiques', { color: 'vert', note: 'À tester au printemps.' }),
  highlight('a1', 'les élus et les associations'),
  {
    ...highlight('a2', 'la mairie'),
    target: { blockId: 'organiser-l-atelier' },
    note: 'Demander la salle polyvalente.',
    color: 'bleu',
    createdAt: '2026-12-01T18:00:00.000Z',
  },
  {
    ...highlight('a4', 'la mairie', { color: 'rose', note: 'Paragraphe disparu.' }),
    target: { blockId: 'organiser-l-atelier-00000000', quote: { exact: 'un texte retiré', prefix: '', suffix: '' } },
  },
  { ...highlight('a5', 'la mairie'), resourceId: 'kit-retire', note: 'Sur un texte retiré.' },
];

describe('toMarkdown', () => {
  it('groups by text and section, with quote, note, colour and date in French', () => {
    expect(toMarkdown(annotations, [kit], { timeZone: 'Europe/Paris' })).toBe(
      [
        '# Mes annotations',
        '## Co-construire avec les habitants',
        '### Pourquoi co-construire',
        '> les élus et les associations',
        '*jaune · 25 novembre 2026*',
        "### Organiser l'atelier",
        'Demander la salle polyvalente.',
        '*bleu · 1 décembre 2026*',
        '> trois tables thématiques',
        'À tester au printemps.',
        '*vert · 25 novembre 2026*',
        '### Annotations détachées',
        '> un texte retiré',
        'Paragraphe disparu.',
        '*rose · 25 novembre 2026*',
        '## Texte introuvable (kit-retire)',
        '### Annotations détachées',
        '> la mairie',
        'Sur un texte retiré.',
        '*jaune · 25 novembre 2026*',
      ].join('\n\n') + '\n',
    );
  });

  it('says so when there is nothing to export', () => {
    expect(toMarkdown([], [kit])).toBe('# Mes annotations\n\nAucune annotation pour l’instant.\n');
  });

  it('keeps a note from injecting structure', () => {
    const note = [
      '# Faux titre',
      '> fausse citation',
      '- liste',
      '* puce',
      '1. numéro',
      '`code` et **gras** et [lien](https://exemple.fr)',
      '<script>alert(1)</script> <b>gras</b>',
      '    indenté',
      'Texte',
      '===',
      '| a | b |',
      '| - | - |',
    ].join('\n');
    const markdown = toMarkdown([highlight('x', 'trois tables', { note })], [kit]);
    const html = marked.parse(markdown, { async: false, gfm: true });
    expect(html.match(/<h[1-6]>/g)).toEqual(['<h1>', '<h2>', '<h3>']);
    expect(html).not.toMatch(/<(script|b|strong|code|pre|ul|ol|li|table|hr)\b/);
    // A bare address may become a link (GFM autolink), but the note's own link syntax stays text.
    expect(html).toContain('[lien](<a href="https://exemple.fr">https://exemple.fr</a>)');
    expect(html.match(/<blockquote>/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('# Faux titre<br>&gt; fausse citation<br>- liste<br>* puce<br>1. numéro<br>');
  });

  it('escapes a quote and a title too', () => {
    const markdown = toMarkdown([highlight('x', 'trois tables', { note: 'ok' })], [{ ...kit, title: '## <i>Kit</i>' }]);
    const html = marked.parse(markdown, { async: false, gfm: true });
    expect(html).toContain('<h2>## &lt;i&gt;Kit&lt;/i&gt;</h2>');
  });

  it('keeps paragraphs and line breaks of a note', () => {
    expect(escapeBlock('  Premier point\nsuite\n\n\n\nSecond point  \n')).toBe(
      'Premier point  \nsuite\n\nSecond point',
    );
  });
});

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
