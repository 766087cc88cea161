import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReachability } from './network.ts';

const ok = () => Promise.resolve(new Response('{}', { status: 200 }));
const refused = () => Promise.reject(new TypeError('Failed to fetch'));

afterEach(() => vi.useRealTimers());

describe('reachability', () => {
  it('learns from the requests themselves, whatever the browser believed', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(refused);
    const r = createReachability({ fetch, healthUrl: '/health', probeEveryMs: 1000, initial: true });
    await expect(r.fetch('/api/v1/replication/needs/pull')).rejects.toThrow();
    expect(r.reachable).toBe(false);
    fetch.mockImplementation(ok);
    await r.fetch('/api/v1/replication/needs/pull');
    expect(await firstValueFrom(r.reachable$)).toBe(true);
  });

  it('counts a refusal by the server as reachable, a gateway failure as not', async () => {
    const r = createReachability({
      fetch: () => Promise.resolve(new Response('', { status: 403 })),
      healthUrl: '/health',
      probeEveryMs: 1000,
      initial: false,
    });
    await r.fetch('/x');
    expect(r.reachable).toBe(true);
    const gateway = createReachability({
      fetch: () => Promise.resolve(new Response('', { status: 504 })),
      healthUrl: '/health',
      probeEveryMs: 1000,
      initial: true,
    });
    await gateway.fetch('/x');
    expect(gateway.reachable).toBe(false);
  });

  it('ignores a request the page aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    const r = createReachability({
      fetch: () => Promise.reject(new DOMException('aborted', 'AbortError')),
      healthUrl: '/health',
      probeEveryMs: 1000,
      initial: true,
    });
    await expect(r.fetch('/x', { signal: abort.signal })).rejects.toThrow();
    expect(r.reachable).toBe(true);
  });

  it('asks the server’s health while unreachable, and stops once it answers', async () => {
    vi.useFakeTimers();
    const fetch = vi.fn<typeof globalThis.fetch>(refused);
    const r = createReachability({ fetch, healthUrl: '/health', probeEveryMs: 1000, initial: false });
    await vi.advanceTimersByTimeAsync(2500);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch).toHaveBeenLastCalledWith('/health', { cache: 'no-store' });
    fetch.mockImplementation(ok);
    await vi.advanceTimersByTimeAsync(1000);
    expect(r.reachable).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
