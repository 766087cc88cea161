import { ApiError } from '../errors.ts';
import type { AttemptCheck, AttemptStore } from './store.ts';

/**
 * Rate limits: attempts counted per key (an email, a client address, a
 * user) in a sliding window, in the database (see AttemptStore), so that a
 * restart or a second server process neither resets nor splits them.
 */
export interface Limit {
  max: number;
  windowMs: number;
}

/** One limit applied to one key, e.g. `check('login-email', limit, email)`. */
export function check(name: string, limit: Limit, key: string, weight = 1): AttemptCheck {
  return { key: `${name}:${key}`, max: limit.max, windowMs: limit.windowMs, weight };
}

/** 429 `too_many_requests`, with the wait to announce in `Retry-After`. */
export class TooManyRequests extends ApiError {
  readonly retryAfterSeconds: number;

  constructor(waitMs: number, code = 'too_many_requests') {
    const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
    super(429, code, `Trop de tentatives. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`);
    this.retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  }
}

/**
 * Counts an attempt under every key before it is carried out (so that
 * attempts sent all at once cannot slip past the count), or throws
 * TooManyRequests when a key is already at its limit. Returns how to take
 * the counted attempt back when it turns out a success.
 */
export async function countAttempt(
  store: AttemptStore,
  checks: AttemptCheck[],
  now: number = Date.now(),
): Promise<() => Promise<void>> {
  const result = await store.takeAttempt(checks, now);
  if (result.ids === undefined) throw new TooManyRequests(result.waitMs);
  const ids = result.ids;
  return () => store.forgetAttempts(ids);
}
