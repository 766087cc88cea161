import { randomUUID } from 'node:crypto';
import { LOCKS, type PgConnection } from '../postgres/connection.ts';
import type { StreamSlots } from './stream-slots.ts';

export interface PgStreamSlotsOptions {
  /** How long a place stays counted without being renewed [60 s]; renewed every third of it. */
  leaseMs?: number;
  now?: () => number;
}

const LEASE_MS = 60_000;

/**
 * Stream places counted in PostgreSQL (table `open_streams`), so that the
 * limits hold across every server process on the database. Each place is a
 * lease its process renews while the stream is open: the places of a
 * process killed without closing its streams (`kill -9`) stop counting once
 * their lease runs out, and any process then deletes them.
 */
export function pgStreamSlots(
  db: PgConnection,
  options: PgStreamSlotsOptions = {},
): StreamSlots & {
  /** Renews this process's places and deletes the expired ones (run by a timer; exposed for tests). */
  renew(): Promise<void>;
} {
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const now = options.now ?? Date.now;
  /** The places this process holds, renewed until given back. */
  const held = new Set<string>();
  /** Give-backs still being written, awaited by close(). */
  const releasing = new Set<Promise<unknown>>();

  async function renew(): Promise<void> {
    const at = now();
    if (held.size > 0) {
      await db.pool.query('UPDATE open_streams SET lease_until = $1 WHERE id = ANY($2)', [at + leaseMs, [...held]]);
    }
    await db.pool.query('DELETE FROM open_streams WHERE lease_until < $1', [at]);
  }
  // A renewal that fails (database unreachable) is tried again at the next tick.
  const timer = setInterval(() => void renew().catch(() => undefined), leaseMs / 3);
  timer.unref();

  return {
    async claim(slot, max) {
      const id = randomUUID();
      const taken = await db.transaction(async (client) => {
        // Processes claiming under the same slot at once take turns: neither can count before the other has written.
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCKS.streams, slot]);
        const at = now();
        const { rows } = await client.query<{ n: string }>(
          'SELECT count(*) AS n FROM open_streams WHERE slot = $1 AND lease_until >= $2',
          [slot, at],
        );
        if (Number(rows[0]!.n) >= max) return false;
        await client.query('INSERT INTO open_streams (id, slot, lease_until) VALUES ($1, $2, $3)', [
          id,
          slot,
          at + leaseMs,
        ]);
        return true;
      });
      if (!taken) return undefined;
      held.add(id);
      return () => {
        if (!held.delete(id)) return;
        // Not renewed any more: a delete that fails leaves a place that expires with its lease.
        const deleted = db.pool.query('DELETE FROM open_streams WHERE id = $1', [id]).catch(() => undefined);
        releasing.add(deleted);
        void deleted.finally(() => releasing.delete(deleted));
      };
    },
    renew,
    async close() {
      clearInterval(timer);
      await Promise.all(releasing);
      if (held.size > 0) {
        await db.pool.query('DELETE FROM open_streams WHERE id = ANY($1)', [[...held]]).catch(() => undefined);
      }
      held.clear();
    },
  };
}
