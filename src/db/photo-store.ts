import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { Subject, type Observable } from 'rxjs';
import type { PhotoType } from '../model/initiatives.ts';

/**
 * The photos of initiatives on this device, in a small IndexedDB database of
 * their own (not RxDB: replication must never carry their bytes), addressed
 * by the SHA-256 of their bytes. A photo taken here waits with
 * `uploaded: false` until the upload queue has sent it; a photo fetched from
 * the server is kept with `uploaded: true`, so it shows offline afterwards.
 *
 * Bytes are kept as an ArrayBuffer and their type beside them, never as a
 * Blob: Safari has lost Blobs stored in IndexedDB before. The description
 * (small) and the bytes (large) sit in two stores, so that listing what waits
 * to be sent never reads megabytes.
 */

export interface PhotoFailure {
  /** HTTP status of the refusal. */
  status: number;
  /** Why, in French, to show on the initiative. */
  message: string;
}

export interface StoredPhotoInfo {
  sha256: string;
  type: PhotoType;
  /** Size of the bytes. */
  size: number;
  width: number;
  height: number;
  /** The server has it. */
  uploaded: boolean;
  /** The server refused it for good (400, 413, 415): not sent again. */
  failure?: PhotoFailure;
  /** When it was stored here (ms since 1970). */
  savedAt: number;
}

export interface StoredPhoto extends StoredPhotoInfo {
  bytes: ArrayBuffer;
}

export interface NewPhoto {
  sha256: string;
  type: PhotoType;
  bytes: ArrayBuffer;
  width: number;
  height: number;
}

interface PhotoSchema extends DBSchema {
  info: { key: string; value: StoredPhotoInfo };
  bytes: { key: string; value: { sha256: string; data: ArrayBuffer } };
}

export const PHOTO_DATABASE = 'initiative-photos';

export class PhotoStore {
  private readonly changed = new Subject<string>();
  /** The hash of each photo added, changed or removed in this page. */
  readonly changes$: Observable<string> = this.changed.asObservable();

  private constructor(private readonly idb: IDBPDatabase<PhotoSchema>) {}

  /** `onClosed`: the connection is gone (another tab upgrades the database, or the browser closed it, as iOS does). */
  static async open(name = PHOTO_DATABASE, onClosed: () => void = () => undefined): Promise<PhotoStore> {
    const idb = await openDB<PhotoSchema>(name, 1, {
      upgrade(database) {
        database.createObjectStore('info', { keyPath: 'sha256' });
        database.createObjectStore('bytes', { keyPath: 'sha256' });
      },
      blocking() {
        idb.close();
        onClosed();
      },
      terminated: onClosed,
    });
    return new PhotoStore(idb);
  }

  /**
   * Keeps a photo. Storing one already here changes nothing but the
   * `uploaded` flag, which only ever goes from false to true. Throws the
   * browser's error (QuotaExceededError when the device is full).
   */
  async put(photo: NewPhoto, { uploaded = false }: { uploaded?: boolean } = {}): Promise<void> {
    const tx = this.idb.transaction(['info', 'bytes'], 'readwrite');
    const info = tx.objectStore('info');
    const existing = await info.get(photo.sha256);
    if (existing) {
      if (uploaded && !existing.uploaded) await info.put(asUploaded(existing));
    } else {
      await info.put({
        sha256: photo.sha256,
        type: photo.type,
        size: photo.bytes.byteLength,
        width: photo.width,
        height: photo.height,
        uploaded,
        savedAt: Date.now(),
      });
      await tx.objectStore('bytes').put({ sha256: photo.sha256, data: photo.bytes });
    }
    await tx.done;
    this.changed.next(photo.sha256);
  }

  async get(sha256: string): Promise<StoredPhoto | undefined> {
    const tx = this.idb.transaction(['info', 'bytes'], 'readonly');
    const [info, bytes] = await Promise.all([tx.objectStore('info').get(sha256), tx.objectStore('bytes').get(sha256)]);
    await tx.done;
    return info && bytes ? { ...info, bytes: bytes.data } : undefined;
  }

  info(sha256: string): Promise<StoredPhotoInfo | undefined> {
    return this.idb.get('info', sha256);
  }

  /** What is known of every photo on the device, without their bytes. */
  list(): Promise<StoredPhotoInfo[]> {
    return this.idb.getAll('info');
  }

  markUploaded(sha256: string): Promise<void> {
    return this.update(sha256, asUploaded);
  }

  markFailed(sha256: string, failure: PhotoFailure): Promise<void> {
    return this.update(sha256, (info) => ({ ...info, failure }));
  }

  async remove(sha256: string): Promise<void> {
    const tx = this.idb.transaction(['info', 'bytes'], 'readwrite');
    await Promise.all([tx.objectStore('info').delete(sha256), tx.objectStore('bytes').delete(sha256)]);
    await tx.done;
    this.changed.next(sha256);
  }

  /** Removes every photo not in `keep`; returns how many went. */
  async removeAllBut(keep: ReadonlySet<string>): Promise<number> {
    const hashes = (await this.idb.getAllKeys('info')).filter((sha256) => !keep.has(sha256));
    for (const sha256 of hashes) await this.remove(sha256);
    return hashes.length;
  }

  close(): void {
    this.idb.close();
  }

  private async update(sha256: string, change: (info: StoredPhotoInfo) => StoredPhotoInfo): Promise<void> {
    const tx = this.idb.transaction('info', 'readwrite');
    const info = await tx.store.get(sha256);
    if (info) await tx.store.put(change(info));
    await tx.done;
    if (info) this.changed.next(sha256);
  }
}

function asUploaded({ failure: _failure, ...info }: StoredPhotoInfo): StoredPhotoInfo {
  return { ...info, uploaded: true };
}

let opening: Promise<PhotoStore> | undefined;

/** The device's photo store, opened once per page (again after a failed opening, or a lost connection). */
export function photoStore(): Promise<PhotoStore> {
  const forget = () => {
    opening = undefined;
  };
  opening ??= PhotoStore.open(PHOTO_DATABASE, forget).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}
