/** Month names as French writes them in a date (« 3 mars 2019 »). */
export const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

/** « 1er mars 2019 », « 21 février 2019 »: month from 1 to 12. */
export const frenchDate = (year: number, month: number, day: number): string =>
  `${day === 1 ? '1er' : day} ${FRENCH_MONTHS[month - 1]} ${year}`;
