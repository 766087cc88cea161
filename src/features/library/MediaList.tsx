import { useEffect, useState } from 'react';
import { useObservable, useOnline } from '../../db/react/hooks.ts';
import { mediaUrl, type MediaFile } from '../../model/library.ts';
import { formatBytes } from '../../ui/format.ts';
import { cachedMediaUrls, downloader } from '../../db/media/media-storage.ts';

/** The files that go with a text; those not on the device are marked when offline. */
export function MediaList({ media }: { media: MediaFile[] }) {
  const online = useOnline();
  const download = useObservable(() => downloader.state$, []);
  const [cached, setCached] = useState<Set<string>>();
  useEffect(() => {
    void cachedMediaUrls().then(setCached);
  }, [download?.filesDone, online]);

  return (
    <section aria-labelledby="documents" className="media">
      <h2 id="documents">Documents à imprimer</h2>
      <ul className="list">
        {media.map((m) => {
          const url = mediaUrl(m);
          const here = cached?.has(url) ?? false;
          return (
            <li key={m.file} className="card">
              {online || here ? (
                <a href={url} target="_blank" rel="noopener">
                  {m.title}
                </a>
              ) : (
                <span>{m.title}</span>
              )}{' '}
              <span className="muted">
                ({formatBytes(m.bytes)}
                {here ? ', sur l’appareil' : online ? '' : ', non téléchargé : nécessite une connexion'})
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
