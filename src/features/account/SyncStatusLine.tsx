import { useState } from 'react';
import { from, switchMap } from 'rxjs';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import { watchRefusals, type Refusal } from '../../db/outbox.ts';
import type { SyncStatus } from '../../db/sync/engine.ts';
import './sync-status.css';

const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });

export function describeSync(status: SyncStatus): string {
  const waiting =
    status.pending > 0 ? ` — ${status.pending} modification${status.pending > 1 ? 's' : ''} en attente d'envoi` : '';
  switch (status.state) {
    case 'signed-out':
      return status.pending > 0
        ? `${status.pending} élément${status.pending > 1 ? 's' : ''} gardé${status.pending > 1 ? 's' : ''} sur cet appareil (connectez-vous pour les synchroniser)`
        : 'Vos notes restent sur cet appareil tant que vous n’êtes pas connecté.';
    case 'offline':
      return `Hors ligne${waiting}`;
    case 'syncing':
      return `Synchronisation…${waiting}`;
    case 'error':
      return `Synchronisation refusée : ${status.error ?? 'erreur inconnue'}${waiting}`;
    case 'up-to-date':
      return `À jour${status.lastSyncAt ? ` (dernière synchronisation à ${time.format(status.lastSyncAt)})` : ''}`;
  }
}

/** Where the user's data stands: hors ligne / synchronisation / à jour, what waits, and a button. */
const KINDS: Record<string, string> = { annotations: 'une annotation', initiatives: 'une initiative' };

function describeRefusal(refusal: Refusal): string {
  return `Envoi refusé par le serveur pour ${KINDS[refusal.collection] ?? 'un document'} : ${refusal.message} Rien n’est perdu : le document reste sur cet appareil ; modifiez-le (par exemple en le rendant privé) pour le renvoyer.`;
}

export function SyncStatusLine() {
  const { db, sync } = useDatabase();
  const status = useObservable(() => from(sync).pipe(switchMap((engine) => engine.status$)), [sync]);
  const refusals = useObservable(() => watchRefusals(db), [db]);
  const [busy, setBusy] = useState(false);
  if (!status) return null;
  return (
    <div className="sync-status">
      <p role="status" className={`sync-${status.state}`}>
        {describeSync(status)}
      </p>
      {refusals && refusals.length > 0 && (
        <ul className="refusals" aria-label="Envois refusés">
          {refusals.map((r) => (
            <li key={`${r.collection}/${r.id}`}>{describeRefusal(r)}</li>
          ))}
        </ul>
      )}
      {status.state !== 'signed-out' && (
        <button
          type="button"
          className="button secondary"
          disabled={busy || status.state === 'offline'}
          onClick={() => {
            setBusy(true);
            void sync.then((engine) => engine.syncNow()).finally(() => setBusy(false));
          }}
        >
          Synchroniser maintenant
        </button>
      )}
    </div>
  );
}
