import { ApiError } from '../errors.ts';

/**
 * Validation of what clients send to the account routes. Each reader takes
 * the parsed JSON body (anything) and returns clean values, or throws 400
 * `invalid_input` with a French message naming the field.
 */

export interface Registration {
  email: string;
  password: string;
  displayName: string;
}

export interface Credentials {
  email: string;
  password: string;
}

export const LIMITS = {
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 1024,
  nameMax: 80,
  inviteCodeMax: 64,
} as const;

/** A pragmatic address check: something@domain.tld, no spaces, no second @. */
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;
/** Control characters (C0, DEL, C1) and line/paragraph separators have no place in a name. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

function invalid(message: string): never {
  throw new ApiError(400, 'invalid_input', message);
}

function fields(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    invalid('Le corps de la requête doit être un objet JSON.');
  }
  return body as Record<string, unknown>;
}

function text(value: unknown, label: string): string {
  if (typeof value !== 'string') invalid(`Le champ ${label} est requis (texte).`);
  return value;
}

/** Length in characters (code points), not UTF-16 units: an emoji counts once. */
function length(value: string): number {
  return value.length - (value.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
}

/** Trimmed, lower case: how emails are stored and compared. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function email(value: unknown): string {
  const normalised = normaliseEmail(text(value, 'email'));
  if (normalised.length > LIMITS.emailMax) invalid(`L'adresse e-mail dépasse ${LIMITS.emailMax} caractères.`);
  if (!EMAIL.test(normalised) || CONTROL.test(normalised)) invalid("L'adresse e-mail n'est pas valide.");
  return normalised;
}

/**
 * Bidirectional controls (marks, embeddings, overrides, isolates) reorder
 * the text around a name (« Alice‮nimda » shown as « Alice admin »).
 */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/**
 * Invisible characters make two names look alike. The zero-width joiner is
 * allowed only inside an emoji sequence (👩‍💻), where it is part of the picture.
 */
const ZERO_WIDTH =
  /[\u180E\u200B\u200C\u2060-\u2064\uFEFF]|(?<!\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F)\u200D|\u200D(?!\p{Extended_Pictographic})/u;

function name(value: unknown, label: string): string {
  const trimmed = text(value, label).trim();
  const size = length(trimmed);
  if (size < 1 || size > LIMITS.nameMax) invalid(`Le champ ${label} doit compter de 1 à ${LIMITS.nameMax} caractères.`);
  if (CONTROL.test(trimmed)) invalid(`Le champ ${label} contient des caractères de contrôle.`);
  if (BIDI.test(trimmed)) invalid(`Le champ ${label} contient des caractères qui changent le sens de lecture.`);
  if (ZERO_WIDTH.test(trimmed)) invalid(`Le champ ${label} contient des caractères invisibles.`);
  return trimmed;
}

function passwordWithinMax(value: unknown): string {
  const password = text(value, 'password');
  if (length(password) > LIMITS.passwordMax) {
    invalid(`Le mot de passe dépasse ${LIMITS.passwordMax} caractères.`);
  }
  return password;
}

export function readRegistration(body: unknown): Registration {
  const input = fields(body);
  const result = {
    email: email(input.email),
    password: passwordWithinMax(input.password),
    displayName: name(input.displayName, 'displayName'),
  };
  if (length(result.password) < LIMITS.passwordMin) {
    invalid(`Le mot de passe doit compter au moins ${LIMITS.passwordMin} caractères.`);
  }
  return result;
}

/**
 * Login checks types and sizes only: an address that could not have been
 * registered is simply unknown (401), like any other.
 */
export function readCredentials(body: unknown): Credentials {
  const input = fields(body);
  const address = normaliseEmail(text(input.email, 'email'));
  if (address.length > LIMITS.emailMax) invalid(`L'adresse e-mail dépasse ${LIMITS.emailMax} caractères.`);
  return { email: address, password: passwordWithinMax(input.password) };
}

export function readWorkspaceName(body: unknown): string {
  return name(fields(body).name, 'name');
}

/** The code as typed; its shape is checked by `parseInviteCode` (an unknown code is a 404, not a 400). */
export function readInviteCode(body: unknown): string {
  const code = text(fields(body).inviteCode, 'inviteCode');
  if (code.length > LIMITS.inviteCodeMax) invalid("Le code d'invitation est trop long.");
  return code;
}
