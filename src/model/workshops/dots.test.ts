import { describe, expect, it } from 'vitest';
import { addDot, countDots, dotsLeft, participantCount, ranked, removeDot, withinLimit } from './dots.ts';
import { sampleContribution, sampleDots } from './fixtures.ts';

describe('dots', () => {
  it('gives dots up to the limit, stacked or spread, and takes them back', () => {
    let dots = addDot([], 'a', 3);
    dots = addDot(dots, 'a', 3);
    dots = addDot(dots, 'b', 3);
    expect(addDot(dots, 'c', 3)).toEqual(dots);
    expect(dotsLeft(dots, 3)).toBe(0);
    dots = removeDot(removeDot(dots, 'a'), 'a');
    expect(dots).toEqual([{ contributionId: 'b', count: 1 }]);
  });

  it('counts every participant within the limit, merged duplicates for their target', () => {
    const entries = [
      sampleContribution('a'),
      sampleContribution('b'),
      sampleContribution('c'),
      sampleDots('p1', [
        { contributionId: 'a', count: 2 },
        { contributionId: 'b', count: 1 },
      ]),
      // Over the limit of 3: the last two are left out.
      sampleDots('p2', [
        { contributionId: 'c', count: 3 },
        { contributionId: 'a', count: 2 },
      ]),
      sampleDots('p3', [{ contributionId: 'gone', count: 1 }]),
    ];
    expect(withinLimit([{ contributionId: 'x', count: 5 }], 3)).toEqual([{ contributionId: 'x', count: 3 }]);
    expect(Object.fromEntries(countDots(entries, 3))).toEqual({ a: 2, b: 1, c: 3 });
    const merges = [{ from: 'b', into: 'a' }];
    const counts = countDots(entries, 3, merges);
    expect(Object.fromEntries(counts)).toEqual({ a: 3, c: 3 });
    const contributions = entries.filter((e) => e.kind !== 'dots') as ReturnType<typeof sampleContribution>[];
    expect(ranked(contributions, counts, merges).map((r) => [r.contribution.id, r.dots])).toEqual([
      ['a', 3],
      ['c', 3],
    ]);
    expect(participantCount([...entries, sampleContribution('d', { ownerId: 'p1' })])).toBe(4);
  });
});
