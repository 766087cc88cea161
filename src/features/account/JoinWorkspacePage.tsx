import { Link, useNavigate, useSearchParams } from 'react-router';
import { queueJoin } from '../../db/pending-joins.ts';
import { JoinWorkspaceForm } from './JoinWorkspaceForm.tsx';
import { SignedOutNotice } from './SignedOutNotice.tsx';
import { useSession } from './useSession.ts';
import { normaliseInviteCode } from './validation.ts';
import './account.css';

/** /espaces/rejoindre?code=XXXX-XXXX: where a workspace's QR code leads, with the code filled in. */
export default function JoinWorkspacePage() {
  const { db, session } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const typed = params.get('code') ?? '';
  const valid = normaliseInviteCode(typed);
  const code = valid ?? typed;
  return (
    <>
      <h1>Invitation à un espace</h1>
      {valid && <p className="lead">Vous avez reçu le code d’invitation {code}.</p>}
      {session === undefined ? (
        <p className="muted">Chargement…</p>
      ) : session === null ? (
        <SignedOutNotice />
      ) : (
        <JoinWorkspaceForm
          key={code}
          auth={session}
          initialCode={code}
          onJoined={({ id }) => void navigate(`/espaces/${encodeURIComponent(id)}`, { replace: true })}
          // Offline, the join waits on the device like one asked from « Mes espaces » (db/pending-joins.ts).
          onQueued={(code) => queueJoin(db, code)}
        />
      )}
      <p>
        <Link to="/espaces">Tous mes espaces</Link>
      </p>
    </>
  );
}
