import type { MergeCounts } from '../../../model/workshops/pooling/merge.ts';

export interface PoolAddition {
  contributions: MergeCounts;
  dots: MergeCounts;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

function line(counts: MergeCounts, one: string, many: string): string {
  const parts = [`${plural(counts.added, one, many)} ${counts.added > 1 ? 'ajoutées' : 'ajoutée'}`];
  if (counts.updated > 0) parts.push(`${counts.updated} ${counts.updated > 1 ? 'mises' : 'mise'} à jour`);
  if (counts.unchanged > 0) parts.push(`${counts.unchanged} déjà ${counts.unchanged > 1 ? 'présentes' : 'présente'}`);
  return parts.join(', ');
}

/** « 3 contributions ajoutées, 2 déjà présentes ; 1 gommette ajoutée. » */
export function additionSummary(addition: PoolAddition): string {
  return `${line(addition.contributions, 'contribution', 'contributions')} ; ${line(addition.dots, 'gommette', 'gommettes')}.`;
}
