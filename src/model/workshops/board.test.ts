import { describe, expect, it } from 'vitest';
import { readInitiativeSeed, seededDraft } from '../initiatives/seed.ts';
import { emptyDraft } from '../initiatives/validation.ts';
import {
  boardSections,
  duplicatesOf,
  groupContributions,
  initiativeSeed,
  mergeDuplicate,
  recordInitiative,
  tagContribution,
  ungroup,
  unlinkInitiative,
  unmerge,
} from './board.ts';
import { sampleContribution, sampleWorkshop } from './fixtures.ts';
import { EMPTY_BOARD } from './workshop.ts';

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
      sampleWorkshop({ board }),
      sampleContribution('a', { text: 'Un covoiturage solidaire\nentre villages', actorFamily: 'interet-general' }),
    );
    expect(seed).toEqual({
      title: 'Un covoiturage solidaire',
      description: 'Un covoiturage solidaire\nentre villages',
      needs: ['faire-alliance'],
      actorFamilies: ['interet-general'],
      sdgs: [11, 17],
      workspaceId: 'groupe-1',
      origin: 'la contribution « Un covoiturage solidaire » de l’atelier « Atelier mobilité à Saint-Flour »',
    });
  });
});

describe('board sections and links', () => {
  const card = (id: string) => ({ contribution: sampleContribution(id), dots: 0 });

  it('lists groups in order, then the contributions in none, leaving out empty groups', () => {
    let board = groupContributions(EMPTY_BOARD, { id: 'g1', title: 'Mobilité' }, ['c']);
    board = groupContributions(board, { id: 'g2', title: 'Vide' }, ['z']); // z is folded: not on the board
    const sections = boardSections(board, [card('a'), card('b'), card('c')]);
    expect(sections.map((s) => [s.group?.title, s.cards.map((c) => c.contribution.id)])).toEqual([
      ['Mobilité', ['c']],
      [undefined, ['a', 'b']],
    ]);
  });

  it('names the duplicates folded into a contribution, through chains', () => {
    let board = mergeDuplicate(EMPTY_BOARD, 'b', 'a');
    board = mergeDuplicate(board, 'c', 'b');
    expect(duplicatesOf(board, 'a').sort()).toEqual(['b', 'c']);
    expect(duplicatesOf(board, 'b')).toEqual([]);
  });

  it('links an initiative once and forgets it', () => {
    let board = recordInitiative(EMPTY_BOARD, 'a', 'i1');
    expect(recordInitiative(board, 'a', 'i1')).toBe(board);
    board = recordInitiative(board, 'b', 'i2');
    expect(unlinkInitiative(board, 'i1').initiatives).toEqual([{ contributionId: 'b', initiativeId: 'i2' }]);
  });
});

describe('initiative seed (route state)', () => {
  it('round-trips a board seed and fills a new draft with it', () => {
    const seed = initiativeSeed(
      sampleWorkshop({ place: { code: '35236', name: 'Redon', departement: '35', year: 2024 } }),
      sampleContribution('a', { text: 'Une navette', need: 'faire-alliance' }),
    );
    const read = readInitiativeSeed(JSON.parse(JSON.stringify({ initiativeSeed: seed })));
    expect(read).toEqual(seed);
    const draft = seededDraft(emptyDraft(), read!);
    expect(draft).toMatchObject({ title: 'Une navette', needs: ['faire-alliance'], commune: { name: 'Redon' } });
    expect(draft.photos).toEqual([]);
  });

  it('keeps only known fields and vocabulary from an untrusted state', () => {
    expect(readInitiativeSeed(null)).toBeUndefined();
    expect(readInitiativeSeed({ other: 1 })).toBeUndefined();
    const read = readInitiativeSeed({
      initiativeSeed: {
        title: 'x'.repeat(500),
        description: 42,
        needs: ['faire-alliance', 'inconnu', 'faire-alliance'],
        actorFamilies: ['institutions', 3],
        sdgs: [18, 3, 0, '5'],
        commune: { code: 'nope', name: 'X', departement: '1', year: 2024 },
        workspaceId: '',
        extra: true,
      },
    });
    expect(read).toEqual({
      title: 'x'.repeat(200),
      description: '',
      needs: ['faire-alliance'],
      actorFamilies: ['institutions'],
      sdgs: [3],
    });
  });
});
