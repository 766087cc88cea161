/**
 * The browser's BarcodeDetector (Shape Detection API), not yet in
 * TypeScript's DOM types. Present in Chrome on Android, macOS and ChromeOS;
 * absent on desktop Linux/Windows, Firefox and Safari, where the code is typed.
 */
export interface DetectedBarcode {
  rawValue: string;
  format: string;
}

export interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}

interface BarcodeDetectorClass {
  new (options?: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

function detectorClass(): BarcodeDetectorClass | undefined {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
}

/** True when this device has a camera and this browser can read QR codes in its picture. */
export async function canScanQrCodes(): Promise<boolean> {
  const Detector = detectorClass();
  const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
  if (!Detector || !media?.getUserMedia || !media.enumerateDevices) return false;
  try {
    const [formats, devices] = await Promise.all([Detector.getSupportedFormats(), media.enumerateDevices()]);
    return formats.includes('qr_code') && devices.some((device) => device.kind === 'videoinput');
  } catch {
    return false;
  }
}

export function createQrDetector(): BarcodeDetectorLike {
  const Detector = detectorClass();
  if (!Detector) throw new Error('BarcodeDetector is not available');
  return new Detector({ formats: ['qr_code'] });
}

/** Why the camera did not open, in French, with the way round it. */
export function cameraProblem(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return "L'accès à la caméra a été refusé. Autorisez-le dans les réglages du navigateur, ou saisissez le code.";
    case 'NotFoundError':
    case 'OverconstrainedError':
      return "Aucune caméra n'est disponible sur cet appareil : saisissez le code.";
    case 'NotReadableError':
      return 'La caméra est déjà utilisée par une autre application. Fermez-la, ou saisissez le code.';
    default:
      return "La caméra n'a pas pu s'ouvrir : saisissez le code.";
  }
}
