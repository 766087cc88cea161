/**
 * The WebAssembly QR reader, for browsers without BarcodeDetector. Its
 * .wasm file is served by the app itself (and kept for offline use, see
 * zxing-wasm.ts), never fetched from the ponyfill's default CDN.
 */
import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
import type { BarcodeDetectorLike } from './detector.ts';
import { ZXING_WASM_URL } from './zxing-wasm.ts';

let prepared = false;

export function createZxingDetector(): BarcodeDetectorLike {
  if (!prepared) {
    prepareZXingModule({
      overrides: {
        locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? ZXING_WASM_URL : prefix + path),
      },
    });
    prepared = true;
  }
  return new BarcodeDetector({ formats: ['qr_code'] });
}
