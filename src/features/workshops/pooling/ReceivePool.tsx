import { useRef, useState } from 'react';
import {
  type Contribution,
  isContribution,
  isDots,
  type WorkshopEntry,
} from '../../../model/workshops/contribution.ts';
import { dotsUsed } from '../../../model/workshops/dots.ts';
import { type Pool, PoolError } from '../../../model/workshops/pooling/codec.ts';
import { readPoolFile } from '../../../model/workshops/pooling/file.ts';
import { PoolReception, type Reception } from '../../../model/workshops/pooling/reception.ts';
import { type ReceivedEntries, receivedEntries } from '../../../model/workshops/pooling/workshop-pool.ts';
import { QrCameraReader } from '../../../ui/qr/QrCameraReader.tsx';
import { additionSummary, type PoolAddition } from './receive-summary.ts';
import { readCodesInPictures } from './read-photos.ts';
import './pooling.css';

interface Props {
  workshopId: string;
  /**
   * Adds the received entries to the workshop, each once (`addReceivedEntries`),
   * and says how it went. Called only after the facilitator saw what came and agreed.
   */
  onAdd(entries: WorkshopEntry[]): Promise<PoolAddition>;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/**
 * « Recevoir par QR code » on the facilitator's device: the camera reads a
 * participant's sequence of codes in any order (or photos of them, or the
 * file they shared), then shows what came before adding it to the workshop.
 */
export function ReceivePool({ workshopId, onAdd }: Props) {
  const reception = useRef<PoolReception>(null);
  const [scanning, setScanning] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [received, setReceived] = useState<ReceivedEntries>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const photos = useRef<HTMLInputElement>(null);
  const file = useRef<HTMLInputElement>(null);

  function accept(pool: Pool) {
    setReceived(receivedEntries(pool, workshopId));
  }

  function start() {
    reception.current = new PoolReception(workshopId);
    setReceived(undefined);
    setNotice(undefined);
    setStatus('');
  }

  /** Feeds scanned texts; true once a whole pool is in. */
  function take(values: readonly string[]): boolean {
    reception.current ??= new PoolReception(workshopId);
    let last: Reception | undefined;
    for (const value of values) {
      last = reception.current.add(value);
      if (last.kind === 'complete') {
        accept(last.pool);
        setNotice(undefined);
        setStatus(`${plural(last.total, 'code reçu', 'codes reçus')} : vérifiez ce qui est arrivé avant de l’ajouter.`);
        return true;
      }
    }
    if (last?.kind === 'part')
      setNotice(`${plural(last.received, 'code', 'codes')} sur ${last.total} ${last.received > 1 ? 'reçus' : 'reçu'}.`);
    if (last?.kind === 'refused') setNotice(last.error.message);
    return false;
  }

  async function readPhotos(files: File[]) {
    if (files.length === 0) return;
    setStatus('Lecture des photos…');
    try {
      const values = await readCodesInPictures(files);
      if (values.length === 0)
        setStatus('Aucun QR code trouvé sur ces photos : reprenez-les de plus près, bien nettes.');
      else if (!take(values)) setStatus('');
    } catch {
      setStatus('Ces photos n’ont pas pu être lues.');
    }
  }

  async function importFile(chosen: File | undefined) {
    if (!chosen) return;
    start();
    try {
      accept(readPoolFile(await chosen.text(), workshopId));
      setStatus('Fichier lu : vérifiez ce qui est arrivé avant de l’ajouter.');
    } catch (error) {
      setStatus(error instanceof PoolError ? error.message : 'Ce fichier n’a pas pu être lu.');
    }
  }

  async function add(entries: WorkshopEntry[]) {
    setBusy(true);
    try {
      setStatus(`Ajouté à l’atelier : ${additionSummary(await onAdd(entries))}`);
      setReceived(undefined);
      reception.current = null;
    } catch {
      setStatus('L’ajout a échoué : rien n’a été perdu, réessayez.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card pool-receive" aria-labelledby="pool-receive-title">
      <h2 id="pool-receive-title">Recevoir par QR code</h2>
      {received ? (
        <ReceivedPreview received={received} busy={busy} onAdd={() => void add(received.entries)} onDrop={start} />
      ) : scanning ? (
        <QrCameraReader
          instruction="Visez le premier code affiché par le téléphone du participant : les suivants sont lus dans n’importe quel ordre."
          notice={notice}
          instead="lisez une photo des codes ou importez un fichier"
          onClose={() => setScanning(false)}
          onValues={(values) => {
            const done = take(values);
            if (done) setScanning(false);
            return done;
          }}
        />
      ) : (
        <>
          <p>
            Le participant ouvre « Partager sans réseau » sur son téléphone ; ses codes se lisent dans n’importe quel
            ordre, ce qui arrive deux fois ne compte qu’une fois.
          </p>
          <div className="pool-receive-actions">
            <button type="button" className="button" onClick={() => (start(), setScanning(true))}>
              Scanner les codes
            </button>
            <button type="button" className="button secondary" onClick={() => photos.current?.click()}>
              Lire des photos des codes
            </button>
            <button type="button" className="button secondary" onClick={() => file.current?.click()}>
              Importer un fichier
            </button>
          </div>
          {notice && <p>{notice}</p>}
        </>
      )}
      <input
        ref={photos}
        type="file"
        accept="image/*"
        multiple
        hidden
        aria-label="Photos des codes"
        onChange={(event) => {
          void readPhotos([...(event.target.files ?? [])]);
          event.target.value = '';
        }}
      />
      <input
        ref={file}
        type="file"
        accept=".txt,text/plain"
        hidden
        aria-label="Fichier de contributions"
        onChange={(event) => {
          void importFile(event.target.files?.[0]);
          event.target.value = '';
        }}
      />
      <p role="status">{status}</p>
    </section>
  );
}

function ReceivedPreview(props: { received: ReceivedEntries; busy: boolean; onAdd(): void; onDrop(): void }) {
  const { received, busy } = props;
  const contributions = received.entries.filter(isContribution);
  const dots = received.entries.filter(isDots).reduce((sum, doc) => sum + dotsUsed(doc.dots), 0);
  return (
    <>
      <p>
        Reçu : {plural(contributions.length, 'contribution', 'contributions')} et{' '}
        {plural(dots, 'gommette', 'gommettes')}.
        {received.refused > 0 &&
          ` ${plural(received.refused, 'élément ne peut pas être ajouté', 'éléments ne peuvent pas être ajoutés')} (autre atelier ou contenu invalide).`}
      </p>
      {contributions.length > 0 && (
        <ul className="pool-receive-list" aria-label="Contributions reçues">
          {contributions.map((doc: Contribution) => (
            <li key={doc.id}>{doc.text}</li>
          ))}
        </ul>
      )}
      <div className="pool-receive-actions">
        <button type="button" className="button" disabled={busy || received.entries.length === 0} onClick={props.onAdd}>
          Ajouter à l’atelier
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={props.onDrop}>
          Ne pas ajouter
        </button>
      </div>
    </>
  );
}
