import { expect, it } from 'vitest';
import { sectionTitles, type Block } from './library.ts';

const block = (id: string, kind: Block['kind'], level?: number): Block => ({ id, kind, level, html: '', text: id });

it('gives each block the title of its level-2 section, subsections included', () => {
  const titles = sectionTitles([
    block('intro-1a2b3c4d', 'paragraph'),
    block('demarche', 'heading', 2),
    block('etape-1', 'heading', 3),
    block('etape-1-5e6f7a8b', 'paragraph'),
    block('pieges', 'heading', 2),
  ]);
  expect(titles.get('intro-1a2b3c4d')).toBe('Introduction');
  expect(titles.get('etape-1-5e6f7a8b')).toBe('demarche');
  expect(titles.get('etape-1')).toBe('demarche');
  expect(titles.get('pieges')).toBe('pieges');
});
