import { describe, expect, it } from 'vitest';
import type { Block } from './library.ts';
import { markRead, sectionsWithEnds } from './reading.ts';

const block = (id: string, kind: Block['kind'], level?: number): Block => ({ id, kind, level, html: '', text: id });

describe('reading progress', () => {
  it('finds each level-2 section and the block that ends it', () => {
    const blocks = [
      block('intro', 'paragraph'),
      block('a', 'heading', 2),
      block('a1', 'paragraph'),
      block('a-sub', 'heading', 3),
      block('a2', 'list'),
      block('b', 'heading', 2),
    ];
    expect(sectionsWithEnds(blocks).map((s) => [s.heading.id, s.last.id])).toEqual([
      ['a', 'a2'],
      ['b', 'b'],
    ]);
  });

  it('records a section once and remembers where the reader is', () => {
    const start = { resourceId: 'kit', read: [], current: 'a', at: 0 };
    const once = markRead(start, 'a', 1);
    const twice = markRead(markRead(once, 'b', 2), 'a', 3);
    expect(twice).toEqual({ resourceId: 'kit', read: ['a', 'b'], current: 'a', at: 3 });
  });
});
