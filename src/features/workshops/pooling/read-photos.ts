import { createQrDetector } from '../../../ui/qr/detector.ts';

/** The texts of the QR codes in photos or screenshots (several codes in one picture are all read). */
export async function readCodesInPictures(files: readonly File[]): Promise<string[]> {
  const detector = await createQrDetector();
  const values: string[] = [];
  for (const file of files) {
    const picture = await createImageBitmap(file);
    try {
      values.push(...(await detector.detect(picture)).map((code) => code.rawValue));
    } finally {
      picture.close();
    }
  }
  return values;
}
