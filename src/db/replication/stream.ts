import { createParser } from 'eventsource-parser';
import { filter, map, Observable } from 'rxjs';
import type { RxReplicationPullStreamItem } from 'rxdb/plugins/core';
import { serverFetch } from '../network.ts';

export type StreamEvent = { kind: 'message'; data: unknown } | { kind: 'connected' };

export interface StreamOptions {
  url: string;
  fetch?: typeof fetch;
  headers?: () => Record<string, string>;
  /** Delay before reconnecting after the stream drops (ms). */
  retryMs?: number;
}

/**
 * A Server-Sent Events stream read with fetch (so it can carry an
 * Authorization header), parsed by eventsource-parser. It reconnects after
 * a drop and says so at every connection, since writes may have been missed
 * while it was not connected.
 */
export function eventStream(options: StreamOptions): Observable<StreamEvent> {
  const doFetch = options.fetch ?? serverFetch;
  return new Observable<StreamEvent>((subscriber) => {
    let abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const connect = async () => {
      try {
        const response = await doFetch(options.url, {
          headers: { accept: 'text/event-stream', ...options.headers?.() },
          signal: abort.signal,
          cache: 'no-store',
        });
        if (!response.ok || !response.body) throw new Error(`stream: HTTP ${response.status}`);
        subscriber.next({ kind: 'connected' });
        const parser = createParser({
          onEvent(event) {
            try {
              subscriber.next({ kind: 'message', data: JSON.parse(event.data) });
            } catch {
              // A malformed event is skipped; the next pull catches up.
            }
          },
        });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.feed(value);
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      if (!abort.signal.aborted) timer = setTimeout(() => void connect(), options.retryMs ?? 3000);
    };
    const disconnect = () => {
      clearTimeout(timer);
      abort.abort();
    };
    const page = typeof window === 'undefined' ? undefined : window;
    /** A new connection, unless the browser says it is offline: then the 'online' event opens it. */
    const reconnect = () => {
      disconnect();
      abort = new AbortController();
      if (page?.navigator.onLine !== false) void connect();
    };
    // An open request keeps a page out of the back/forward cache: the stream closes when the
    // page is hidden for a navigation, and reconnects (then resyncs) if the page comes back.
    const onPageHide = () => disconnect();
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) reconnect();
    };
    // Offline, the stream is closed rather than left to fail and retry; back online it reconnects
    // at once (then resyncs) instead of at the next retry.
    const onOffline = () => disconnect();
    const onOnline = () => reconnect();
    page?.addEventListener('pagehide', onPageHide);
    page?.addEventListener('pageshow', onPageShow);
    page?.addEventListener('offline', onOffline);
    page?.addEventListener('online', onOnline);
    reconnect();
    return () => {
      page?.removeEventListener('pagehide', onPageHide);
      page?.removeEventListener('pageshow', onPageShow);
      page?.removeEventListener('offline', onOffline);
      page?.removeEventListener('online', onOnline);
      disconnect();
    };
  });
}

/**
 * Whether a pull has begun since the stream last (re)connected, for one
 * collection. Until then, a document event must not reach RxDB as such:
 * its checkpoint would pass over the writes made while the stream was down.
 * RxDB 17.6 should pull first (the stream asks for a RESYNC at every
 * connection), but its downstream queue drops a RESYNC that comes right
 * after a document event in the same batch of tasks; the next document
 * event then moves the checkpoint beyond writes this device never received,
 * and no later pull fetches them (the chaos run, seed 1052).
 */
export class PullGate {
  private connection = 0;
  private pulledIn = -1;

  /** The stream (re)connected, or the server asked for a full pull. */
  reopened(): void {
    this.connection += 1;
  }

  /** A pull request is about to go out: it reads every write made before it. */
  pulling(): void {
    this.pulledIn = this.connection;
  }

  /** A pull has begun since the last (re)connection. */
  get caughtUp(): boolean {
    return this.pulledIn === this.connection;
  }
}

/**
 * One collection's part of a multiplexed stream, as RxDB's pull.stream$
 * wants it: its documents with their checkpoint, and RESYNC after every
 * (re)connection or when the server asks for it. Until the collection's
 * pull handler has begun a pull since then (`gate`), a document event is
 * turned into a RESYNC too, so that a dropped RESYNC cannot let a
 * checkpoint skip writes.
 */
export function collectionStream<Checkpoint>(
  events$: Observable<StreamEvent>,
  collection: string,
  gate: PullGate,
): Observable<RxReplicationPullStreamItem<unknown, Checkpoint>> {
  type Message = { collection: string; documents: unknown[]; checkpoint: Checkpoint } | 'RESYNC';
  return events$.pipe(
    map((event) => {
      const message = event.kind === 'message' ? (event.data as Message) : undefined;
      if (event.kind === 'connected' || message === 'RESYNC') {
        gate.reopened();
        return 'RESYNC' as const;
      }
      if (message!.collection !== collection) return undefined;
      if (!gate.caughtUp) return 'RESYNC' as const;
      return { documents: message!.documents, checkpoint: message!.checkpoint } as RxReplicationPullStreamItem<
        unknown,
        Checkpoint
      >;
    }),
    filter((item) => item !== undefined),
  );
}

/**
 * One collection's pull as RxDB's replication wants it: the stream and the
 * pull handler, kept in step by a PullGate (every pull request tells the
 * gate, so the stream's events pass as documents only once a pull has read
 * what was written while the stream was down).
 */
export function gatedPull<Checkpoint, Page>(
  events$: Observable<StreamEvent>,
  collection: string,
  handler: (checkpoint: Checkpoint | undefined, batchSize: number) => Promise<Page>,
): {
  stream$: Observable<RxReplicationPullStreamItem<unknown, Checkpoint>>;
  handler: (checkpoint: Checkpoint | undefined, batchSize: number) => Promise<Page>;
} {
  const gate = new PullGate();
  return {
    stream$: collectionStream<Checkpoint>(events$, collection, gate),
    handler: (checkpoint, batchSize) => {
      gate.pulling();
      return handler(checkpoint, batchSize);
    },
  };
}
