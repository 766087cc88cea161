import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../database.ts';
import { openTestDatabase, testDatabaseConfig, type TestDatabaseConfig } from '../test-database.ts';
import { ChangeFeed } from './feed.ts';

let config: TestDatabaseConfig;
let database: ServerDatabase;
let feed: ChangeFeed;
beforeEach(async () => {
  config = testDatabaseConfig(mkdtempSync(join(tmpdir(), 'it-feed-')));
  database = await openTestDatabase(config);
});
afterEach(async () => {
  await feed.stop();
  await database.close();
  rmSync(config.dataDir, { recursive: true, force: true });
});

const write = (id: string) => database.store.write('annotations', [{ id, body: JSON.stringify({ id }), hash: '' }]);

describe('the change feed', () => {
  it('sends the first write at once, and the writes that follow within the interval together', async () => {
    feed = new ChangeFeed(database.store, 300);
    await feed.start(60_000);
    const batches: string[][] = [];
    feed.subscribe((_, documents) => batches.push(documents.map((d) => d.id)));

    const started = performance.now();
    await write('a');
    await feed.catchUp();
    expect(batches).toEqual([['a']]);
    expect(performance.now() - started).toBeLessThan(300);

    await write('b');
    const b = feed.catchUp();
    await write('c');
    const c = feed.catchUp();
    await Promise.all([b, c]);
    // One message per stream for both writes, not one each.
    expect(batches).toEqual([['a'], ['b', 'c']]);
  });
});
