import { useState } from 'react';
import { from, switchMap } from 'rxjs';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import { dismissLostGroup, watchLostGroups, type LostGroup } from '../../db/lost-groups.ts';
import { watchRefusals, type Refusal } from '../../db/outbox.ts';
import type { SyncStatus } from '../../db/sync/engine.ts';
import { formatTime } from '../../i18n/fr.ts';
import './sync-status.css';

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
      return `À jour${status.lastSyncAt ? ` (dernière synchronisation à ${formatTime(status.lastSyncAt)})` : ''}`;
  }
}

/** Where the user's data stands: hors ligne / synchronisation / à jour, what waits, and a button. */
const KINDS: Record<string, string> = { annotations: 'une annotation', initiatives: 'une initiative' };

function describeRefusal(refusal: Refusal): string {
  return `Envoi refusé par le serveur pour ${KINDS[refusal.collection] ?? 'un document'} : ${refusal.message} Rien n’est perdu : le document reste sur cet appareil ; modifiez-le (par exemple en le rendant privé) pour le renvoyer.`;
}

/** A group this device lost access to: what left the device, and the unsent changes it kept. */
function LostGroupNotice({ group, onDismiss }: { group: LostGroup; onDismiss: () => void }) {
  const name = group.name ? `au groupe « ${group.name} »` : 'à un de vos groupes';
  return (
    <div className="lost-group" role="note" aria-label={`Accès perdu ${name}`}>
      <p>
        Vous n’avez plus accès {name} (vous en avez été retiré, ou il a été supprimé) : ses documents ont été retirés de
        cet appareil.
      </p>
      {group.kept.length > 0 && (
        <>
          <p>
            {group.kept.length > 1
              ? `Vos ${group.kept.length} modifications non envoyées restent ici, mais le serveur ne les acceptera plus :`
              : 'Votre modification non envoyée reste ici, mais le serveur ne l’acceptera plus :'}
          </p>
          <ul>
            {group.kept.map((change) => (
              <li key={`${change.collection}/${change.id}`}>
                {change.label} — non envoyé — vous n’avez plus accès à ce groupe
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="button secondary" onClick={onDismiss}>
        J’ai compris
      </button>
    </div>
  );
}

export function SyncStatusLine() {
  const { db, sync } = useDatabase();
  const status = useObservable(() => from(sync).pipe(switchMap((engine) => engine.status$)), [sync]);
  const allRefusals = useObservable(() => watchRefusals(db), [db]);
  const lostGroups = useObservable(() => watchLostGroups(db), [db]) ?? [];
  // A change kept from a lost group is explained by its group's notice, not as a refusal.
  const explained = new Set(lostGroups.flatMap((g) => g.kept.map((change) => `${change.collection}/${change.id}`)));
  const refusals = allRefusals?.filter((r) => !explained.has(`${r.collection}/${r.id}`));
  const [busy, setBusy] = useState(false);
  if (!status) return null;
  return (
    <div className="sync-status">
      <p role="status" className={`sync-${status.state}`}>
        {describeSync(status)}
      </p>
      {lostGroups.map((group) => (
        <LostGroupNotice
          key={group.workspaceId}
          group={group}
          onDismiss={() => void dismissLostGroup(db, group.workspaceId)}
        />
      ))}
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
