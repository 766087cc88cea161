import { useEffect, useMemo, useState } from 'react';
import { dotsUsed } from '../../../model/workshops/dots.ts';
import { encodePool, PoolError } from '../../../model/workshops/pooling/codec.ts';
import { POOL_FILE_TYPE, poolFileName, poolFileText } from '../../../model/workshops/pooling/file.ts';
import type { WorkshopPool } from '../../../model/workshops/pooling/workshop-pool.ts';
import { QrCodeImage } from '../../../ui/qr/QrCodeImage.tsx';
import { shareOrDownload } from './share-file.ts';
import './pooling.css';

/** Time each code of a sequence stays on screen: enough for the camera of the person scanning to find it. */
export const ADVANCE_EVERY_MS = 2500;

interface Props {
  /** This phone's contributions and dots not yet sent. */
  pool: WorkshopPool;
  workshopTitle: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/**
 * « Partager sans réseau » on a participant's phone: what waits to be sent,
 * as large QR codes for the facilitator's camera, one after another when
 * there are several; or as a file through the share sheet.
 */
export function SharePool({ pool, workshopTitle }: Props) {
  const parts = useMemo(() => {
    try {
      return encodePool(pool);
    } catch (error) {
      if (error instanceof PoolError) return error;
      throw error;
    }
  }, [pool]);
  const count = Array.isArray(parts) ? parts.length : 0;
  const [shown, setShown] = useState(0);
  const [playing, setPlaying] = useState(true);
  const [fileStatus, setFileStatus] = useState('');
  const index = count === 0 ? 0 : shown % count;

  useEffect(() => {
    if (!playing || count < 2) return;
    const timer = setInterval(() => setShown((n) => (n + 1) % count), ADVANCE_EVERY_MS);
    return () => clearInterval(timer);
  }, [playing, count]);

  const empty = pool.contributions.length === 0 && pool.dots.length === 0;
  const dots = pool.dots.reduce((sum, doc) => sum + dotsUsed(doc.dots), 0);
  const what = `${plural(pool.contributions.length, 'contribution', 'contributions')} et ${plural(dots, 'gommette', 'gommettes')}`;

  async function shareFile() {
    const file = new File([poolFileText(pool)], poolFileName(workshopTitle, new Date()), { type: POOL_FILE_TYPE });
    const outcome = await shareOrDownload(file, `Contributions — ${workshopTitle}`);
    setFileStatus(
      outcome === 'shared'
        ? 'Fichier partagé : l’animateur l’ouvre avec « Importer un fichier ».'
        : outcome === 'downloaded'
          ? `Fichier enregistré (${file.name}) : envoyez-le à l’animateur, qui l’ouvre avec « Importer un fichier ».`
          : '',
    );
  }

  return (
    <section className="card pool-share" aria-labelledby="pool-share-title">
      <h2 id="pool-share-title">Partager sans réseau</h2>
      {empty ? (
        <p>Rien à partager : vos contributions et vos gommettes ont déjà été envoyées.</p>
      ) : (
        <>
          <p>
            {what} en attente d’envoi. Montrez {count > 1 ? 'ces codes' : 'ce code'} à l’animateur, qui{' '}
            {count > 1 ? 'les scanne' : 'le scanne'} avec « Recevoir par QR code ». Montez la luminosité de l’écran.
          </p>
          {Array.isArray(parts) ? (
            <>
              <p className="pool-share-position" aria-live="off">
                Code {index + 1} sur {count}
              </p>
              <QrCodeImage
                className="pool-share-qr"
                text={parts[index]!}
                level="L"
                size={440}
                alt={`QR code ${index + 1} sur ${count} des contributions à partager`}
              />
              {count > 1 && (
                <div className="pool-share-controls">
                  <button
                    type="button"
                    className="button secondary"
                    onClick={() => setShown((index + count - 1) % count)}
                  >
                    Code précédent
                  </button>
                  <button type="button" className="button secondary" onClick={() => setPlaying(!playing)}>
                    {playing ? 'Arrêter le défilement' : 'Reprendre le défilement'}
                  </button>
                  <button type="button" className="button secondary" onClick={() => setShown((index + 1) % count)}>
                    Code suivant
                  </button>
                </div>
              )}
            </>
          ) : (
            <p className="error">{parts.message}</p>
          )}
          <h3>Si le scan ne marche pas</h3>
          <p>
            Envoyez un fichier à l’animateur (partage de proximité, Bluetooth, messagerie) : il l’importe dans
            l’atelier.
          </p>
          <button type="button" className="button secondary" onClick={() => void shareFile()}>
            Partager un fichier
          </button>
          <p role="status">{fileStatus}</p>
        </>
      )}
    </section>
  );
}
