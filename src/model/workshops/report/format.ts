/** Wording shared by the report's page and its exports. */
import { frenchDate } from '../../french-dates.ts';

/** `2026-12-03T18:30` (local time, as a workshop keeps it) → « 3 décembre 2026 à 18 h 30 ». */
export function formatStartsAt(startsAt: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(startsAt);
  if (!match) return startsAt;
  const [, year, month, day, hour, minute] = match;
  const date = frenchDate(Number(year), Number(month), Number(day));
  return `${date} à ${Number(hour)} h ${minute}`;
}

/** « 1 h 05 », « 45 min », « non jouée ». */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return 'non jouée';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

export const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
