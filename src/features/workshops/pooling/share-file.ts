/**
 * Hands a text file to the system's share sheet (Web Share API with files:
 * Nearby Share, AirDrop, Bluetooth, a messaging app) or, where the browser
 * cannot share files, downloads it.
 */
import { downloadText } from '../../../ui/download.ts';

export type FileHandOver = 'shared' | 'downloaded' | 'cancelled';

export async function shareOrDownload(file: File, title: string): Promise<FileHandOver> {
  if (typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title });
      return 'shared';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
      // The share sheet failed (no target app, not allowed here): download instead.
    }
  }
  downloadText(file.name, file.type, await file.text());
  return 'downloaded';
}
