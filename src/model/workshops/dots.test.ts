import { describe, expect, it } from 'vitest';
import { groupContributions, initiativeSeed, mergeDuplicate, tagContribution, ungroup, unmerge } from './board.ts';
import { addDot, countDots, dotsLeft, participantCount, ranked, removeDot, withinLimit } from './dots.ts';
import { sampleContribution, sampleDots } from './fixtures.ts';
import { EMPTY_BOARD } from './workshop.ts';

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

describe('board', () => {
  it('merges duplicates without loops, following chains', () => {
    let board = mergeDuplicate(EMPTY_BOARD, 'b', 'a');
    board = mergeDuplicate(board, 'c', 'b'); // c joins a, the one b is in
    expect(board.merges).toEqual([
      { from: 'b', into: 'a' },
      { from: 'c', into: 'a' },
    ]);
    expect(mergeDuplicate(board, 'a', 'c')).toBe(board); // would loop
    expect(mergeDuplicate(board, 'a', 'a')).toBe(board);
    board = mergeDuplicate(board, 'a', 'd'); // what was in a now goes to d
    expect(board.merges.every((m) => m.into === 'd')).toBe(true);
    expect(unmerge(board, 'b').merges).toHaveLength(2);
  });

  it('groups (one group per contribution), tags and seeds an initiative', () => {
    let board = groupContributions(EMPTY_BOARD, { id: 'g1', title: 'Mobilité' }, ['a', 'b']);
    board = groupContributions(board, { id: 'g2', title: 'Alimentation' }, ['b']);
    expect(board.groups.map((g) => [g.id, g.contributionIds])).toEqual([
      ['g1', ['a']],
      ['g2', ['b']],
    ]);
    expect(ungroup(board, 'a').groups.map((g) => g.id)).toEqual(['g2']);
    board = tagContribution(board, 'a', ['faire-alliance'], [17, 11]);
    expect(board.tags).toEqual([{ contributionId: 'a', needs: ['faire-alliance'], sdgs: [11, 17] }]);
    expect(tagContribution(board, 'a', [], []).tags).toEqual([]);
    const seed = initiativeSeed(
      board,
      sampleContribution('a', { text: 'Un covoiturage solidaire\nentre villages', actorFamily: 'interet-general' }),
    );
    expect(seed).toEqual({
      title: 'Un covoiturage solidaire',
      description: 'Un covoiturage solidaire\nentre villages',
      needs: ['faire-alliance'],
      actorFamilies: ['interet-general'],
      sdgs: [11, 17],
    });
  });
});
