import { useRef, useState } from 'react';
import { asApiError, rotateInvite, type Auth } from '../../db/remote/account-api.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { InviteQr } from './InviteQr.tsx';
import { joinUrl } from './validation.ts';
import { FormError } from '../../ui/FormError.tsx';

interface Props {
  auth: Auth;
  workspaceId: string;
  /** Absent when the server does not show it: « Changer le code » makes a new one. */
  inviteCode?: string;
  onRotated(inviteCode: string): void;
}

/** The owner's invitation: the code in large type and its QR code, readable on a projector. */
export function InviteCard({ auth, workspaceId, inviteCode, onRotated }: Props) {
  const card = useRef<HTMLElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string>();
  const canFullscreen = typeof document !== 'undefined' && document.fullscreenEnabled;

  async function rotate() {
    setConfirming(false);
    setFailure(undefined);
    setBusy(true);
    try {
      const { inviteCode: next } = await rotateInvite(auth, workspaceId);
      onRotated(next);
      setStatus(`Nouveau code : ${next}. L’ancien code et son QR code ne fonctionnent plus.`);
    } catch (error) {
      setFailure(asApiError(error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section ref={card} className="invite card" aria-labelledby="invitation">
      <h2 id="invitation">Inviter des personnes</h2>
      <p>Donnez ce code, ou faites scanner le QR code : il ouvre l’application sur la page pour rejoindre l’espace.</p>
      {inviteCode ? (
        <>
          <p className="invite-code-label">Code d’invitation</p>
          <p className="invite-code">{inviteCode}</p>
          <InviteQr url={joinUrl(window.location.origin, inviteCode)} code={inviteCode} />
        </>
      ) : (
        <p className="muted">Le code n’est pas affiché : « Changer le code » en crée un nouveau.</p>
      )}
      <p className="account-notice" role="status">
        {status}
      </p>
      <FormError message={failure} />
      <div className="actions">
        {canFullscreen && inviteCode && (
          <button
            type="button"
            className="button secondary"
            onClick={() =>
              void (document.fullscreenElement ? document.exitFullscreen() : card.current?.requestFullscreen())
            }
          >
            Plein écran
          </button>
        )}
        <button type="button" className="button secondary" disabled={busy} onClick={() => setConfirming(true)}>
          {busy ? 'Changement du code…' : 'Changer le code'}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={'Changer le code d’invitation\u00a0?'}
        confirmLabel="Changer le code"
        onConfirm={() => void rotate()}
        onDismiss={() => setConfirming(false)}
      >
        <p>
          L’ancien code et son QR code cesseront aussitôt de fonctionner. Les membres actuels restent dans l’espace.
        </p>
      </ConfirmDialog>
    </section>
  );
}
