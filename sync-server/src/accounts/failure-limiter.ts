import { ApiError } from '../errors.ts';

/**
 * Counts failures per key (an email, a client address, a user) in a sliding
 * window, and says how long a key must wait once it reached the maximum.
 * In memory, per process: enough for one server; several processes each
 * keep their own count (an attacker gets at most that many times more tries).
 */
export interface Limit {
  max: number;
  windowMs: number;
}

/** Beyond this many keys, expired ones are swept on the next failure. */
const SWEEP_ABOVE = 10_000;

export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: Limit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds before `key` may try again; 0 when it may now. */
  retryAfterMs(key: string): number {
    const times = this.recent(key);
    if (times.length < this.limit.max) return 0;
    return times[times.length - this.limit.max]! + this.limit.windowMs - this.now();
  }

  /** Counts one failure, and returns how to take it back (the attempt turned out a success). */
  fail(key: string): () => void {
    if (this.failures.size > SWEEP_ABOVE) this.sweep();
    const at = this.now();
    const times = this.recent(key);
    times.push(at);
    this.failures.set(key, times);
    return () => {
      const current = this.failures.get(key);
      const index = current?.lastIndexOf(at) ?? -1;
      if (index >= 0) current!.splice(index, 1);
    };
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limit.windowMs;
    const times = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  private sweep(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
  }
}

/** 429 `too_many_requests`, with the wait to announce in `Retry-After`. */
export class TooManyRequests extends ApiError {
  readonly retryAfterSeconds: number;

  constructor(waitMs: number) {
    const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
    super(429, 'too_many_requests', `Trop de tentatives. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`);
    this.retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
  }
}

/**
 * Counts an attempt as a failure under every key before it is checked (so
 * that attempts sent all at once cannot slip past the count), or throws
 * TooManyRequests when a key is already at its limit. Returns how to take
 * the counted failures back when the attempt succeeds.
 */
export function countAttempt(checks: [FailureLimiter, string][]): () => void {
  const wait = Math.max(...checks.map(([limiter, key]) => limiter.retryAfterMs(key)));
  if (wait > 0) throw new TooManyRequests(wait);
  const undos = checks.map(([limiter, key]) => limiter.fail(key));
  return () => undos.forEach((undo) => undo());
}
