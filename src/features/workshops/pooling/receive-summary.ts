import type { MergeCounts } from '../../../model/workshops/pooling/merge.ts';

/** How adding a received pool went: contributions, and participants' dots documents. */
export interface PoolAddition {
  contributions: MergeCounts;
  dots: MergeCounts;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

function line(counts: MergeCounts, [one, many]: [string, string], feminine: boolean): string {
  const agree = (n: number, word: string) => `${word}${feminine ? 'e' : ''}${n > 1 ? 's' : ''}`;
  const parts = [`${plural(counts.added, one, many)} ${agree(counts.added, 'ajouté')}`];
  if (counts.updated > 0) parts.push(`${counts.updated} ${agree(counts.updated, 'mis')} à jour`);
  if (counts.unchanged > 0) parts.push(`${counts.unchanged} déjà ${agree(counts.unchanged, 'présent')}`);
  return parts.join(', ');
}

/** « 3 contributions ajoutées, 2 déjà présentes ; 1 lot de gommettes ajouté. » */
export function additionSummary({ contributions, dots }: PoolAddition): string {
  const text = line(contributions, ['contribution', 'contributions'], true);
  if (dots.added + dots.updated + dots.unchanged === 0) return `${text}.`;
  return `${text} ; ${line(dots, ['lot de gommettes', 'lots de gommettes'], false)}.`;
}
