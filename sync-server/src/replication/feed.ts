import { performance } from 'node:perf_hooks';
import type { Store, StoredDocument } from '../store/store.ts';

export type FeedListener = (collection: string, documents: StoredDocument[]) => void;

/**
 * Tails the store in write order and tells listeners about every new write,
 * whether it came from this process or from another one (the library
 * importer run from the command line, or another server process on the
 * same PostgreSQL database).
 */
export class ChangeFeed {
  private lastSeq = 0;
  /** When the last batch was fanned out (performance.now()). */
  private lastFanOut = -Infinity;
  private readonly listeners = new Set<FeedListener>();
  private unwatch: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  /**
   * Fan-outs are spaced by a pause that grows with the number of listeners
   * (each costs a socket write per fan-out): `pausePerListenerMs` each, at
   * most `maxPauseMs`. The first write after a quiet spell goes out at once;
   * writes that follow within the pause go out together, one message per
   * stream instead of one per write. With a handful of streams the pause is
   * negligible; with 500, 50 ms.
   */
  constructor(
    private readonly store: Store,
    private readonly pacing = { pausePerListenerMs: 0.1, maxPauseMs: 50 },
  ) {}

  private pauseMs(): number {
    return Math.min(this.pacing.maxPauseMs, this.listeners.size * this.pacing.pausePerListenerMs);
  }

  async start(pollMs: number): Promise<void> {
    this.lastSeq = await this.store.lastSeq();
    this.unwatch = this.store.watch(() => void this.catchUp(), pollMs);
  }

  /** Stops watching, and waits for a read in progress (the database may be closed next). */
  async stop(): Promise<void> {
    this.unwatch?.();
    this.stopped = true;
    await this.running;
  }

  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads what was written since the last call and fans it out. Serialised. */
  catchUp(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        const wait = this.lastFanOut + this.pauseMs() - performance.now();
        if (wait > 0) await new Promise((done) => setTimeout(done, wait));
        if (this.stopped) break;
        this.again = false;
        for (;;) {
          const batch = await this.store.readAllChangesSince(this.lastSeq, 500);
          if (batch.length === 0) break;
          this.lastSeq = batch[batch.length - 1]!.seq;
          const byCollection = new Map<string, StoredDocument[]>();
          for (const doc of batch) byCollection.set(doc.collection, [...(byCollection.get(doc.collection) ?? []), doc]);
          for (const [collection, documents] of byCollection) {
            for (const listener of this.listeners) listener(collection, documents);
          }
          this.lastFanOut = performance.now();
        }
      } while (this.again);
    })()
      // A failed read (database unreachable) is retried at the next write or notice.
      .catch((error: unknown) => console.error('change feed:', error))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
