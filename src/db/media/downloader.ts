import { serverFetch } from '../network.ts';
import { BehaviorSubject } from 'rxjs';

/** The Cache Storage cache holding library media; the service worker serves from it. */
export const MEDIA_CACHE = 'library-media';

export interface MediaItem {
  url: string;
  bytes: number;
}

export type DownloadStatus = 'idle' | 'downloading' | 'interrupted' | 'cancelled' | 'done' | 'failed';

export interface DownloadState {
  status: DownloadStatus;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  /** What went wrong, in French, when status is interrupted or failed. */
  message?: string;
}

export interface MediaCache {
  has(url: string): Promise<boolean>;
  put(url: string, response: Response): Promise<void>;
}

export const IDLE: DownloadState = { status: 'idle', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0 };

/**
 * Downloads every library media file into the device's cache, one after
 * another, with progress. What is already cached is skipped, so running it
 * again after an interruption resumes where it stopped. Cancel keeps what
 * was downloaded.
 */
export class MediaDownloader {
  readonly state$ = new BehaviorSubject<DownloadState>(IDLE);
  private abort: AbortController | undefined;

  constructor(
    private readonly cache: () => Promise<MediaCache>,
    private readonly doFetch: typeof fetch = (input, init) => serverFetch(input, init),
  ) {}

  get running(): boolean {
    return this.state$.value.status === 'downloading';
  }

  async start(items: MediaItem[]): Promise<DownloadState> {
    if (this.running) return this.state$.value;
    const abort = (this.abort = new AbortController());
    const cache = await this.cache();
    const total = { filesTotal: items.length, bytesTotal: items.reduce((n, i) => n + i.bytes, 0) };
    let filesDone = 0;
    let bytesDone = 0;
    const publish = (status: DownloadStatus, extra: Partial<DownloadState> = {}) =>
      this.state$.next({ status, filesDone, bytesDone, ...total, ...extra });
    publish('downloading');
    for (const item of items) {
      if (abort.signal.aborted) return this.state$.value;
      try {
        if (!(await cache.has(item.url))) {
          await this.download(item, cache, abort.signal, (n) => publish('downloading', { bytesDone: bytesDone + n }));
        }
      } catch (error) {
        if (abort.signal.aborted) return this.state$.value;
        if (error instanceof HttpError) {
          publish('failed', {
            message: `Un fichier n'a pas pu être téléchargé (${error.message}) ; les autres sont gardés.`,
          });
        } else {
          publish('interrupted', {
            message: 'Le réseau a été perdu : le téléchargement reprendra là où il s’est arrêté.',
          });
        }
        return this.state$.value;
      }
      filesDone += 1;
      bytesDone += item.bytes;
      publish('downloading');
    }
    publish('done');
    return this.state$.value;
  }

  cancel(): void {
    if (!this.running) return;
    this.abort?.abort();
    this.state$.next({ ...this.state$.value, status: 'cancelled', message: undefined });
  }

  private async download(item: MediaItem, cache: MediaCache, signal: AbortSignal, progress: (bytes: number) => void) {
    const response = await this.doFetch(item.url, { signal, cache: 'no-store' });
    if (!response.ok || !response.body) throw new HttpError(`erreur ${response.status}`);
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      progress(received);
    }
    const headers = { 'content-type': response.headers.get('content-type') ?? 'application/octet-stream' };
    await cache.put(item.url, new Response(new Blob(chunks as BlobPart[]), { headers }));
  }
}

class HttpError extends Error {}

/** The browser's Cache Storage, as the downloader's cache. */
export async function browserMediaCache(): Promise<MediaCache> {
  const cache = await caches.open(MEDIA_CACHE);
  return {
    has: async (url) => (await cache.match(url)) !== undefined,
    put: (url, response) => cache.put(url, response),
  };
}
