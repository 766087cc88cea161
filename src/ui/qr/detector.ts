/**
 * Reading QR codes in a picture: the browser's BarcodeDetector (Shape
 * Detection API) where it has one — Chrome on Android, macOS and ChromeOS —
 * and elsewhere (Safari on iOS and macOS, Firefox, Chrome on Windows and
 * Linux) the same API from `barcode-detector`, a ponyfill over ZXing-C++
 * compiled to WebAssembly (zxing-wasm), loaded only then.
 */
export interface DetectedBarcode {
  rawValue: string;
  format: string;
}

export interface BarcodeDetectorLike {
  detect(source: ImageBitmapSource): Promise<DetectedBarcode[]>;
}

interface BarcodeDetectorClass {
  new (options?: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?(): Promise<string[]>;
}

function nativeDetectorClass(): BarcodeDetectorClass | undefined {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
}

async function readsQrCodes(Detector: BarcodeDetectorClass): Promise<boolean> {
  try {
    return !Detector.getSupportedFormats || (await Detector.getSupportedFormats()).includes('qr_code');
  } catch {
    return false;
  }
}

/** True when the browser reads QR codes itself (no WebAssembly reader needed). */
export async function readsQrCodesNatively(): Promise<boolean> {
  const Native = nativeDetectorClass();
  return Native !== undefined && (await readsQrCodes(Native));
}

/** A QR code reader: the browser's own when it reads QR codes, else the WebAssembly one. */
export async function createQrDetector(): Promise<BarcodeDetectorLike> {
  const Native = nativeDetectorClass();
  if (Native && (await readsQrCodes(Native))) return new Native({ formats: ['qr_code'] });
  const { createZxingDetector } = await import('./zxing-detector.ts');
  return createZxingDetector();
}

/** True when this device has a camera the page may ask for (every browser can then read codes). */
export async function hasCamera(): Promise<boolean> {
  const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!media?.getUserMedia || !media.enumerateDevices) return false;
  try {
    return (await media.enumerateDevices()).some((device) => device.kind === 'videoinput');
  } catch {
    return false;
  }
}

/** Why the camera did not open, in French, and what to do `instead` (« saisissez le code »). */
export function cameraProblem(error: unknown, instead: string): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return `L'accès à la caméra a été refusé. Autorisez-le dans les réglages du navigateur, ou ${instead}.`;
    case 'NotFoundError':
    case 'OverconstrainedError':
      return `Aucune caméra n'est disponible sur cet appareil : ${instead}.`;
    case 'NotReadableError':
      return `La caméra est déjà utilisée par une autre application. Fermez-la, ou ${instead}.`;
    default:
      return `La caméra n'a pas pu s'ouvrir : ${instead}.`;
  }
}
