import { useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { dismissPendingJoin, queueJoin, watchPendingJoins, type PendingJoin } from '../../db/pending-joins.ts';
import { useObservable } from '../../db/react/hooks.ts';
import { useWorkspaces } from '../../db/react/useWorkspaces.ts';
import type { WorkspaceSummary } from '../../model/accounts.ts';
import type { AppDatabase } from '../../db/database.ts';
import type { Session } from '../../db/session.ts';
import { me } from '../../db/remote/account-api.ts';
import { CreateWorkspaceForm } from './CreateWorkspaceForm.tsx';
import { formatCode, JoinWorkspaceForm } from './JoinWorkspaceForm.tsx';
import { ROLE_LABELS } from './labels.ts';
import { RemoteProblem } from './RemoteProblem.tsx';
import { SignedOutNotice } from './SignedOutNotice.tsx';
import { useRemote } from './useRemote.ts';
import { useSession } from './useSession.ts';
import './account.css';

/** /espaces: the groups one belongs to, and creating or joining one. */
export default function WorkspacesPage() {
  const { db, session } = useSession();
  const navigate = useNavigate();
  const open = ({ id }: { id: string }) => void navigate(`/espaces/${encodeURIComponent(id)}`);
  return (
    <>
      <h1>Espaces</h1>
      <p className="lead">
        Un espace réunit un groupe — un territoire, les participants d’un atelier — autour de notes partagées.
      </p>
      {session === undefined ? (
        <p className="muted">Chargement…</p>
      ) : session === null ? (
        <SignedOutNotice />
      ) : (
        <>
          <MyWorkspaces db={db} session={session} />
          <div className="account-forms">
            <JoinWorkspaceForm auth={session} onJoined={open} onQueued={(code) => queueJoin(db, code)} />
            <CreateWorkspaceForm auth={session} onCreated={open} />
          </div>
        </>
      )}
    </>
  );
}

function MyWorkspaces({ db, session }: { db: AppDatabase; session: Session }) {
  const { outcome, reload } = useRemote(() => me(session), [session.token]);
  // Offline, the groups this device knows (kept at each visit with a network).
  const known = useWorkspaces(session);
  const pending = useObservable(() => watchPendingJoins(db), [db]) ?? [];
  // A join sent by itself when the network came back: the list is asked again.
  const waiting = pending.filter((p) => !p.problem).length;
  const before = useRef(waiting);
  useEffect(() => {
    if (waiting < before.current) reload();
    before.current = waiting;
  }, [waiting, reload]);

  const offline = outcome && !outcome.ok && outcome.error.code === 'network';
  const list: WorkspaceSummary[] = outcome?.ok ? outcome.data.workspaces : known;
  return (
    <section aria-labelledby="mes-espaces">
      <h2 id="mes-espaces">Mes espaces</h2>
      {!outcome ? (
        <p className="muted">Chargement de vos espaces…</p>
      ) : !outcome.ok && !offline ? (
        <RemoteProblem db={db} error={outcome.error} onRetry={reload} />
      ) : (
        <>
          {offline && (
            <p className="account-notice" role="status">
              Hors ligne : voici les espaces que cet appareil connaît. La liste se mettra à jour au retour du réseau.
            </p>
          )}
          {list.length === 0 && pending.length === 0 ? (
            <p>
              Vous ne faites partie d’aucun espace pour l’instant : rejoignez celui de votre groupe avec son code
              d’invitation, ou créez-en un.
            </p>
          ) : (
            <ul className="list" aria-labelledby="mes-espaces">
              {list.map((workspace) => (
                <li key={workspace.id} className="card">
                  <h3>
                    <Link to={`/espaces/${encodeURIComponent(workspace.id)}`}>{workspace.name}</Link>
                  </h3>
                  <p className="muted">Vous en êtes {ROLE_LABELS[workspace.role]}.</p>
                </li>
              ))}
              {pending.map((join) => (
                <PendingJoinCard key={join.code} join={join} onDismiss={() => void dismissPendingJoin(db, join.code)} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function PendingJoinCard({ join, onDismiss }: { join: PendingJoin; onDismiss(): void }) {
  return (
    <li className="card pending-join">
      <h3>Espace au code {formatCode(join.code)}</h3>
      {join.problem ? (
        <p role="alert">Le serveur a refusé cette demande : {join.problem}</p>
      ) : (
        <p>
          <span className="badge offline">En attente de connexion</span> La demande partira d’elle-même au retour du
          réseau.
        </p>
      )}
      <button type="button" className="button secondary" onClick={onDismiss}>
        {join.problem ? 'Retirer' : 'Annuler la demande'}
      </button>
    </li>
  );
}
