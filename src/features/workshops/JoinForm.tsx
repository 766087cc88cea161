import { useState, type FormEvent } from 'react';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useOnline } from '../../db/react/hooks.ts';
import { DISPLAY_NAME_MAX } from '../../model/accounts.ts';
import { formatWorkshopCode } from '../../model/workshops/code.ts';
import type { WorkshopInvitation } from '../../model/workshops/invitation.ts';
import { FormError } from '../../ui/FormError.tsx';
import { joinAsGuest, joinByCode, UnknownWorkshop } from './commands.ts';

/**
 * Joining without an account: an optional name, nothing else. With the
 * invitation in the link (the QR code's), it works offline; by code alone,
 * the server must be reached once to find the workshop.
 */
export function JoinForm({
  workshopId,
  code,
  invitation,
}: {
  workshopId: string;
  code: string;
  invitation?: WorkshopInvitation;
}) {
  const { db } = useDatabase();
  const online = useOnline();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!invitation && !online) {
      setError(
        'Pas de réseau : scannez le QR code affiché dans la salle, il contient l’atelier. Le code seul ne suffit qu’avec du réseau.',
      );
      return;
    }
    setBusy(true);
    try {
      if (invitation) await joinAsGuest(db, workshopId, { name, invitation });
      else await joinByCode(db, code, name);
    } catch (failure) {
      setError(
        failure instanceof UnknownWorkshop
          ? 'Ce code ne correspond à aucun atelier ouvert. Vérifiez-le sur l’écran de l’atelier.'
          : online
            ? 'L’atelier n’a pas pu être rejoint : le serveur ne répond pas. Réessayez dans un instant.'
            : 'La participation n’a pas pu être enregistrée sur cet appareil.',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card join-form" onSubmit={submit} noValidate>
      <h1>Rejoindre l’atelier {invitation ? `« ${invitation.title} »` : formatWorkshopCode(code)}</h1>
      <p>Sans compte ni installation. Vos contributions partent dès qu’il y a du réseau.</p>
      <div className="field">
        <label htmlFor="participant-nom">Votre nom (facultatif)</label>
        <p id="participant-nom-aide" className="field-hint">
          Il s’affiche avec vos contributions. Laissez vide pour rester anonyme.
        </p>
        <input
          id="participant-nom"
          value={name}
          maxLength={DISPLAY_NAME_MAX}
          autoComplete="given-name"
          aria-describedby="participant-nom-aide"
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <FormError message={error} />
      <button type="submit" className="primary" disabled={busy}>
        Rejoindre l’atelier
      </button>
    </form>
  );
}
