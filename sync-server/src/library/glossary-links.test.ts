import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/model/library.ts';
import { htmlToText } from './markdown.ts';
import { linkGlossaryTerms } from './glossary-links.ts';

const p = (id: string, html: string): Block => ({ id, kind: 'paragraph', html, text: htmlToText(html) });
const GLOSSARY = [
  { id: 'odd', term: 'ODD', aliases: ['objectifs de développement durable'] },
  { id: 'odd-17', term: 'ODD 17', aliases: [] },
  { id: 'tiers-lieu', term: 'tiers-lieu', aliases: ['tiers-lieux'] },
  { id: 'alliance', term: 'alliance', aliases: ['alliances'] },
];

describe('linkGlossaryTerms', () => {
  it('links the first occurrence of each term in the whole text, and only that one', () => {
    const blocks = [p('a', '<p>Une alliance locale.</p>'), p('b', '<p>Une autre Alliance.</p>')];
    const [a, b] = linkGlossaryTerms(blocks, GLOSSARY);
    expect(a!.html).toBe(
      '<p>Une <a href="/glossaire#alliance" class="glossary-term" data-term="alliance">alliance</a> locale.</p>',
    );
    expect(b!.html).toBe('<p>Une autre Alliance.</p>');
  });

  it('prefers the longest term and keeps whole words', () => {
    const [block] = linkGlossaryTerms([p('a', '<p>L’ODD 17 et les alliancés des tiers-lieux.</p>')], GLOSSARY);
    expect(block!.html).toContain('data-term="odd-17">ODD 17</a>');
    expect(block!.html).toContain('data-term="tiers-lieu">tiers-lieux</a>');
    expect(block!.html).not.toContain('data-term="alliance"');
    expect(block!.html).not.toContain('data-term="odd"');
  });

  it('leaves tags, existing links, headings and the text itself alone', () => {
    const html = '<p><a href="/x">une alliance</a> et <strong>objectifs de développement durable</strong></p>';
    const [block] = linkGlossaryTerms([p('a', html)], GLOSSARY);
    expect(block!.html).toBe(
      '<p><a href="/x">une alliance</a> et <strong><a href="/glossaire#odd" class="glossary-term" data-term="odd">objectifs de développement durable</a></strong></p>',
    );
    expect(htmlToText(block!.html)).toBe(htmlToText(html));
    const heading: Block = { id: 'h', kind: 'heading', level: 2, html: '<h2>Une alliance</h2>', text: 'Une alliance' };
    expect(linkGlossaryTerms([heading], GLOSSARY)[0]).toBe(heading);
  });
});
