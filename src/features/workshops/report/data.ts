/** What the report reads from the device's database. */
import { combineLatest, map, type Observable, of, switchMap } from 'rxjs';
import type { AppDatabase } from '../../../db/database.ts';
import type { WorkshopEntry } from '../../../model/workshops/contribution.ts';
import type { Workshop } from '../../../model/workshops/workshop.ts';

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
      const titles$ =
        ids.length === 0
          ? of(new Map<string, string>())
          : db.initiatives
              .findByIds(ids)
              .$.pipe(map((found) => new Map([...found].map(([id, doc]) => [id, doc.toJSON().title]))));
      return titles$.pipe(map((initiativeTitles) => ({ workshop, entries, initiativeTitles })));
    }),
  );
}
