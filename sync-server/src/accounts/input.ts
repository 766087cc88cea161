import { ACCOUNT_LIMITS, characters, emailProblem, nameProblem, normaliseEmail } from '../../../src/model/accounts.ts';
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

export const LIMITS = ACCOUNT_LIMITS;

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

export { normaliseEmail };

const length = characters;

function email(value: unknown): string {
  const normalised = normaliseEmail(text(value, 'email'));
  const problem = emailProblem(normalised);
  if (problem === 'too-long') invalid(`L'adresse e-mail dépasse ${LIMITS.emailMax} caractères.`);
  if (problem) invalid("L'adresse e-mail n'est pas valide.");
  return normalised;
}

const NAME_PROBLEMS = {
  empty: (label: string) => `Le champ ${label} doit compter de 1 à ${LIMITS.nameMax} caractères.`,
  'too-long': (label: string) => `Le champ ${label} doit compter de 1 à ${LIMITS.nameMax} caractères.`,
  control: (label: string) => `Le champ ${label} contient des caractères de contrôle.`,
  bidi: (label: string) => `Le champ ${label} contient des caractères qui changent le sens de lecture.`,
  invisible: (label: string) => `Le champ ${label} contient des caractères invisibles.`,
};

/** A display name or a group's name, by the account rules of src/model/accounts.ts. */
function name(value: unknown, label: string): string {
  const trimmed = text(value, label).trim();
  const problem = nameProblem(trimmed);
  if (problem) invalid(NAME_PROBLEMS[problem](label));
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
