/** The French words for what can go wrong between the account screens and the server. */

export const NETWORK_MESSAGE = 'Pas de connexion : réessayez quand le réseau sera revenu.';

/** Codes whose wording is ours, whatever the server said. */
const MESSAGES: Record<string, string> = {
  email_taken: 'Un compte existe déjà avec cette adresse.',
  bad_credentials: 'Adresse e-mail ou mot de passe incorrect.',
  unauthenticated: 'Votre session a été fermée (peut-être depuis un autre appareil) : reconnectez-vous.',
  not_found: "Cet espace n'existe pas ou vous n'en êtes plus membre.",
  unknown_invite: "Aucun espace ne correspond à ce code. Vérifiez-le auprès de la personne qui vous l'a donné.",
  upgrade_required: 'Cette version de l’application est trop ancienne : rechargez la page pour la mettre à jour.',
};

/** Codes whose server message is already French and more precise than ours. */
const SERVER_WORDED = new Set(['invalid_input', 'forbidden']);

function tooManyAttempts(retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined || !Number.isFinite(retryAfterSeconds) || retryAfterSeconds <= 0) {
    return 'Trop de tentatives : par sécurité, patientez quelques minutes avant de réessayer.';
  }
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Trop de tentatives : par sécurité, réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`;
}

/** The message shown for an error answer of the API. */
export function messageFor(
  status: number,
  code: string,
  serverMessage: string | undefined,
  retryAfterSeconds?: number,
): string {
  if (status === 429 || code === 'too_many_requests') return tooManyAttempts(retryAfterSeconds);
  const ours = MESSAGES[code];
  if (ours) return ours;
  if (SERVER_WORDED.has(code) && serverMessage) return serverMessage;
  if (code === 'forbidden') return "Seul le propriétaire de l'espace peut faire cela.";
  if (status >= 500) return 'Le serveur a rencontré un problème. Réessayez dans un moment.';
  return `Le serveur a répondu de façon inattendue (erreur ${status}). Réessayez dans un moment.`;
}
