import { ApiError } from '../errors.ts';
import type { Checkpoint } from '../../../src/model/protocol.ts';
import type { Viewer } from './viewer.ts';

/** A pull checkpoint: the last sequence number, and for user collections the groups it was made with. */
export type PullCheckpoint = Checkpoint;

export function parseCheckpoint(raw: string | undefined): PullCheckpoint | undefined {
  if (raw === undefined || raw === '' || raw === 'null') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = undefined;
  }
  const { seq, m } = (value ?? {}) as { seq?: unknown; m?: unknown };
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0 || (m !== undefined && typeof m !== 'string')) {
    throw new ApiError(400, 'bad_checkpoint', 'Point de reprise illisible.');
  }
  return m === undefined ? { seq } : { seq, m };
}

/**
 * Where a pull starts. When the user's groups changed since the checkpoint
 * was made, from the start again: documents of a group they joined were
 * written before their checkpoint and must reach them too.
 */
export function startOf(checkpoint: PullCheckpoint | undefined, viewer: Viewer): PullCheckpoint | undefined {
  if (!viewer.fingerprint || !checkpoint) return checkpoint;
  return checkpoint.m === viewer.fingerprint ? checkpoint : undefined;
}

export function checkpointAt(seq: number, viewer: Viewer): PullCheckpoint {
  return viewer.fingerprint ? { seq, m: viewer.fingerprint } : { seq };
}
