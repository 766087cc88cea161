/**
 * Files some screens need offline but that the app's install leaves out to
 * stay light: the commune list of the initiative form, the code that draws
 * QR codes and, on browsers without a QR reader of their own, the
 * WebAssembly one. Once the library is on the device, they are put in a
 * cache the service worker answers from (vite.config.ts, same cache name);
 * an older build's copies go. They are fetched, never run: code loaded
 * here would keep the page busy and out of the back/forward cache.
 */
import { COMMUNE_LIST_URL } from '../ui/commune-list.ts';
import { readsQrCodesNatively } from '../ui/qr/detector.ts';
import { ZXING_WASM_URL } from '../ui/qr/zxing-wasm.ts';

export const OFFLINE_EXTRAS_CACHE = 'offline-extras';

/** The code files of this build listed in index.html's `<meta name>` (scripts/offline-extras-plugin.ts). */
function listedFiles(name: string): string[] {
  return (document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '').split(' ').filter(Boolean);
}

export async function cacheOfflineExtras(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const qrReader = (await readsQrCodesNatively()) ? [] : [ZXING_WASM_URL, ...listedFiles('offline-extras-qr-reader')];
  const wanted = [COMMUNE_LIST_URL, ...listedFiles('offline-extras'), ...qrReader].map(
    (path) => new URL(path, window.location.href).href,
  );
  const cache = await caches.open(OFFLINE_EXTRAS_CACHE);
  const held = (await cache.keys()).map((request) => request.url);
  await Promise.all(held.filter((url) => !wanted.includes(url)).map((url) => cache.delete(url)));
  // One after the other: the second waits for the first rather than halving a slow connection.
  for (const url of wanted.filter((url) => !held.includes(url))) await cache.add(url);
}
