import { useEffect, useState, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { useObservable, useOnline } from '../../db/react/hooks.ts';
import { mediaUrl, type MediaFile } from '../../model/library.ts';
import { formatBytes } from '../../ui/format.ts';
import { cachedMediaUrls, downloader } from '../../db/media/media-storage.ts';

/**
 * The files that go with a text, each saying whether it is on the device.
 * One that is not, tapped with no way to the server, says so here in
 * French instead of opening the browser's error page.
 */
export function MediaList({ media }: { media: MediaFile[] }) {
  const online = useOnline();
  const download = useObservable(() => downloader.state$, []);
  const [cached, setCached] = useState<Set<string>>();
  const [unavailable, setUnavailable] = useState<string>();
  useEffect(() => {
    void cachedMediaUrls().then(setCached);
  }, [download?.filesDone, online]);

  const open = (event: MouseEvent, title: string, here: boolean) => {
    if (here || online) return;
    event.preventDefault();
    setUnavailable(title);
  };

  return (
    <section aria-labelledby="documents" className="media">
      <h2 id="documents">Documents à imprimer</h2>
      <ul className="list">
        {media.map((m) => {
          const url = mediaUrl(m);
          const here = cached?.has(url) ?? false;
          return (
            <li key={m.file} className="card">
              <a href={url} target="_blank" rel="noopener" onClick={(e) => open(e, m.title, here)}>
                {m.title}
              </a>{' '}
              <span className="muted">
                ({formatBytes(m.bytes)},{' '}
                {cached === undefined ? '…' : here ? 'sur l’appareil' : 'pas sur l’appareil : demande une connexion'})
              </span>
            </li>
          );
        })}
      </ul>
      {unavailable && (
        <div role="alert" className="notice">
          <p>
            « {unavailable} » n’est pas sur cet appareil et le serveur est hors d’atteinte. Au retour du réseau, touchez
            à nouveau son lien ; pour emporter tous les documents d’un coup, utilisez « Tout télécharger pour le
            hors-ligne » dans <Link to="/hors-ligne">Stockage hors ligne</Link>.
          </p>
          <button type="button" className="button secondary" onClick={() => setUnavailable(undefined)}>
            Fermer
          </button>
        </div>
      )}
    </section>
  );
}
