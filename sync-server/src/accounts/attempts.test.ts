import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../database.ts';
import { openTestDatabase, testDatabaseConfig, type TestDatabaseConfig } from '../test-database.ts';
import { check, countAttempt, TooManyRequests } from './attempts.ts';
import type { AccountStore } from './store.ts';

const MINUTE = 60_000;
let config: TestDatabaseConfig;
let database: ServerDatabase;
let store: AccountStore;
beforeEach(async () => {
  config = testDatabaseConfig(mkdtempSync(join(tmpdir(), 'attempts-')));
  database = await openTestDatabase(config);
  store = database.accountStore;
});
afterEach(async () => database.close());

describe('attempts in the database', () => {
  it('lets a key try up to the maximum, then says how long to wait', async () => {
    const limit = { max: 3, windowMs: 15 * MINUTE };
    let now = 0;
    for (let i = 0; i < 3; i++) {
      await countAttempt(store, [check('login', limit, 'a')], now);
      now += MINUTE;
    }
    await expect(countAttempt(store, [check('login', limit, 'a')], now)).rejects.toMatchObject({
      retryAfterSeconds: 12 * 60, // until the first attempt leaves the window
    });
    await countAttempt(store, [check('login', limit, 'b')], now);
    await countAttempt(store, [check('login', limit, 'a')], 15 * MINUTE);
  });

  it('counts under every key, refuses once any key is at its limit, and gives back on success', async () => {
    const perEmail = { max: 2, windowMs: MINUTE };
    const perAddress = { max: 3, windowMs: MINUTE };
    const attempt = (email: string) =>
      countAttempt(store, [check('email', perEmail, email), check('address', perAddress, '10.0.0.1')], 1000);
    await attempt('a');
    await attempt('a');
    await expect(attempt('a')).rejects.toBeInstanceOf(TooManyRequests);
    await (
      await attempt('b')
    )(); // a success: taken back from both
    await attempt('b');
    await expect(attempt('c')).rejects.toMatchObject({
      statusCode: 429,
      code: 'too_many_requests',
      retryAfterSeconds: 60,
    });
  });

  it('weighs an attempt that counts for several (the documents of one push)', async () => {
    const limit = { max: 10, windowMs: MINUTE };
    await countAttempt(store, [check('writes', limit, 'w', 6)], 0);
    await countAttempt(store, [check('writes', limit, 'w', 3)], 10);
    await countAttempt(store, [check('writes', limit, 'w', 3)], 20); // 9 < 10: allowed, now 12
    await expect(countAttempt(store, [check('writes', limit, 'w')], 30)).rejects.toMatchObject({
      retryAfterSeconds: 60, // until the attempt of 6 leaves the window: 3 + 3 < 10 again
    });
    await countAttempt(store, [check('writes', limit, 'w')], MINUTE);
  });

  it('survives a restart and is shared by a second connection (another process)', async () => {
    const limit = { max: 2, windowMs: MINUTE };
    const other = await openTestDatabase(config);
    await countAttempt(store, [check('register', limit, 'x')], 0);
    await countAttempt(other.accountStore, [check('register', limit, 'x')], 0);
    await other.close();
    await database.close();
    database = await openTestDatabase(config);
    store = database.accountStore;
    await expect(countAttempt(store, [check('register', limit, 'x')], 0)).rejects.toBeInstanceOf(TooManyRequests);
    await store.purgeAttempts(1);
    await countAttempt(store, [check('register', limit, 'x')], 0);
  });
});
