import type { Observable } from 'rxjs';
import type { MangoQuerySelector } from 'rxdb/plugins/core';
import type { AppDatabase } from './database.ts';
import type { GlossaryTerm, Need, Resource, Webinar } from '../model/library.ts';
import type { NeedId, StepId } from '../model/vocabulary.ts';

/** The library's read seam: every screen reads the local copy through these. */

export function watchNeeds(db: AppDatabase): Observable<Need[]> {
  return db.needs.find({ sort: [{ order: 'asc' }] }).$ as unknown as Observable<Need[]>;
}

export function watchNeed(db: AppDatabase, id: string): Observable<Need | null> {
  return db.needs.findOne(id).$ as unknown as Observable<Need | null>;
}

export interface ResourceFilter {
  need?: NeedId;
  step?: StepId;
  kitsOnly?: boolean;
}

export function watchResources(db: AppDatabase, filter: ResourceFilter = {}): Observable<Resource[]> {
  const selector: MangoQuerySelector<Resource> = {};
  if (filter.step) selector.step = filter.step;
  if (filter.need) selector.needs = { $elemMatch: { $eq: filter.need } };
  if (filter.kitsOnly) selector.type = 'kit';
  return db.resources.find({ selector, sort: [{ title: 'asc' }] }).$ as unknown as Observable<Resource[]>;
}

export function watchResource(db: AppDatabase, id: string): Observable<Resource | null> {
  return db.resources.findOne(id).$ as unknown as Observable<Resource | null>;
}

export function watchWebinars(db: AppDatabase): Observable<Webinar[]> {
  return db.webinars.find({ sort: [{ date: 'asc' }] }).$ as unknown as Observable<Webinar[]>;
}

export function watchGlossary(db: AppDatabase): Observable<GlossaryTerm[]> {
  return db.glossary.find({ sort: [{ term: 'asc' }] }).$ as unknown as Observable<GlossaryTerm[]>;
}

/** The next webinar after `today`, or else the latest one. */
export function featuredWebinar(
  webinars: Webinar[],
  today: string,
): { webinar: Webinar; upcoming: boolean } | undefined {
  const next = webinars.find((w) => w.date >= today);
  if (next) return { webinar: next, upcoming: true };
  const latest = webinars.at(-1);
  return latest && { webinar: latest, upcoming: false };
}

export function watchGlossaryTerm(db: AppDatabase, id: string): Observable<GlossaryTerm | null> {
  return db.glossary.findOne(id).$ as unknown as Observable<GlossaryTerm | null>;
}
