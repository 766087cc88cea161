import { createParser } from 'eventsource-parser';
import { Observable } from 'rxjs';

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
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  return new Observable<StreamEvent>((subscriber) => {
    const abort = new AbortController();
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
    void connect();
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  });
}
