/**
 * A participant without an account (a guest) is known by a secret made on
 * their phone, offline: the guest token. Their public id, the `ownerId` of
 * what they post, is derived from it, so the phone can post before it ever
 * reaches the server, and the server, given the token when the phone joins
 * (`POST /api/v1/workshops/join`), finds the same id. Knowing a guest's id
 * (it is shown with their posts) does not give their token.
 */
export const GUEST_ID_PREFIX = 'guest-';

export function isGuestId(ownerId: string): boolean {
  return ownerId.startsWith(GUEST_ID_PREFIX);
}

/** A new guest token: 128 random bits, base64url. */
export function newGuestToken(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return base64url(bytes);
}

/** `guest-` and 22 characters of SHA-256("guest:" + token). */
export async function guestIdOf(token: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(`guest:${token}`));
  return GUEST_ID_PREFIX + base64url(new Uint8Array(digest)).slice(0, 22);
}

/** Guest tokens are 22 base64url characters. */
export const GUEST_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
