import { Link, useNavigate } from 'react-router';
import type { AppDatabase } from '../../db/database.ts';
import type { Session } from '../../db/session.ts';
import { me } from '../../db/remote/account-api.ts';
import { CreateWorkspaceForm } from './CreateWorkspaceForm.tsx';
import { JoinWorkspaceForm } from './JoinWorkspaceForm.tsx';
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
            <JoinWorkspaceForm auth={session} onJoined={open} />
            <CreateWorkspaceForm auth={session} onCreated={open} />
          </div>
        </>
      )}
    </>
  );
}

function MyWorkspaces({ db, session }: { db: AppDatabase; session: Session }) {
  const { outcome, reload } = useRemote(() => me(session), [session.token]);
  return (
    <section aria-labelledby="mes-espaces">
      <h2 id="mes-espaces">Mes espaces</h2>
      {!outcome ? (
        <p className="muted">Chargement de vos espaces…</p>
      ) : !outcome.ok ? (
        <RemoteProblem db={db} error={outcome.error} onRetry={reload} />
      ) : outcome.data.workspaces.length === 0 ? (
        <p>
          Vous ne faites partie d’aucun espace pour l’instant : rejoignez celui de votre groupe avec son code
          d’invitation, ou créez-en un.
        </p>
      ) : (
        <ul className="list" aria-labelledby="mes-espaces">
          {outcome.data.workspaces.map((workspace) => (
            <li key={workspace.id} className="card">
              <h3>
                <Link to={`/espaces/${encodeURIComponent(workspace.id)}`}>{workspace.name}</Link>
              </h3>
              <p className="muted">Vous en êtes {ROLE_LABELS[workspace.role]}.</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
