import { filter } from 'rxjs';
import type { AppDatabase } from '../database.ts';
import { network } from '../network.ts';
import { mediaUrl } from '../../model/library.ts';
import { browserMediaCache, MEDIA_CACHE, MediaDownloader, type MediaItem } from './downloader.ts';

/** The storage seam: what is on the device, and the offline download of media. */

export const downloader = new MediaDownloader(browserMediaCache);

/** Every media file of the library, once each. */
export async function libraryMedia(db: AppDatabase): Promise<MediaItem[]> {
  const resources = await db.resources.find().exec();
  const items = new Map<string, MediaItem>();
  for (const resource of resources) {
    for (const media of resource.media ?? []) items.set(mediaUrl(media), { url: mediaUrl(media), bytes: media.bytes });
  }
  return [...items.values()];
}

/** "Tout télécharger pour le hors-ligne": asks to keep the data, then fetches what is missing. */
export async function downloadEverything(db: AppDatabase): Promise<void> {
  await requestPersistence();
  await downloader.start(await libraryMedia(db));
}

let resumeListening = false;
/** An interrupted download carries on by itself when the network returns. */
export function resumeWhenOnline(db: AppDatabase): void {
  if (resumeListening) return;
  resumeListening = true;
  network?.reachable$.pipe(filter(Boolean)).subscribe(() => {
    if (downloader.state$.value.status === 'interrupted') void downloadEverything(db);
  });
}

export async function cachedMediaUrls(): Promise<Set<string>> {
  if (typeof caches === 'undefined') return new Set();
  const cache = await caches.open(MEDIA_CACHE);
  return new Set((await cache.keys()).map((request) => new URL(request.url).pathname));
}

export interface StorageReport {
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

export async function storageReport(): Promise<StorageReport> {
  if (!navigator.storage) return {};
  const [estimate, persisted] = await Promise.all([
    navigator.storage.estimate?.() ?? Promise.resolve(undefined),
    navigator.storage.persisted?.() ?? Promise.resolve(undefined),
  ]);
  return { usage: estimate?.usage, quota: estimate?.quota, persisted };
}

/** Asks the browser not to evict the device's data; returns what it granted. */
export async function requestPersistence(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
