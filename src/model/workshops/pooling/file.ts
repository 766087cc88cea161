/**
 * The fallback when the camera cannot read the codes: the same parts in a
 * text file, shared through the system's share sheet (or downloaded) and
 * opened on the facilitator's device. Same codec, same checks.
 */
import { fileSlug } from '../file-name.ts';
import { assemblePool, encodePool, type Pool, PoolError, readPart } from './codec.ts';

/** One part holds the whole pool in a file. */
const FILE_PART_CHARS = 64 * 1024 * 1024;

export const POOL_FILE_TYPE = 'text/plain';

export function poolFileName(workshopTitle: string, date: Date): string {
  return `contributions-${fileSlug(workshopTitle)}-${date.toISOString().slice(0, 16).replace(/[-:T]/g, '')}.txt`;
}

export function poolFileText(pool: Pool): string {
  const lines = encodePool(pool, FILE_PART_CHARS);
  return `# Contributions à importer dans l'atelier (« Recevoir un fichier »)\n${lines.join('\n')}\n`;
}

/** The pool in a file's text; throws a PoolError saying why it is refused. */
export function readPoolFile(text: string, workshopId: string): Pool {
  const lines = text.split(/\r?\n/).filter((line) => line.startsWith('ITP'));
  if (lines.length === 0) throw new PoolError('not-a-pool');
  return assemblePool(lines.map(readPart), workshopId);
}
