import type { StoredPhotoInfo } from '../../db/photo-store.ts';
import type { Initiative } from '../../model/initiatives.ts';
import { photoUploadState } from './status-hooks.ts';

export type SendState = 'brouillon' | 'en-attente' | 'envoyee';

export const SEND_STATE_LABELS: Record<SendState, string> = {
  brouillon: 'Brouillon',
  'en-attente': 'En attente d’envoi',
  envoyee: 'Envoyée',
};

/** Where a recorded initiative stands: still in the outbox, or confirmed by the server. */
export function sendStateOf(initiative: Initiative, outbox: Set<string>): SendState {
  return outbox.has(`initiatives/${initiative.id}`) ? 'en-attente' : 'envoyee';
}

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

interface Props {
  initiative: Initiative;
  outbox: Set<string>;
  photos: Map<string, StoredPhotoInfo>;
  signedIn: boolean;
  /** The user's own initiative: its sending concerns them. */
  mine: boolean;
}

/** « En attente d’envoi » / « Envoyée », and the photos not sent yet or refused. */
export function InitiativeSendState({ initiative, outbox, photos, signedIn, mine }: Props) {
  const upload = photoUploadState(initiative, photos);
  if (!mine && upload.pending === 0 && upload.refused.length === 0) return null;
  const state = sendStateOf(initiative, outbox);
  return (
    <div className="initiative-status">
      {mine && (
        <p>
          <span className={`badge status-${state}`}>{SEND_STATE_LABELS[state]}</span>
          {state === 'en-attente' && !signedIn && (
            <span className="muted"> — connectez-vous (page Compte) pour l’envoyer</span>
          )}
        </p>
      )}
      {upload.pending > 0 && (
        <p className="muted">
          {plural(upload.pending, 'photo')} en attente d’envoi{!signedIn && ' (connectez-vous pour les envoyer)'}
        </p>
      )}
      {upload.refused.map(({ index, message }) => (
        <p key={index} className="field-error">
          Photo {index + 1} : {message}
        </p>
      ))}
    </div>
  );
}
