/**
 * Places for open event streams, counted per slot: `u:<user id>` for a
 * signed-in user's streams, `a:<address>` for anonymous ones
 * (SYNC-PROTOCOL.md, Limits: STREAMS_PER_USER, STREAMS_PER_ADDRESS).
 */
export interface StreamSlots {
  /** Takes a place under `slot` when fewer than `max` are taken: returns how to give it back, or undefined when full. */
  claim(slot: string, max: number): Promise<(() => void) | undefined>;
  /** Gives back every place this process still holds (at shutdown). */
  close(): Promise<void>;
}

/**
 * Counted in this process's memory: enough for the embedded SQLite
 * database, which serves one process (PostgreSQL counts in the database,
 * see stream-slots-postgres.ts).
 */
export function memoryStreamSlots(): StreamSlots {
  const open = new Map<string, number>();
  return {
    async claim(slot, max) {
      const count = open.get(slot) ?? 0;
      if (count >= max) return undefined;
      open.set(slot, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(slot) ?? 1) - 1;
        if (left > 0) open.set(slot, left);
        else open.delete(slot);
      };
    },
    async close() {
      open.clear();
    },
  };
}
