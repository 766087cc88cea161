import { useState } from 'react';
import { asApiError, removeMember, type Auth, type Member } from '../../db/remote/account-api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ROLE_LABELS } from './labels.ts';
import { FormError } from '../../ui/FormError.tsx';

interface Props {
  auth: Auth;
  workspaceId: string;
  workspaceName: string;
  members: Member[];
  currentUserId: string;
  /** The owner may remove the other members. */
  canRemove: boolean;
  onRemoved(): void;
  /** Asks the server again (people join while the code is on the projector). */
  onRefresh(): void;
  refreshing: boolean;
}

/** Who is in the workspace, with « Retirer » for the owner. */
export function MemberList(props: Props) {
  const { auth, workspaceId, workspaceName, members, currentUserId, canRemove, onRemoved, onRefresh, refreshing } =
    props;
  const [confirming, setConfirming] = useState<Member>();
  const [busy, setBusy] = useState<string>();
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string>();

  async function remove(member: Member) {
    setConfirming(undefined);
    setFailure(undefined);
    setBusy(member.id);
    try {
      await removeMember(auth, workspaceId, member.id);
      setStatus(`${member.displayName} ne fait plus partie de l’espace.`);
      onRemoved();
    } catch (error) {
      setFailure(asApiError(error).message);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section aria-labelledby="membres">
      <div className="members-heading">
        <h2 id="membres">Membres ({members.length})</h2>
        <button type="button" className="button secondary" disabled={refreshing} onClick={onRefresh}>
          {refreshing ? 'Actualisation…' : 'Actualiser'}
        </button>
      </div>
      <p className="account-notice" role="status">
        {status}
      </p>
      <FormError message={failure} />
      <ul className="list" aria-labelledby="membres">
        {members.map((member) => (
          <li key={member.id} className="card member">
            <span className="member-name">
              {member.displayName}
              {member.id === currentUserId && ' (vous)'}
            </span>
            <span className="muted">{ROLE_LABELS[member.role]}</span>
            {canRemove && member.id !== currentUserId && (
              <button
                type="button"
                className="button secondary"
                disabled={busy === member.id}
                onClick={() => setConfirming(member)}
              >
                Retirer<span className="visually-hidden"> {member.displayName}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={confirming !== undefined}
        title={`Retirer ${confirming?.displayName ?? ''}\u00a0?`}
        confirmLabel="Retirer"
        onConfirm={() => confirming && void remove(confirming)}
        onDismiss={() => setConfirming(undefined)}
      >
        <p>
          Cette personne quittera l’espace « {workspaceName} » et ne verra plus ses notes partagées. Elle pourra revenir
          avec le code d’invitation, sauf si vous le changez.
        </p>
      </ConfirmDialog>
    </section>
  );
}
