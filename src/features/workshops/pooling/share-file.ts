/**
 * Hands a text file to the system's share sheet (Web Share API with files:
 * Nearby Share, AirDrop, Bluetooth, a messaging app) or, where the browser
 * cannot share files, downloads it.
 */
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
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return 'downloaded';
}
