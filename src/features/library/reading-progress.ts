import { map, type Observable } from 'rxjs';
import type { AppDatabase } from '../../db/database.ts';
import { markRead, type ReadingProgress } from '../../model/reading.ts';

/** Reading progress, the seam between the reader and the device's storage. */

const key = (resourceId: string) => `reading-${resourceId}`;
const LAST = 'reading-last';

export function watchReadingProgress(db: AppDatabase, resourceId: string): Observable<ReadingProgress | null> {
  return db.getLocal$<ReadingProgress>(key(resourceId)).pipe(map((doc) => (doc ? doc.toJSON().data : null)));
}

/** The text the user was reading last, for "Reprendre la lecture". */
export function watchLastReading(db: AppDatabase): Observable<ReadingProgress | null> {
  return db.getLocal$<ReadingProgress>(LAST).pipe(map((doc) => (doc ? doc.toJSON().data : null)));
}

export async function recordSectionRead(db: AppDatabase, resourceId: string, sectionId: string): Promise<void> {
  const doc = await db.getLocal<ReadingProgress>(key(resourceId));
  const before = doc?.toJSON().data ?? { resourceId, read: [], current: sectionId, at: 0 };
  const after = markRead(before, sectionId, Date.now());
  await db.upsertLocal(key(resourceId), after);
  await db.upsertLocal(LAST, after);
}
