/** What the report reads from the device's database. */
import { combineLatest, map, type Observable, switchMap } from 'rxjs';
import type { AppDatabase } from '../../../db/database.ts';
import type { WorkshopEntry } from '../../../model/workshops/contribution.ts';
import type { Workshop } from '../../../model/workshops/workshop.ts';
import { watchInitiativeTitles } from '../commands.ts';

export interface ReportData {
  workshop?: Workshop;
  entries: WorkshopEntry[];
  initiativeTitles: Map<string, string>;
}

export function watchReportData(db: AppDatabase, workshopId: string): Observable<ReportData> {
  const workshop$ = db.workshops.findOne(workshopId).$.pipe(map((doc) => doc?.toMutableJSON() as Workshop | undefined));
  const entries$ = db.contributions
    .find({ selector: { workshopId } })
    .$.pipe(map((docs) => docs.map((doc) => doc.toMutableJSON() as WorkshopEntry)));
  return combineLatest([workshop$, entries$]).pipe(
    switchMap(([workshop, entries]) => {
      const ids = workshop?.board.initiatives.map((link) => link.initiativeId) ?? [];
      return watchInitiativeTitles(db, ids).pipe(map((initiativeTitles) => ({ workshop, entries, initiativeTitles })));
    }),
  );
}
