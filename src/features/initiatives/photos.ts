/**
 * Prepares a photo picked for an initiative before it is stored and synced:
 * upright, at most 2000 px on its long edge, re-encoded (WebP where the
 * browser can, else JPEG), addressed by the SHA-256 of its bytes.
 *
 * Metadata: a canvas holds pixels and nothing else, and the browser's encoder
 * writes a new file from those pixels alone. So the EXIF block of a phone
 * photo (GPS position, date, device make and serial, thumbnail), its XMP and
 * IPTC data and anything appended to the file are all left behind: no EXIF
 * library is needed to strip them. The one EXIF field that matters, the
 * orientation, is applied to the pixels first (`imageOrientation:
 * 'from-image'`), so the photo stays upright without it.
 *
 * Browser-only (createImageBitmap, OffscreenCanvas or a canvas element,
 * crypto.subtle in a secure context); the rules are in
 * src/model/initiatives/photo-rules.ts.
 */
import {
  PHOTO_MAX_BYTES,
  PHOTO_MAX_EDGE,
  PHOTO_QUALITY,
  fitWithin,
  formatMegabytes,
  looksLikeImage,
  toHex,
} from '../../model/initiatives/photo-rules.ts';

export type PreparedPhotoType = 'image/jpeg' | 'image/webp';

export interface PreparedPhoto {
  blob: Blob;
  type: PreparedPhotoType;
  width: number;
  height: number;
  bytes: number;
  /** Lowercase hexadecimal SHA-256 of `blob`: its address in the blob store. */
  sha256: string;
}

export type PhotoErrorReason = 'not-image' | 'undecodable' | 'encoding' | 'too-large';

/** Why a photo was refused, with a French message to show as it is. */
export class PhotoError extends Error {
  override name = 'PhotoError';
  constructor(
    readonly reason: PhotoErrorReason,
    message: string,
  ) {
    super(message);
  }
}

/** The SHA-256 of a blob's bytes, as 64 lowercase hexadecimal characters. */
export async function sha256Hex(blob: Blob): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
}

type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

function makeCanvas(width: number, height: number): { context: Canvas2D; encode: (type: string) => Promise<Blob> } {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (context) return { context, encode: (type) => canvas.convertToBlob({ type, quality: PHOTO_QUALITY }) };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new PhotoError('encoding', 'Cet appareil n’a pas pu préparer la photo. Réessayez.');
  const encode = (type: string) =>
    new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob gave nothing'))), type, PHOTO_QUALITY),
    );
  return { context, encode };
}

/**
 * Decodes, turns upright, scales down and re-encodes a picked photo, which
 * drops all its metadata (see above). Throws a PhotoError with a French
 * message when the file is not an image, cannot be decoded, or is still over
 * 5 MiB once prepared.
 */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  if (!looksLikeImage(file.type, file.name)) {
    throw new PhotoError('not-image', `« ${file.name} » n’est pas une image : choisissez une photo.`);
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoError(
      'undecodable',
      `Impossible d’ouvrir « ${file.name} » : l’image est peut-être abîmée, ou dans un format que ce navigateur ne lit pas (HEIC par exemple). Essayez une photo JPEG ou PNG.`,
    );
  }
  let blob: Blob;
  const { width, height } = fitWithin(bitmap.width, bitmap.height, PHOTO_MAX_EDGE);
  try {
    const { context, encode } = makeCanvas(width, height);
    // A transparent PNG would turn black in a JPEG: photos get a white background.
    context.fillStyle = '#fff';
    context.fillRect(0, 0, width, height);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, width, height);
    // A browser that cannot encode WebP (Safari) gives a PNG instead: JPEG then.
    blob = await encode('image/webp');
    if (blob.type !== 'image/webp') blob = await encode('image/jpeg');
  } catch (error) {
    if (error instanceof PhotoError) throw error;
    throw new PhotoError('encoding', 'Cet appareil n’a pas pu préparer la photo. Réessayez.');
  } finally {
    bitmap.close();
  }
  if (blob.type !== 'image/webp' && blob.type !== 'image/jpeg') {
    throw new PhotoError('encoding', 'Ce navigateur ne sait pas enregistrer la photo en JPEG ni en WebP.');
  }
  if (blob.size > PHOTO_MAX_BYTES) {
    throw new PhotoError(
      'too-large',
      `Même réduite, cette photo pèse ${formatMegabytes(blob.size)}, au-delà de la limite de ${formatMegabytes(PHOTO_MAX_BYTES)}. Choisissez-en une autre.`,
    );
  }
  return { blob, type: blob.type, width, height, bytes: blob.size, sha256: await sha256Hex(blob) };
}
