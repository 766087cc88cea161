import { filter, skip } from 'rxjs';
import type { AppDatabase } from '../../db/database.ts';
import { network } from '../../db/network.ts';
import { photoStore } from '../../db/photo-store.ts';
import type { Session } from '../../db/session.ts';
import { recordedPhotoHashes, referencedPhotoHashes } from './commands.ts';
import { PhotoUploadQueue } from './photo-queue.ts';

/** The page's upload queue of photos, one per database (the sync engine drives it, screens show its progress). */
const queues = new WeakMap<AppDatabase, PhotoUploadQueue>();
const sessions = new WeakMap<AppDatabase, Session | null>();

export function photoUploads(db: AppDatabase): PhotoUploadQueue {
  let queue = queues.get(db);
  if (!queue) {
    queue = new PhotoUploadQueue({ store: photoStore, wanted: () => recordedPhotoHashes(db) });
    // Once the server answers again (not merely when the browser says « online »).
    network?.reachable$.pipe(skip(1), filter(Boolean)).subscribe(() => queue!.resume());
    queues.set(db, queue);
  }
  return queue;
}

/**
 * Called by the sync engine with each session: sends while signed in. On
 * signing out (which wipes the user's data from the device), the photos that
 * nothing on the device refers to any more go too.
 */
export function followSession(db: AppDatabase, session: Session | null): void {
  const previous = sessions.get(db) ?? null;
  sessions.set(db, session);
  photoUploads(db).follow(session, session ? [db.initiatives.$] : []);
  if (previous && !session) {
    void Promise.all([photoStore(), referencedPhotoHashes(db)])
      .then(([store, keep]) => store.removeAllBut(keep))
      .catch(() => undefined); // tried again at the next sign-out
  }
}
