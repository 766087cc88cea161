import { describe, expect, it } from 'vitest';
import { MediaDownloader, type MediaCache } from './downloader.ts';

const ITEMS = [
  { url: '/m/a', bytes: 3 },
  { url: '/m/b', bytes: 4 },
  { url: '/m/c', bytes: 5 },
];

function memoryCache(): MediaCache & { urls: Set<string> } {
  const urls = new Set<string>();
  return { urls, has: async (url) => urls.has(url), put: async (url) => void urls.add(url) };
}

/** Serves ITEMS' bytes; `online` can be switched off like a lost network. */
function network() {
  const state = { online: true, requested: [] as string[], cutAfter: Infinity };
  const doFetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    if (state.requested.length >= state.cutAfter) state.online = false;
    if (!state.online) throw new TypeError('Failed to fetch');
    state.requested.push(url);
    if (url === '/m/missing') return new Response('nope', { status: 404 });
    return new Response(new Uint8Array(ITEMS.find((i) => i.url === url)!.bytes));
  }) as typeof fetch;
  return { state, doFetch };
}

describe('MediaDownloader', () => {
  it('downloads every missing file with progress, and skips what is on the device', async () => {
    const cache = memoryCache();
    cache.urls.add('/m/a');
    const net = network();
    const downloader = new MediaDownloader(async () => cache, net.doFetch);
    const seen: number[] = [];
    downloader.state$.subscribe((s) => seen.push(s.bytesDone));
    const state = await downloader.start(ITEMS);
    expect(state).toMatchObject({ status: 'done', filesDone: 3, filesTotal: 3, bytesDone: 12, bytesTotal: 12 });
    expect(net.state.requested).toEqual(['/m/b', '/m/c']);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('stops when the network is lost and resumes with only the missing files', async () => {
    const cache = memoryCache();
    const net = network();
    net.state.cutAfter = 1;
    const downloader = new MediaDownloader(async () => cache, net.doFetch);
    expect(await downloader.start(ITEMS)).toMatchObject({ status: 'interrupted', filesDone: 1, bytesDone: 3 });
    expect(downloader.state$.value.message).toMatch(/reprendra/);

    net.state.online = true;
    net.state.cutAfter = Infinity;
    expect(await downloader.start(ITEMS)).toMatchObject({ status: 'done', filesDone: 3 });
    expect(net.state.requested).toEqual(['/m/a', '/m/b', '/m/c']);
  });

  it('reports a file the server refuses, keeping the others', async () => {
    const cache = memoryCache();
    const downloader = new MediaDownloader(async () => cache, network().doFetch);
    const state = await downloader.start([ITEMS[0]!, { url: '/m/missing', bytes: 1 }]);
    expect(state).toMatchObject({ status: 'failed', filesDone: 1 });
    expect(state.message).toMatch(/erreur 404/);
    expect([...cache.urls]).toEqual(['/m/a']);
  });

  it('can be cancelled, keeping what was downloaded', async () => {
    const cache = memoryCache();
    const net = network();
    const downloader = new MediaDownloader(async () => cache, net.doFetch);
    downloader.state$.subscribe((s) => {
      if (s.filesDone === 1 && s.status === 'downloading') downloader.cancel();
    });
    const state = await downloader.start(ITEMS);
    expect(state.status).toBe('cancelled');
    expect([...cache.urls]).toEqual(['/m/a']);
  });
});
