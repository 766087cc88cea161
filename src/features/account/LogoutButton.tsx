import { useState } from 'react';
import type { AppDatabase } from '../../db/database.ts';
import type { Session } from '../../db/session.ts';
import { signOut, type SignOutOutcome } from './commands.ts';
import { FormError } from '../../ui/FormError.tsx';

export interface LogoutButtonProps {
  db: AppDatabase;
  session: Session;
  /**
   * Asked first; resolve `false` to stay signed in. This is where the
   * « modifications pas encore synchronisées » warning plugs in.
   * Default: proceed.
   */
  beforeLogout?: () => Promise<boolean>;
  /** Removes the session and the user's data from the device; by default only the session. */
  removePrivateData?: () => Promise<void>;
  /** Called once the session is gone from this device. */
  onSignedOut(outcome: SignOutOutcome): void;
}

const proceed = async () => true;

/**
 * « Se déconnecter »: closes the session on the server when it can, and on
 * this device always, removing the user's private data (a shared device).
 */
export function LogoutButton({
  db,
  session,
  beforeLogout = proceed,
  removePrivateData,
  onSignedOut,
}: LogoutButtonProps) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  async function leave() {
    setFailure(undefined);
    setBusy(true);
    try {
      if (!(await beforeLogout())) return;
      onSignedOut(await signOut(db, session, removePrivateData));
    } catch {
      setFailure(
        "La déconnexion n'a pas pu être enregistrée sur cet appareil (stockage indisponible). Rechargez la page puis réessayez.",
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button secondary" disabled={busy} onClick={() => void leave()}>
        {busy ? 'Déconnexion…' : 'Se déconnecter'}
      </button>
      <FormError message={failure} />
    </>
  );
}
