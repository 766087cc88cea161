const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short' });

/** `2026-12-03T18:30` (local time) → « jeudi 3 décembre 2026 à 18:30 ». */
export function formatStart(startsAt: string): string {
  const date = new Date(startsAt);
  return Number.isNaN(date.getTime()) ? startsAt : dateTime.format(date);
}
