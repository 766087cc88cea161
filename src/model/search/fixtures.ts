import type { Block, BlockKind, GlossaryTerm, Need, Resource, Webinar } from '../library.ts';

/** Small library documents for the search tests. */

let counter = 0;

export function block(kind: BlockKind, text: string, level?: number): Block {
  const id = kind === 'heading' ? slug(text) : `b${++counter}`;
  return { id, kind, ...(level ? { level } : {}), html: `<p>${text}</p>`, text };
}

export const h2 = (text: string) => block('heading', text, 2);
export const h3 = (text: string) => block('heading', text, 3);
export const p = (text: string) => block('paragraph', text);

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function resource(fields: Partial<Resource> & Pick<Resource, 'id' | 'title'>): Resource {
  return {
    type: 'fiche',
    summary: 'Résumé.',
    needs: ['faire-alliance'],
    step: 'agir',
    actors: ['institutions'],
    maturity: 'debutant',
    published: '2019-04-18',
    blocks: [],
    contentHash: 'h',
    ...fields,
  };
}

export function need(fields: Partial<Need> & Pick<Need, 'id' | 'title'>): Need {
  return { order: 1, summary: 'Résumé.', webinars: [], blocks: [], contentHash: 'h', ...fields };
}

export function webinar(fields: Partial<Webinar> & Pick<Webinar, 'id' | 'title'>): Webinar {
  return {
    number: 1,
    date: '2019-01-17',
    needs: ['faire-alliance'],
    replayUrl: 'https://example.org/',
    summary: 'Résumé.',
    blocks: [],
    contentHash: 'h',
    ...fields,
  };
}

export function glossaryTerm(fields: Partial<GlossaryTerm> & Pick<GlossaryTerm, 'id' | 'term'>): GlossaryTerm {
  return { aliases: [], related: [], blocks: [], contentHash: 'h', ...fields };
}
