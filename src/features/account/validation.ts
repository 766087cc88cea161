/**
 * Client-side checks of the account and workspace forms, in French, one
 * field at a time: `undefined` when the value is fine, else what to fix.
 * The rules are the server's own (src/model/accounts.ts), so a form is not
 * sent just to be refused; the words are the form's.
 */
import { ACCOUNT_LIMITS, characters, emailProblem, nameProblem } from '../../model/accounts.ts';

export const PASSWORD_MIN = ACCOUNT_LIMITS.passwordMin;
export const PASSWORD_MAX = ACCOUNT_LIMITS.passwordMax;
export const NAME_MAX = ACCOUNT_LIMITS.nameMax;
export const EMAIL_MAX = ACCOUNT_LIMITS.emailMax;
export const INVITE_CODE_LENGTH = 8;

/** Spaces, hyphens and the dashes phone keyboards put in their place. */
const CODE_SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;

export { characters };

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

export function checkEmail(value: string): string | undefined {
  switch (emailProblem(value)) {
    case 'empty':
      return 'Saisissez votre adresse e-mail.';
    case 'too-long':
      return `L'adresse e-mail ne doit pas dépasser ${EMAIL_MAX} caractères.`;
    case 'invalid':
      return "Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).";
    default:
      return undefined;
  }
}

export function checkPassword(value: string): string | undefined {
  if (value === '') return 'Saisissez votre mot de passe.';
  const size = characters(value);
  if (size < PASSWORD_MIN) {
    return `Le mot de passe doit compter au moins ${PASSWORD_MIN} caractères (il en compte ${size}).`;
  }
  if (size > PASSWORD_MAX) return `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX} caractères.`;
  return undefined;
}

function checkName(value: string, empty: string): string | undefined {
  const size = characters(value.trim());
  switch (nameProblem(value)) {
    case 'empty':
      return empty;
    case 'too-long':
      return `Le nom ne doit pas dépasser ${NAME_MAX} caractères (il en compte ${size}).`;
    case 'control':
    case 'invisible':
      return 'Le nom contient des caractères invisibles non autorisés.';
    case 'bidi':
      return 'Le nom contient des caractères qui changent le sens de lecture, non autorisés.';
    default:
      return undefined;
  }
}

export const checkDisplayName = (value: string) =>
  checkName(value, 'Saisissez le nom que verront les autres membres de vos espaces.');

export const checkWorkspaceName = (value: string) => checkName(value, "Donnez un nom à l'espace.");

/** `abcd 2345`, `ABCD-2345`, `abcd2345` → `ABCD-2345`; `undefined` when it cannot be a code. */
export function normaliseInviteCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(CODE_SEPARATORS, '');
  if (!new RegExp(`^[A-Z0-9]{${INVITE_CODE_LENGTH}}$`).test(code)) return undefined;
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function checkInviteCode(value: string): string | undefined {
  if (value.trim() === '') return "Saisissez le code d'invitation (par exemple ABCD-2345).";
  if (!normaliseInviteCode(value)) {
    const size = value.replace(CODE_SEPARATORS, '').length;
    return `Un code d'invitation compte ${INVITE_CODE_LENGTH} lettres ou chiffres, par exemple ABCD-2345 (vous en avez saisi ${plural(size, 'caractère')}).`;
  }
  return undefined;
}

export const JOIN_PATH = '/espaces/rejoindre';

/** The address a workspace's QR code holds: it opens the join form, pre-filled. */
export function joinUrl(origin: string, inviteCode: string): string {
  return `${origin}${JOIN_PATH}?code=${encodeURIComponent(inviteCode)}`;
}

/** The invite code in what a QR code holds: a join URL, or a bare code. */
export function inviteCodeFromScan(raw: string): string | undefined {
  let text = raw.trim();
  try {
    const url = new URL(text);
    text = url.searchParams.get('code') ?? '';
  } catch {
    // Not a URL: perhaps the code itself.
  }
  return normaliseInviteCode(text);
}

/** A path of this app to go back to after signing in; anything else (another site) is dropped. */
export function safeReturnPath(value: string | null): string | undefined {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  return value;
}
