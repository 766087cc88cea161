// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventStream, type StreamEvent } from './stream.ts';

/** A fetch whose event streams stay open until aborted; records each request's signal. */
function streamingFetch() {
  const signals: AbortSignal[] = [];
  const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    const signal = init!.signal!;
    signals.push(signal);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: {"documents":[]}\n\n'));
        signal.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, signals };
}

function setOnLine(value: boolean) {
  vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(value);
  window.dispatchEvent(new Event(value ? 'online' : 'offline'));
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('eventStream and the browser’s network state', () => {
  it('closes the stream when the browser goes offline, without retrying, and reconnects as soon as it is back online', async () => {
    const { fetch, signals } = streamingFetch();
    const events: StreamEvent['kind'][] = [];
    const subscription = eventStream({ url: '/flux', fetch, retryMs: 10 }).subscribe((e) => events.push(e.kind));
    await vi.waitFor(() => expect(events).toEqual(['connected', 'message']));

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    setOnLine(false);
    expect(signals[0]!.aborted).toBe(true);
    // Offline, no retry goes out (a retry would come after retryMs).
    await vi.advanceTimersByTimeAsync(1000);
    expect(signals).toHaveLength(1);
    vi.useRealTimers();

    setOnLine(true);
    await vi.waitFor(() => expect(events).toEqual(['connected', 'message', 'connected', 'message']));
    expect(signals).toHaveLength(2);
    expect(signals[1]!.aborted).toBe(false);
    subscription.unsubscribe();
    expect(signals[1]!.aborted).toBe(true);
  });

  it('does not try to connect while the browser says it is offline, and connects once it is online', async () => {
    vi.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    const { fetch, signals } = streamingFetch();
    const events: StreamEvent['kind'][] = [];
    const subscription = eventStream({ url: '/flux', fetch, retryMs: 10 }).subscribe((e) => events.push(e.kind));
    expect(signals).toHaveLength(0);
    setOnLine(true);
    await vi.waitFor(() => expect(events).toEqual(['connected', 'message']));
    subscription.unsubscribe();
  });
});
