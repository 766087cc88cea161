/**
 * Files some screens need offline but that the app's install leaves out to
 * stay light: the commune list of the initiative form and, on browsers
 * without a QR reader of their own, the WebAssembly one. Once the library
 * is on the device, they are put in a cache the service worker answers
 * from (vite.config.ts, same cache name); an older build's copies go.
 */
import { COMMUNE_LIST_URL } from '../ui/commune-list.ts';
import { readsQrCodesNatively } from '../ui/qr/detector.ts';
import { ZXING_WASM_URL } from '../ui/qr/zxing-wasm.ts';

export const OFFLINE_EXTRAS_CACHE = 'offline-extras';

export async function cacheOfflineExtras(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const wanted = [COMMUNE_LIST_URL, ...((await readsQrCodesNatively()) ? [] : [ZXING_WASM_URL])].map(
    (path) => new URL(path, window.location.href).href,
  );
  const cache = await caches.open(OFFLINE_EXTRAS_CACHE);
  const held = (await cache.keys()).map((request) => request.url);
  await Promise.all(held.filter((url) => !wanted.includes(url)).map((url) => cache.delete(url)));
  // One after the other: the second waits for the first rather than halving a slow connection.
  for (const url of wanted.filter((url) => !held.includes(url))) await cache.add(url);
}
