import { describe, expect, it } from 'vitest';
import { countAttempt, FailureLimiter, TooManyRequests } from './failure-limiter.ts';

const MINUTE = 60_000;

describe('FailureLimiter', () => {
  it('lets a key fail up to the maximum, then says how long to wait', () => {
    let now = 0;
    const limiter = new FailureLimiter({ max: 3, windowMs: 15 * MINUTE }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs('a')).toBe(0);
      limiter.fail('a');
      now += MINUTE;
    }
    expect(limiter.retryAfterMs('a')).toBe(12 * MINUTE); // until the first failure leaves the window
    expect(limiter.retryAfterMs('b')).toBe(0);
    now = 15 * MINUTE;
    expect(limiter.retryAfterMs('a')).toBe(0);
  });

  it('takes a failure back, or forgets a key', () => {
    const limiter = new FailureLimiter({ max: 2, windowMs: MINUTE });
    limiter.fail('a');
    const undo = limiter.fail('a');
    expect(limiter.retryAfterMs('a')).toBeGreaterThan(0);
    undo();
    expect(limiter.retryAfterMs('a')).toBe(0);
    limiter.fail('a');
    limiter.reset('a');
    limiter.fail('a');
    expect(limiter.retryAfterMs('a')).toBe(0);
  });
});

describe('countAttempt', () => {
  it('counts under every key, throws 429 once any key is at its limit, and gives back on success', () => {
    const perEmail = new FailureLimiter({ max: 2, windowMs: MINUTE });
    const perAddress = new FailureLimiter({ max: 3, windowMs: MINUTE });
    const attempt = (email: string) =>
      countAttempt([
        [perEmail, email],
        [perAddress, '10.0.0.1'],
      ]);
    attempt('a');
    attempt('a');
    expect(() => attempt('a')).toThrow(TooManyRequests);
    attempt('b')(); // a success: taken back from both
    attempt('b');
    let error: unknown;
    try {
      attempt('c');
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ statusCode: 429, code: 'too_many_requests', retryAfterSeconds: 60 });
  });
});
