import { useMemo } from 'react';
import { catchError, from, map, of, startWith, switchMap } from 'rxjs';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import { photoStore, type StoredPhotoInfo } from '../../db/photo-store.ts';
import { watchSession } from '../../db/session.ts';
import { currentOwnerId, watchOutbox } from '../../db/outbox.ts';
import type { Initiative } from '../../model/initiatives.ts';
import type { UploadProgress } from './photo-queue.ts';
import { photoUploads } from './uploads.ts';

/** What the device's photo store knows of these photos, kept current. */
export function usePhotoInfos(hashes: readonly string[]): Map<string, StoredPhotoInfo> {
  const key = [...new Set(hashes)].sort().join(',');
  const infos = useObservable(
    () =>
      from(photoStore()).pipe(
        switchMap((store) =>
          store.changes$.pipe(
            startWith(''),
            switchMap(() =>
              from(
                Promise.all(
                  key
                    .split(',')
                    .filter(Boolean)
                    .map((sha256) => store.info(sha256)),
                ),
              ),
            ),
          ),
        ),
        map((list) => new Map(list.flatMap((info) => (info ? [[info.sha256, info] as const] : [])))),
        catchError(() => of(new Map<string, StoredPhotoInfo>())),
      ),
    [key],
  );
  return useMemo(() => infos ?? new Map(), [infos]);
}

export function useUploadProgress(): UploadProgress | undefined {
  const { db } = useDatabase();
  return useObservable(() => photoUploads(db).progress$, [db]);
}

/** Whose documents are created here now: the signed-in user, or this device. */
export function useOwnerId(): string | undefined {
  const { db } = useDatabase();
  return useObservable(() => watchSession(db).pipe(switchMap(() => from(currentOwnerId(db)))), [db]);
}

/** The `collection/id` keys of what waits to be sent. */
export function useOutbox(): Set<string> {
  const { db } = useDatabase();
  const keys = useObservable(() => watchOutbox(db), [db]);
  return useMemo(() => new Set(keys ?? []), [keys]);
}

export interface PhotoUploadState {
  /** Photos of this device not sent yet. */
  pending: number;
  /** Photos the server refused for good, with the reason. */
  refused: { index: number; message: string }[];
}

export function photoUploadState(initiative: Initiative, infos: Map<string, StoredPhotoInfo>): PhotoUploadState {
  const state: PhotoUploadState = { pending: 0, refused: [] };
  initiative.photos.forEach((photo, index) => {
    const info = infos.get(photo.sha256);
    if (!info || info.uploaded) return;
    if (info.failure) state.refused.push({ index, message: info.failure.message });
    else state.pending++;
  });
  return state;
}

/** « Envoi des photos : 2 sur 5 », or nothing when nothing is being sent. */
export function describeUploads(progress: UploadProgress | undefined): string | undefined {
  if (!progress || progress.total === 0) return undefined;
  const base = `Envoi des photos : ${progress.done} sur ${progress.total}`;
  if (progress.signInNeeded) return `${base} — reconnectez-vous (page Compte) pour envoyer les autres.`;
  if (progress.waiting) return `${base} — en attente du réseau, nouvel essai automatique.`;
  return `${base}…`;
}
