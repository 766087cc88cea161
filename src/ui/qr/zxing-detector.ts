/**
 * The WebAssembly QR reader, for browsers without BarcodeDetector. Its
 * .wasm file is served by the app itself (and kept by the service worker
 * for offline use), never fetched from the ponyfill's default CDN.
 */
import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { BarcodeDetectorLike } from './detector.ts';

let prepared = false;

export function createZxingDetector(): BarcodeDetectorLike {
  if (!prepared) {
    prepareZXingModule({
      overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
    });
    prepared = true;
  }
  return new BarcodeDetector({ formats: ['qr_code'] });
}
