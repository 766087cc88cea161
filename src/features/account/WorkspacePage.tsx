import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { AppDatabase } from '../../db/database.ts';
import type { Session } from '../../db/session.ts';
import { getWorkspace } from '../../db/remote/account-api.ts';
import { useObservable, useOnline } from '../../db/react/hooks.ts';
import { rememberWorkspaceDetails, watchKnownWorkspace, type KnownWorkspace } from '../../db/workspace-details.ts';
import { formatDate } from '../../i18n/fr.ts';
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
  const known = useObservable(() => watchKnownWorkspace(db, id), [db, id]);
  const online = useOnline();
  const offline = outcome !== undefined && !outcome.ok && outcome.error.code === 'network';
  // Kept for the next visit without a network; asked again when the network returns.
  useEffect(() => {
    if (outcome?.ok) void rememberWorkspaceDetails(db, outcome.data);
  }, [db, outcome]);
  useEffect(() => {
    if (online && offline) reload();
  }, [online, offline, reload]);
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
  if (offline && known) return <KnownWorkspaceView workspace={known} back={back} />;
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

/** Offline: what this device knows of the group, said as such. */
function KnownWorkspaceView({ workspace, back }: { workspace: KnownWorkspace; back: ReactNode }) {
  return (
    <>
      <h1>{workspace.name}</h1>
      <p className="account-notice" role="status">
        Hors ligne : voici ce que cet appareil sait de cet espace
        {workspace.seenAt ? `, tel qu’il était le ${formatDate(workspace.seenAt.slice(0, 10))}` : ''}. Les changements
        et l’invitation demandent le réseau ; la page se mettra à jour à son retour.
      </p>
      <p className="muted">Vous en êtes {ROLE_LABELS[workspace.role]}.</p>
      <p>
        <Link to={`/annotations/groupe/${workspace.id}`}>Les notes du groupe</Link> : celles que cet appareil a reçues,
        lisibles sans réseau.
      </p>
      <h2 id="membres-connus">Membres</h2>
      {workspace.members ? (
        <ul className="list" aria-labelledby="membres-connus">
          {workspace.members.map((member) => (
            <li key={member.id}>
              {member.displayName} <span className="muted">— {ROLE_LABELS[member.role]}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>La liste des membres n’est pas encore sur cet appareil : elle s’affichera au retour du réseau.</p>
      )}
      {back}
    </>
  );
}
