/**
 * Client-side checks of the account and workspace forms, in French, one
 * field at a time: `undefined` when the value is fine, else what to fix.
 * They mirror the server's rules (sync-server/src/accounts/input.ts) so a
 * form is not sent just to be refused.
 */

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 1024;
export const NAME_MAX = 80;
export const EMAIL_MAX = 254;
export const INVITE_CODE_LENGTH = 8;

/** Something@domain.tld, no spaces, no second @: the server's own check. */
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
/** Spaces, hyphens and the dashes phone keyboards put in their place. */
const CODE_SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;

/** Length in characters as a person counts them (an emoji counts once). */
export function characters(value: string): number {
  return [...value].length;
}

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

export function checkEmail(value: string): string | undefined {
  const email = value.trim();
  if (email === '') return 'Saisissez votre adresse e-mail.';
  if (email.length > EMAIL_MAX) return `L'adresse e-mail ne doit pas dépasser ${EMAIL_MAX} caractères.`;
  if (!EMAIL.test(email)) return "Cette adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).";
  return undefined;
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
  const name = value.trim();
  if (name === '') return empty;
  const size = characters(name);
  if (size > NAME_MAX) return `Le nom ne doit pas dépasser ${NAME_MAX} caractères (il en compte ${size}).`;
  if (CONTROL.test(name)) return 'Le nom contient des caractères invisibles non autorisés.';
  return undefined;
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
