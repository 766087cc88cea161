/**
 * Many event streams read by worker threads (stream-readers.worker.ts), so
 * that the load bench measures the server, not its own client: each thread
 * reads its share of the streams and notes arrival times only; the figures
 * are computed at the end.
 */
import { Worker } from 'node:worker_threads';

export interface ReadersReport {
  streams: number;
  failures: Record<string, number>;
  /** Streams the server closed during the run (a reader too slow for its 1 MiB bound). */
  closedByServer: number;
  /** Acknowledged writes × streams that never arrived. */
  missed: number;
  p50Ms: number | null;
  p95Ms: number | null;
  maxMs: number | null;
  /** How busy each reader thread's event loop was (0..1): near 1, the client was the bottleneck. */
  readerBusy: number[];
}

export interface StreamReaders {
  streams: number;
  failures: Record<string, number>;
  /** Acknowledged writes × streams not arrived yet. */
  missing(acked: Uint8Array): Promise<number>;
  /** `sentAt[n]`: when write n was sent (ms since the epoch); `acked[n]`: 1 once the server acknowledged it. */
  finish(sentAt: Float64Array, acked: Uint8Array): Promise<ReadersReport>;
}

export async function openStreamReaders(
  base: string,
  path: string,
  tokens: string[],
  writes: number,
  threads: number,
): Promise<StreamReaders> {
  const shares = Array.from({ length: threads }, (_, t) => tokens.filter((_, i) => i % threads === t));
  const workers = shares.map(
    (share) =>
      new Worker(new URL('./bootstrap.mjs', import.meta.url), {
        workerData: {
          entry: new URL('./stream-readers.worker.ts', import.meta.url).href,
          setup: { base, path, tokens: share, writes },
        },
      }),
  );
  const answer = <T>(worker: Worker, type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: { type: string }) => {
        if (message.type !== type) return;
        worker.off('message', onMessage);
        resolve(message as T);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
  const opened = await Promise.all(
    workers.map((worker) => {
      const done = answer<{ streams: number; failures: Record<string, number> }>(worker, 'opened');
      worker.postMessage({ type: 'open' });
      return done;
    }),
  );
  const failures: Record<string, number> = {};
  for (const o of opened)
    for (const [code, n] of Object.entries(o.failures)) failures[code] = (failures[code] ?? 0) + n;
  return {
    streams: opened.reduce((sum, o) => sum + o.streams, 0),
    failures,
    async missing(acked) {
      const counts = await Promise.all(
        workers.map((worker) => {
          const done = answer<{ missing: number }>(worker, 'missing');
          worker.postMessage({ type: 'missing', acked });
          return done;
        }),
      );
      return counts.reduce((sum, c) => sum + c.missing, 0);
    },
    async finish(sentAt, acked) {
      type Finished = { histogram: Uint32Array; missed: number; closedByServer: number; busy: number };
      const results = await Promise.all(
        workers.map((worker) => {
          const done = answer<Finished>(worker, 'finished');
          worker.postMessage({ type: 'finish', sentAt, acked });
          return done;
        }),
      );
      await Promise.all(workers.map((worker) => worker.terminate()));
      const histogram = new Uint32Array(60_001);
      for (const r of results) r.histogram.forEach((count, ms) => (histogram[ms]! += count));
      const total = histogram.reduce((sum, count) => sum + count, 0);
      const at = (q: number) => {
        if (total === 0) return null;
        let seen = 0;
        for (let ms = 0; ms < histogram.length; ms++) {
          seen += histogram[ms]!;
          if (seen >= q * total) return ms;
        }
        return null;
      };
      let max: number | null = null;
      for (let ms = histogram.length - 1; ms >= 0 && max === null; ms--) if (histogram[ms]! > 0) max = ms;
      return {
        streams: opened.reduce((sum, o) => sum + o.streams, 0),
        failures,
        closedByServer: results.reduce((sum, r) => sum + r.closedByServer, 0),
        missed: results.reduce((sum, r) => sum + r.missed, 0),
        p50Ms: at(0.5),
        p95Ms: at(0.95),
        maxMs: max,
        readerBusy: results.map((r) => Math.round(r.busy * 100) / 100),
      };
    },
  };
}
