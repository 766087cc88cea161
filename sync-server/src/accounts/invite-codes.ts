import { randomInt } from 'node:crypto';

/**
 * Invite codes are read aloud and typed from a projector: 8 characters from
 * an alphabet without the look-alikes 0/O, 1/I/L (nor U, which reads like V),
 * shown as `XXXX-XXXX`. 30^8 ≈ 6.6 × 10^11 codes (39 bits); guessing is
 * further slowed by the rate limit on failed joins.
 */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITE_LENGTH = 8;

/** A new random code in canonical form (no separator). */
export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

/** `ABCD2345` → `ABCD-2345`, the form shown to people. */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What a person typed, in canonical form: case, spaces and hyphens (or dashes) ignored.
 * Undefined when it cannot be a code (wrong length, a character outside the
 * alphabet), so that it is refused without a database read.
 */
export function parseInviteCode(typed: string): string | undefined {
  // Hyphens, and the dashes that phone keyboards put in their place.
  const code = typed.toUpperCase().replace(/[\s\-\u2010-\u2015\u2212]/g, '');
  if (code.length !== INVITE_LENGTH) return undefined;
  for (const char of code) if (!INVITE_ALPHABET.includes(char)) return undefined;
  return code;
}
