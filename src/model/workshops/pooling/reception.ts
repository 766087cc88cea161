/**
 * The facilitator's side of a QR sequence: parts arrive in any order, some
 * twice, perhaps from two people in a row; a pool comes out once all the
 * parts of one message are in.
 */
import { assemblePool, type Pool, PoolError, type PoolPart, readPart } from './codec.ts';

export type Reception =
  | { kind: 'part'; received: number; total: number; duplicate: boolean }
  | { kind: 'complete'; pool: Pool; total: number }
  | { kind: 'refused'; error: PoolError };

export class PoolReception {
  /** Parts by message id, then by index. */
  private readonly messages = new Map<number, Map<number, PoolPart>>();
  private readonly done = new Set<number>();

  constructor(readonly workshopId: string) {}

  /** Takes one scanned text; says what it brought. */
  add(text: string): Reception {
    let part: PoolPart;
    try {
      part = readPart(text);
    } catch (error) {
      return { kind: 'refused', error: error as PoolError };
    }
    if (this.done.has(part.messageId))
      return { kind: 'part', received: part.total, total: part.total, duplicate: true };
    const parts = this.messages.get(part.messageId) ?? new Map<number, PoolPart>();
    this.messages.set(part.messageId, parts);
    const duplicate = parts.has(part.index);
    parts.set(part.index, part);
    if (parts.size < part.total) return { kind: 'part', received: parts.size, total: part.total, duplicate };
    this.messages.delete(part.messageId);
    try {
      const pool = assemblePool([...parts.values()], this.workshopId);
      this.done.add(part.messageId);
      return { kind: 'complete', pool, total: part.total };
    } catch (error) {
      if (!(error instanceof PoolError)) throw error;
      return { kind: 'refused', error };
    }
  }
}
