import { useEffect, useState } from 'react';
import type { AppDatabase } from '../../db/database.ts';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable, useOnline } from '../../db/react/hooks.ts';
import {
  cachedMediaUrls,
  downloader,
  downloadEverything,
  libraryMedia,
  resumeWhenOnline,
  storageReport,
  type StorageReport,
} from '../../db/media/media-storage.ts';
import { formatBytes } from '../../ui/format.ts';
import type { MediaItem } from '../../db/media/downloader.ts';

interface Snapshot {
  media: MediaItem[];
  cached: Set<string>;
  report: StorageReport;
}

async function loadSnapshot(db: AppDatabase): Promise<Snapshot> {
  const [media, cached, report] = await Promise.all([libraryMedia(db), cachedMediaUrls(), storageReport()]);
  return { media, cached, report };
}

/** What the device holds, and the offline download of the library's media. */
export default function StoragePage() {
  const { db, libraryStatus$ } = useDatabase();
  const online = useOnline();
  const library = useObservable(() => libraryStatus$, [libraryStatus$]);
  const download = useObservable(() => downloader.state$, []);
  const [snapshot, setSnapshot] = useState<Snapshot>();
  useEffect(() => resumeWhenOnline(db), [db]);
  useEffect(() => {
    let current = true;
    void loadSnapshot(db).then((next) => current && setSnapshot(next));
    return () => {
      current = false;
    };
  }, [db, download?.status, download?.filesDone, library?.documents]);
  const { media, cached = new Set<string>(), report = {} } = snapshot ?? {};

  const onDevice = media?.filter((m) => cached.has(m.url)) ?? [];
  const mediaBytes = media?.reduce((n, m) => n + m.bytes, 0) ?? 0;
  const running = download?.status === 'downloading';

  return (
    <>
      <h1>Stockage hors ligne</h1>
      <section aria-labelledby="sur-appareil">
        <h2 id="sur-appareil">Sur cet appareil</h2>
        <dl className="facts">
          <dt>Bibliothèque (textes)</dt>
          <dd>{library ? `${library.documents} documents, lisibles sans réseau` : '…'}</dd>
          <dt>Médias</dt>
          <dd>
            {media === undefined
              ? '…'
              : `${onDevice.length} fichier${onDevice.length > 1 ? 's' : ''} sur ${media.length} téléchargé${onDevice.length > 1 ? 's' : ''} (${formatBytes(mediaBytes)} en tout)`}
          </dd>
          <dt>Espace utilisé</dt>
          <dd>
            {report.usage === undefined
              ? 'Inconnu sur ce navigateur'
              : `${formatBytes(report.usage)}${report.quota ? ` sur ${formatBytes(report.quota)} disponibles` : ''}`}
          </dd>
          <dt>Stockage persistant</dt>
          <dd>
            {report.persisted
              ? 'Accordé : le navigateur ne l’effacera pas pour faire de la place.'
              : 'Non accordé : si l’appareil manque de place, le navigateur peut effacer ces données.'}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="telecharger">
        <h2 id="telecharger">Tout avoir sans réseau</h2>
        <p>
          Les textes sont déjà sur l’appareil. Les médias (fiches à imprimer, schémas) se téléchargent à la demande, ou
          tous ensemble ici avant de partir sur le terrain.
        </p>
        {!running && (
          <button type="button" className="button" disabled={!online} onClick={() => void downloadEverything(db)}>
            {download?.status === 'interrupted' || download?.status === 'cancelled'
              ? 'Reprendre le téléchargement'
              : 'Tout télécharger pour le hors-ligne'}
          </button>
        )}
        {!online && !running && <p className="muted">Sans réseau pour l’instant : le téléchargement attendra.</p>}
        {download && download.status !== 'idle' && (
          <div className="download" role="status">
            <label htmlFor="download-progress">
              {download.status === 'done'
                ? 'Téléchargement terminé'
                : download.status === 'cancelled'
                  ? 'Téléchargement annulé'
                  : `Téléchargement : ${download.filesDone} fichier${download.filesDone > 1 ? 's' : ''} sur ${download.filesTotal}`}{' '}
              ({formatBytes(download.bytesDone)} sur {formatBytes(download.bytesTotal)})
            </label>
            <progress id="download-progress" max={download.bytesTotal || 1} value={download.bytesDone} />
            {download.message && <p>{download.message}</p>}
            {running && (
              <button type="button" className="button secondary" onClick={() => downloader.cancel()}>
                Annuler
              </button>
            )}
          </div>
        )}
      </section>
    </>
  );
}
