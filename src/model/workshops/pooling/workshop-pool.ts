/**
 * The pool codec applied to the workshop's documents: a participant's
 * pending entries go out as a pool; a received pool comes back as entries
 * fit to add (of this workshop, of the right kind, valid), the rest counted.
 */
import {
  type Contribution,
  entryProblems,
  isContribution,
  isDots,
  type ParticipantDots,
  type WorkshopEntry,
} from '../contribution.ts';
import type { Pool } from './codec.ts';

export type WorkshopPool = Pool<Contribution, ParticipantDots>;

/** This workshop's entries among those waiting to be sent, as one pool. */
export function pendingPool(workshopId: string, pending: readonly WorkshopEntry[]): WorkshopPool {
  const mine = pending.filter((entry) => entry.workshopId === workshopId);
  return { workshopId, contributions: mine.filter(isContribution), dots: mine.filter(isDots) };
}

export interface ReceivedEntries {
  entries: WorkshopEntry[];
  /** Documents left out: another workshop's, the wrong kind, or invalid. */
  refused: number;
}

function fits(doc: unknown, workshopId: string): doc is WorkshopEntry {
  if (typeof doc !== 'object' || doc === null) return false;
  const entry = doc as WorkshopEntry;
  if (entry.workshopId !== workshopId || typeof entry.ownerId !== 'string' || typeof entry.updatedAt !== 'string') {
    return false;
  }
  try {
    return entryProblems(entry).length === 0;
  } catch {
    return false;
  }
}

/** The entries of a received pool that may be added to the workshop. */
export function receivedEntries(pool: Pool, workshopId: string): ReceivedEntries {
  const contributions = pool.contributions.filter((doc) => fits(doc, workshopId) && isContribution(doc));
  const dots = pool.dots.filter((doc) => fits(doc, workshopId) && isDots(doc));
  const entries = [...contributions, ...dots] as WorkshopEntry[];
  return { entries, refused: pool.contributions.length + pool.dots.length - entries.length };
}
