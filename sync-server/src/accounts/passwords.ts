import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt (memory-hard), a random salt per password,
 * and the cost stored with the hash so that it can be raised later: a hash
 * made with older parameters still verifies, and `needsRehash` tells the
 * caller to replace it at the next successful login.
 *
 * Stored form (PHC string): `$scrypt$ln=15,r=8,p=3$<salt>$<hash>`, salt and
 * hash in base64 without padding.
 */
export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  ln: number;
  /** Block size. Memory used is 128 × N × r bytes. */
  r: number;
  /** Parallelisation (run one after the other by Node: more time, not more memory). */
  p: number;
}

/**
 * Production cost: N = 2^15, r = 8, p = 3, one of OWASP's equivalent scrypt
 * settings. 32 MiB per hash (four at once on Node's thread pool: 128 MiB),
 * about 0.2 s on one core.
 */
export const DEFAULT_SCRYPT: ScryptParams = { ln: 15, r: 8, p: 3 };
/** For tests only: 1 MiB, about 3 ms. */
export const TEST_SCRYPT: ScryptParams = { ln: 10, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** Passwords are compared in Unicode NFC: the same "é" typed on two devices gives the same hash. */
function passwordBytes(password: string): Buffer {
  return Buffer.from(password.normalize('NFC'), 'utf8');
}

function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  const N = 2 ** params.ln;
  return new Promise((resolve, reject) =>
    scrypt(
      passwordBytes(password),
      salt,
      length,
      { N, r: params.r, p: params.p, maxmem: 256 * N * params.r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): ParsedHash | undefined {
  const match = FORMAT.exec(stored);
  if (!match) return undefined;
  const params = { ln: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  if (params.ln < 1 || params.ln > 24 || params.r < 1 || params.p < 1) return undefined;
  return { params, salt: Buffer.from(match[4]!, 'base64'), key: Buffer.from(match[5]!, 'base64') };
}

/** True when `password` matches `stored`. A malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed || parsed.key.length === 0) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/** True when `stored` was made with other parameters than `params` (or cannot be read). */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.params.ln !== params.ln || parsed.params.r !== params.r || parsed.params.p !== params.p;
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/=+$/, '');
}
