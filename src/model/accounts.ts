/** Accounts and groups (« espaces ») as client and server both see them. */

export type Role = 'owner' | 'member';

/** One of the user's groups, as `GET /me` lists it. */
export interface WorkspaceSummary {
  id: string;
  name: string;
  role: Role;
}

/**
 * The account rules, for the forms and the server's account routes alike
 * (SYNC-PROTOCOL.md, Accounts): lengths in characters as a person counts
 * them (an emoji counts once).
 */
export const ACCOUNT_LIMITS = {
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 1024,
  /** A display name or a group's name. */
  nameMax: 80,
  inviteCodeMax: 64,
} as const;

/** The longest display name: also the longest `authorName` a document may carry. */
export const DISPLAY_NAME_MAX = ACCOUNT_LIMITS.nameMax;

/** Something@domain.tld, no spaces, no second @: a pragmatic address check. */
export const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

/** Control characters (C0, DEL, C1) and line/paragraph separators have no place in a name. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
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

/** Length in characters (code points), not UTF-16 units. */
export const characters = (value: string): number => [...value].length;

export type NameProblem = 'empty' | 'too-long' | 'control' | 'bidi' | 'invisible';

/** What is wrong with a display name or a group's name, once trimmed; undefined when it is fine. */
export function nameProblem(name: string): NameProblem | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'empty';
  if (characters(trimmed) > ACCOUNT_LIMITS.nameMax) return 'too-long';
  if (CONTROL.test(trimmed)) return 'control';
  if (BIDI.test(trimmed)) return 'bidi';
  if (ZERO_WIDTH.test(trimmed)) return 'invisible';
  return undefined;
}

/** Trimmed, lower case: how addresses are stored and compared. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** What is wrong with an address for a new account; undefined when it is fine. */
export function emailProblem(email: string): 'empty' | 'too-long' | 'invalid' | undefined {
  const address = normaliseEmail(email);
  if (address === '') return 'empty';
  if (address.length > ACCOUNT_LIMITS.emailMax) return 'too-long';
  if (!EMAIL_PATTERN.test(address) || CONTROL.test(address)) return 'invalid';
  return undefined;
}
