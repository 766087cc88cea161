/**
 * The pooling seam between the screens and the database: what a
 * participant's phone has not sent yet, and adding what the facilitator's
 * device received, each document once.
 */
import { map, type Observable, switchMap } from 'rxjs';
import type { AppDatabase } from '../../../db/database.ts';
import { recordWrites, watchOutbox } from '../../../db/outbox.ts';
import { isDots, type WorkshopEntry } from '../../../model/workshops/contribution.ts';
import { mergeCounts, mergeOnce } from '../../../model/workshops/pooling/merge.ts';
import { pendingPool, type WorkshopPool } from '../../../model/workshops/pooling/workshop-pool.ts';
import type { PoolAddition } from './receive-summary.ts';

const PREFIX = 'contributions/';

/** This workshop's contributions and dots written on this device and not yet confirmed by the server. */
export function watchPendingPool(db: AppDatabase, workshopId: string): Observable<WorkshopPool> {
  return watchOutbox(db).pipe(
    map((keys) => keys.filter((key) => key.startsWith(PREFIX)).map((key) => key.slice(PREFIX.length))),
    switchMap((ids) => db.contributions.findByIds(ids).$),
    map((found) =>
      pendingPool(
        workshopId,
        [...found.values()].map((doc) => doc.toMutableJSON() as WorkshopEntry),
      ),
    ),
  );
}

/**
 * Adds received entries: those this device lacks, and newer writes of those
 * it has; the same document received twice is added once. They then wait in
 * the outbox like the device's own writes, and go to the server with them.
 */
export async function addReceivedEntries(db: AppDatabase, entries: readonly WorkshopEntry[]): Promise<PoolAddition> {
  const found = await db.contributions.findByIds(entries.map((entry) => entry.id)).exec();
  const held = [...found.values()].map((doc) => doc.toMutableJSON() as WorkshopEntry);
  const contributions = mergeOnce(
    held.filter((entry) => !isDots(entry)),
    entries.filter((entry) => !isDots(entry)),
  );
  const dots = mergeOnce(held.filter(isDots), entries.filter(isDots));
  const writes = [...contributions.added, ...contributions.updated, ...dots.added, ...dots.updated];
  if (writes.length > 0) {
    await recordWrites(db, 'contributions', writes, async () => {
      const { error } = await db.contributions.bulkUpsert(writes);
      if (error.length > 0) throw new Error(`${error.length} documents n’ont pas pu être enregistrés`);
    });
  }
  return { contributions: mergeCounts(contributions), dots: mergeCounts(dots) };
}
