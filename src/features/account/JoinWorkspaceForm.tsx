import { useEffect, useRef, useState } from 'react';
import { ApiError, joinWorkspace, type Auth } from '../../db/remote/account-api.ts';
import type { WorkspaceSummary } from '../../model/accounts.ts';
import { Field } from './Field.tsx';
import { QrScanner } from './QrScanner.tsx';
import { hasCamera } from '../../ui/qr/detector.ts';
import { useFormSubmit, useValidatedForm } from './useValidatedForm.ts';
import { checkInviteCode, normaliseInviteCode } from './validation.ts';
import { FormError } from '../../ui/FormError.tsx';

interface Props {
  auth: Auth;
  /** A code from the link of a QR code (`/espaces/rejoindre?code=…`). */
  initialCode?: string;
  onJoined(workspace: WorkspaceSummary): void;
  /** Without a network: keeps the join to send later (given, the form offers to wait instead of failing). */
  onQueued?(code: string): Promise<void>;
}

/** « Rejoindre un espace » with the code given by its owner, typed or read from its QR code. */
export function JoinWorkspaceForm({ auth, initialCode = '', onJoined, onQueued }: Props) {
  const [status, setStatus] = useState('');
  const form = useValidatedForm('rejoindre', { code: initialCode }, { code: checkInviteCode });
  const {
    busy,
    failure,
    onSubmit: submit,
  } = useFormSubmit(
    form,
    async ({ code }) => {
      const normalised = normaliseInviteCode(code)!;
      try {
        onJoined(await joinWorkspace(auth, normalised));
      } catch (error) {
        if (!(onQueued && error instanceof ApiError && error.code === 'network')) throw error;
        await onQueued(normalised);
        form.setValue('code', '');
        setStatus(
          `Pas de connexion : votre demande pour rejoindre l’espace ${formatCode(normalised)} attend sur cet appareil et partira d’elle-même au retour du réseau.`,
        );
      }
    },
    { unknown_invite: 'code' },
  );
  const [canScan, setCanScan] = useState(false);
  const [scanning, setScanning] = useState(false);
  const submitButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let current = true;
    void hasCamera().then((yes) => current && setCanScan(yes));
    return () => {
      current = false;
    };
  }, []);

  function scanned(code: string) {
    setScanning(false);
    form.setValue('code', code);
    setStatus(`Code lu : ${code}. Touchez « Rejoindre l’espace » pour entrer dans l’espace.`);
    submitButton.current?.focus();
  }

  return (
    <form className="card account-form" noValidate aria-labelledby="rejoindre-titre" onSubmit={submit}>
      <h2 id="rejoindre-titre">Rejoindre un espace</h2>
      <Field
        {...form.field('code')}
        label="Code d’invitation"
        hint="8 lettres ou chiffres donnés par la personne qui a créé l’espace, par exemple ABCD-2345. Majuscules et tiret facultatifs."
        autoComplete="off"
        autoCapitalize="characters"
        autoCorrect="off"
        spellCheck={false}
        className="code-input"
        required
      />
      {canScan && !scanning && (
        <button type="button" className="button secondary" onClick={() => setScanning(true)}>
          Scanner un QR code
        </button>
      )}
      {scanning && <QrScanner onCode={scanned} onClose={() => setScanning(false)} />}
      <p className="account-notice" role="status">
        {status}
      </p>
      <FormError message={failure} />
      <button ref={submitButton} type="submit" className="button" disabled={busy}>
        {busy ? 'Connexion à l’espace…' : 'Rejoindre l’espace'}
      </button>
    </form>
  );
}

/** ABCD2345 → ABCD-2345, as the owner reads it out. */
export function formatCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
