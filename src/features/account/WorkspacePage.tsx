import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AppDatabase } from '../../db/database.ts';
import type { Session } from '../../db/session.ts';
import { getWorkspace } from '../../db/remote/account-api.ts';
import { InviteCard } from './InviteCard.tsx';
import { ROLE_LABELS } from './labels.ts';
import { MemberList } from './MemberList.tsx';
import { RemoteProblem } from './RemoteProblem.tsx';
import { SignedOutNotice } from './SignedOutNotice.tsx';
import { useRemote } from './useRemote.ts';
import { useSession } from './useSession.ts';
import './account.css';

/** /espaces/:id: a workspace, its members, and for its owner the invitation. */
export default function WorkspacePage() {
  const { id = '' } = useParams();
  const { db, session } = useSession();
  if (session === undefined) return <p className="muted">Chargement…</p>;
  if (session === null) {
    return (
      <>
        <h1>Espace</h1>
        <SignedOutNotice />
      </>
    );
  }
  return <WorkspaceView key={id} db={db} session={session} id={id} />;
}

function WorkspaceView({ db, session, id }: { db: AppDatabase; session: Session; id: string }) {
  const { outcome, loading, reload } = useRemote(() => getWorkspace(session, id), [session.token, id]);
  /** The code just made by « Changer le code », for a server that does not show it in the workspace. */
  const [rotated, setRotated] = useState<string>();
  const back = (
    <p>
      <Link to="/espaces">Tous mes espaces</Link>
    </p>
  );
  if (!outcome) {
    return (
      <>
        <h1>Espace</h1>
        <p className="muted">Chargement de l’espace…</p>
      </>
    );
  }
  if (!outcome.ok) {
    const missing = outcome.error.code === 'not_found';
    return (
      <>
        <h1>{missing ? 'Espace introuvable' : 'Espace'}</h1>
        {missing ? <p>{outcome.error.message}</p> : <RemoteProblem db={db} error={outcome.error} onRetry={reload} />}
        {back}
      </>
    );
  }
  const workspace = outcome.data;
  const owner = workspace.role === 'owner';
  return (
    <>
      <h1>{workspace.name}</h1>
      <p className="muted">Vous en êtes {ROLE_LABELS[workspace.role]}.</p>
      <p>
        <Link to={`/annotations/groupe/${workspace.id}`}>Les notes du groupe</Link> : tout ce que ses membres ont
        partagé, par auteur et par kit.
      </p>
      {owner && (
        <InviteCard
          auth={session}
          workspaceId={workspace.id}
          inviteCode={workspace.inviteCode ?? rotated}
          onRotated={(code) => {
            setRotated(code);
            reload();
          }}
        />
      )}
      <MemberList
        auth={session}
        workspaceId={workspace.id}
        workspaceName={workspace.name}
        members={workspace.members}
        currentUserId={session.user.id}
        canRemove={owner}
        onRemoved={reload}
        refreshing={loading}
        onRefresh={reload}
      />
      {back}
    </>
  );
}
