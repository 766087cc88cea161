/**
 * The workshop's short code, read from the projector and typed on phones:
 * 8 characters without look-alikes (no 0/O, 1/I/L, U), shown `ABCD-EFGH`.
 * It is made on the facilitator's device, offline, and names the workshop:
 * the workshop's id is derived from it, so the server finds a workshop by
 * its code without an index. 30^8 ≈ 6.6 × 10^11 codes; guessing is slowed by
 * the server's rate limit on joins.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 8;

/** A new random code (canonical form, no separator). */
export function newWorkshopCode(random: (max: number) => number = secureRandomInt): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}

/** `ABCD2345` → `ABCD-2345`. */
export function formatWorkshopCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What was typed, in canonical form (case, spaces and dashes ignored); undefined when it cannot be a code. */
export function parseWorkshopCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s\-\u2010-\u2015\u2212]/g, '');
  if (code.length !== CODE_LENGTH) return undefined;
  for (const char of code) if (!CODE_ALPHABET.includes(char)) return undefined;
  return code;
}

/** The workshop's document id. */
export function workshopIdOf(code: string): string {
  return `atelier-${code.toLowerCase()}`;
}

/** The code back from a workshop id; undefined when it is not one. */
export function codeOfWorkshopId(id: string): string | undefined {
  return id.startsWith('atelier-') ? parseWorkshopCode(id.slice('atelier-'.length)) : undefined;
}

function secureRandomInt(max: number): number {
  // Rejection sampling keeps every character equally likely.
  const limit = Math.floor(256 / max) * max;
  const byte = new Uint8Array(1);
  do globalThis.crypto.getRandomValues(byte);
  while (byte[0]! >= limit);
  return byte[0]! % max;
}
