/**
 * The rules photos of initiatives follow, shared by the browser code that
 * prepares them (src/features/initiatives/photos.ts) and the tests.
 */

/** The long edge of a stored photo, in pixels: sharp on a screen, light to sync. */
export const PHOTO_MAX_EDGE = 2000;
/** Encoder quality, 0–1. */
export const PHOTO_QUALITY = 0.85;
/** The blob routes and the schema refuse larger photos (SYNC-PROTOCOL.md, Blobs). */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

/** The size of an image scaled down, never up, so that its long edge fits `maxEdge`. */
export function fitWithin(width: number, height: number, maxEdge = PHOTO_MAX_EDGE): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

const IMAGE_EXTENSION = /\.(?:jpe?g|jfif|png|webp|gif|avif|heic|heif|bmp|tiff?)$/i;

/**
 * Whether a picked file claims to be an image: by its type, or by its name
 * when the browser gives no type (some Android file pickers do that).
 */
export function looksLikeImage(type: string, name: string): boolean {
  if (type) return type.startsWith('image/');
  return IMAGE_EXTENSION.test(name);
}

/** Lowercase hexadecimal of some bytes (a SHA-256 digest: 64 characters). */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let hex = '';
  for (const byte of view) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** « 5 Mo », « 5,3 Mo »: rounded up, so that a size over a limit never reads as the limit. */
export function formatMegabytes(bytes: number): string {
  const tenths = Math.ceil((bytes * 10) / (1024 * 1024));
  return `${String(tenths / 10).replace('.', ',')} Mo`;
}
