import type { InitiativeSeed } from '../initiatives/seed.ts';
import type { NeedId } from '../vocabulary.ts';
import type { Contribution } from './contribution.ts';
import { resolveMerge } from './dots.ts';
import { WORKSHOP_LIMITS, type Board, type BoardGroup, type Workshop } from './workshop.ts';

/**
 * The facilitator's board: duplicates folded into one, contributions grouped
 * under a title, tagged with needs and SDGs, and turned into initiatives.
 * It lives in the workshop document (written by the facilitator only), never
 * in the participants' documents. Pure functions; each returns a new board.
 */

/** Folds `from` into `into` (a duplicate); refused when it would loop or fold a contribution into itself. */
export function mergeDuplicate(board: Board, from: string, into: string): Board {
  const target = resolveMerge(into, board.merges);
  if (from === target || resolveMerge(target, [...board.merges, { from, into: target }]) !== target) return board;
  if (board.merges.length >= WORKSHOP_LIMITS.boardEntries) return board;
  // Whatever was folded into `from` now goes to the target directly.
  const merges = board.merges.filter((m) => m.from !== from).map((m) => (m.into === from ? { ...m, into: target } : m));
  const groups = board.groups.map((g) => ({ ...g, contributionIds: g.contributionIds.filter((id) => id !== from) }));
  return { ...board, merges: [...merges, { from, into: target }], groups };
}

/** Takes a duplicate back out. */
export function unmerge(board: Board, from: string): Board {
  return { ...board, merges: board.merges.filter((m) => m.from !== from) };
}

/** Puts contributions in a group (a contribution is in one group at most). */
export function groupContributions(board: Board, group: Pick<BoardGroup, 'id' | 'title'>, ids: string[]): Board {
  const moved = new Set(ids);
  const others = board.groups.map((g) =>
    g.id === group.id ? g : { ...g, contributionIds: g.contributionIds.filter((id) => !moved.has(id)) },
  );
  const existing = others.find((g) => g.id === group.id);
  if (!existing && others.length >= WORKSHOP_LIMITS.groups) return board;
  const groups = existing
    ? others.map((g) =>
        g.id === group.id
          ? { ...g, title: group.title, contributionIds: [...new Set([...g.contributionIds, ...ids])] }
          : g,
      )
    : [...others, { id: group.id, title: group.title, contributionIds: [...new Set(ids)] }];
  return { ...board, groups: groups.filter((g) => g.contributionIds.length > 0 || g.id === group.id) };
}

export function ungroup(board: Board, contributionId: string): Board {
  return {
    ...board,
    groups: board.groups
      .map((g) => ({ ...g, contributionIds: g.contributionIds.filter((id) => id !== contributionId) }))
      .filter((g) => g.contributionIds.length > 0),
  };
}

export function groupOf(board: Board, contributionId: string): BoardGroup | undefined {
  return board.groups.find((g) => g.contributionIds.includes(contributionId));
}

/** Sets a contribution's needs and SDGs (empty lists remove the tag). */
export function tagContribution(board: Board, contributionId: string, needs: NeedId[], sdgs: number[]): Board {
  const tags = board.tags.filter((t) => t.contributionId !== contributionId);
  if (needs.length > 0 || sdgs.length > 0) {
    tags.push({ contributionId, needs: [...new Set(needs)], sdgs: [...new Set(sdgs)].sort((a, b) => a - b) });
  }
  return { ...board, tags };
}

export function tagsOf(board: Board, contributionId: string): { needs: NeedId[]; sdgs: number[] } {
  const tag = board.tags.find((t) => t.contributionId === contributionId);
  return { needs: tag?.needs ?? [], sdgs: tag?.sdgs ?? [] };
}

export function recordInitiative(board: Board, contributionId: string, initiativeId: string): Board {
  if (board.initiatives.some((i) => i.contributionId === contributionId && i.initiativeId === initiativeId))
    return board;
  return { ...board, initiatives: [...board.initiatives, { contributionId, initiativeId }] };
}

/** Forgets an initiative started from the board (its form was given up, or it was deleted). */
export function unlinkInitiative(board: Board, initiativeId: string): Board {
  return { ...board, initiatives: board.initiatives.filter((i) => i.initiativeId !== initiativeId) };
}

/** The contributions folded into this one, directly or through a chain. */
export function duplicatesOf(board: Board, contributionId: string): string[] {
  return board.merges
    .filter((m) => m.from !== contributionId && resolveMerge(m.from, board.merges) === contributionId)
    .map((m) => m.from);
}

/** The board as the facilitator sees it: one section per group (in the board's order), then what is in none. */
export function boardSections<T extends { contribution: Pick<Contribution, 'id'> }>(
  board: Board,
  cards: readonly T[],
): { group?: BoardGroup; cards: T[] }[] {
  const byId = new Map(cards.map((card) => [card.contribution.id, card]));
  const placed = new Set<string>();
  const sections: { group?: BoardGroup; cards: T[] }[] = board.groups.map((group) => {
    const inGroup = cards.filter((card) => group.contributionIds.includes(card.contribution.id));
    inGroup.forEach((card) => placed.add(card.contribution.id));
    return { group, cards: inGroup };
  });
  const rest = [...byId.values()].filter((card) => !placed.has(card.contribution.id));
  return [...sections.filter((s) => s.cards.length > 0), { cards: rest }];
}

/** The needs of a contribution for charts: the board's tags, else the participant's own need. */
export function needsOf(board: Board, contribution: Contribution): NeedId[] {
  const tagged = tagsOf(board, contribution.id).needs;
  if (tagged.length > 0) return tagged;
  return contribution.need ? [contribution.need] : [];
}

/**
 * What the initiative form is opened with when a contribution becomes an
 * initiative: its text, its needs and actor family, the SDGs given on the
 * board, the workshop's commune and group.
 */
export function initiativeSeed(
  workshop: Pick<Workshop, 'board' | 'title' | 'place' | 'workspaceId'>,
  contribution: Contribution,
): InitiativeSeed {
  const { board } = workshop;
  const firstLine = contribution.text.split('\n')[0]!.trim();
  return {
    title: firstLine.length > 120 ? `${firstLine.slice(0, 117)}…` : firstLine,
    description: contribution.text,
    needs: needsOf(board, contribution),
    actorFamilies: contribution.actorFamily ? [contribution.actorFamily] : [],
    sdgs: tagsOf(board, contribution.id).sdgs,
    ...(workshop.place ? { commune: workshop.place } : {}),
    ...(workshop.workspaceId ? { workspaceId: workshop.workspaceId } : {}),
    origin: `la contribution « ${firstLine.slice(0, 80)} » de l’atelier « ${workshop.title} »`,
  };
}
