import {
  isContribution,
  isDots,
  type Contribution,
  type DotsOnContribution,
  type WorkshopEntry,
} from './contribution.ts';
import type { Board } from './workshop.ts';

/**
 * Dot voting: each participant has `limit` dots to put on the contributions
 * they support (several on one if they like). Their dots are one document,
 * so counting is a sum over participants — no two people write the same
 * document. Counting never trusts a document to respect the limit: dots
 * beyond it (a tampered or stale document) are left out, first ones kept.
 */

export function dotsUsed(dots: readonly DotsOnContribution[]): number {
  return dots.reduce((sum, d) => sum + d.count, 0);
}

export function dotsLeft(dots: readonly DotsOnContribution[], limit: number): number {
  return Math.max(0, limit - dotsUsed(dots));
}

/** Adds one dot to a contribution, if any is left. */
export function addDot(
  dots: readonly DotsOnContribution[],
  contributionId: string,
  limit: number,
): DotsOnContribution[] {
  if (dotsLeft(dots, limit) === 0) return [...dots];
  const found = dots.find((d) => d.contributionId === contributionId);
  if (found) return dots.map((d) => (d === found ? { ...d, count: d.count + 1 } : d));
  return [...dots, { contributionId, count: 1 }];
}

/** Takes one dot back from a contribution. */
export function removeDot(dots: readonly DotsOnContribution[], contributionId: string): DotsOnContribution[] {
  return dots
    .map((d) => (d.contributionId === contributionId ? { ...d, count: d.count - 1 } : d))
    .filter((d) => d.count > 0);
}

/** A participant's dots within the limit, in their order. */
export function withinLimit(dots: readonly DotsOnContribution[], limit: number): DotsOnContribution[] {
  const kept: DotsOnContribution[] = [];
  let left = limit;
  for (const d of dots) {
    if (left <= 0) break;
    const count = Math.min(d.count, left);
    if (count > 0) kept.push({ contributionId: d.contributionId, count });
    left -= count;
  }
  return kept;
}

/** Follows merges to the contribution a duplicate was folded into. */
export function resolveMerge(id: string, merges: Board['merges']): string {
  const into = new Map(merges.map((m) => [m.from, m.into]));
  const seen = new Set<string>();
  let current = id;
  while (into.has(current) && !seen.has(current)) {
    seen.add(current);
    current = into.get(current)!;
  }
  return current;
}

/**
 * Dots per contribution: every participant's dots within the limit, those on
 * a merged duplicate counted for the one it joined, those on a contribution
 * that does not exist (deleted, or not arrived yet) left out.
 */
export function countDots(
  entries: readonly WorkshopEntry[],
  limit: number,
  merges: Board['merges'] = [],
): Map<string, number> {
  const live = entries.filter((e) => !(e as { _deleted?: boolean })._deleted);
  const existing = new Set(live.filter(isContribution).map((c) => c.id));
  const counts = new Map<string, number>();
  for (const ballot of live.filter(isDots)) {
    for (const d of withinLimit(ballot.dots, limit)) {
      if (!existing.has(d.contributionId)) continue;
      const target = resolveMerge(d.contributionId, merges);
      counts.set(target, (counts.get(target) ?? 0) + d.count);
    }
  }
  return counts;
}

/** Contributions still standing (not folded into another), most dots first, then oldest first. */
export function ranked(
  contributions: readonly Contribution[],
  counts: ReadonlyMap<string, number>,
  merges: Board['merges'] = [],
): { contribution: Contribution; dots: number }[] {
  const folded = new Set(merges.map((m) => m.from));
  return contributions
    .filter((c) => !folded.has(c.id))
    .map((contribution) => ({ contribution, dots: counts.get(contribution.id) ?? 0 }))
    .sort((a, b) => b.dots - a.dots || a.contribution.createdAt.localeCompare(b.contribution.createdAt));
}

/** Distinct participants: authors of a contribution or of dots. */
export function participantCount(entries: readonly WorkshopEntry[]): number {
  return new Set(entries.filter((e) => !(e as { _deleted?: boolean })._deleted).map((e) => e.ownerId)).size;
}
