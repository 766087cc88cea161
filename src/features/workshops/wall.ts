import { useMemo } from 'react';
import { countDots, ranked } from '../../model/workshops/dots.ts';
import { isContribution, type Contribution, type WorkshopEntry } from '../../model/workshops/contribution.ts';
import type { Workshop } from '../../model/workshops/workshop.ts';

export interface WallCard {
  contribution: Contribution;
  dots: number;
}

/** The contributions of a step (or all), duplicates folded, with their dots, most supported first. */
export function useWall(
  workshop: Pick<Workshop, 'dotsPerParticipant' | 'board'> | null | undefined,
  entries: WorkshopEntry[],
  stepId?: string,
): WallCard[] {
  return useMemo(() => {
    if (!workshop) return [];
    const contributions = entries.filter(isContribution).filter((c) => !stepId || c.stepId === stepId);
    const counts = countDots(entries, workshop.dotsPerParticipant, workshop.board.merges);
    return ranked(contributions, counts, workshop.board.merges);
  }, [workshop, entries, stepId]);
}
