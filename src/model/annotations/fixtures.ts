import { markdownToBlocks } from '../../../sync-server/src/library/markdown.ts';
import { describeSelection } from '../anchoring.ts';
import type { Annotation } from '../annotations.ts';
import type { ExportedResource } from './markdown-export.ts';

/** A small kit and five annotations on it, for the export and import tests. */

export const KIT = `Ce kit aide les équipes à associer les habitants à un projet de territoire.

## Pourquoi co-construire

La co-construction associe dès le départ les habitants, les élus et les associations.

## Organiser l'atelier

Invitez largement : la mairie, le centre social, les commerçants et les associations de quartier.

### Le jour J

Prévoyez un temps d'accueil convivial, puis trois tables thématiques.
`;

export const kit: ExportedResource = {
  id: 'kit-co-construire',
  title: 'Co-construire avec les habitants',
  blocks: markdownToBlocks(KIT),
};
export const block = (needle: string) => kit.blocks.find((b) => b.text.includes(needle))!;

export function highlight(id: string, quote: string, fields: Partial<Annotation> = {}): Annotation {
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

export const annotations: Annotation[] = [
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
