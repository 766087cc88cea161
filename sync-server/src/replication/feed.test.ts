import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.ts';
import type { Store } from '../store/store.ts';
import { ChangeFeed } from './feed.ts';

/**
 * The feed's own timing, on the embedded store: only the calls below start a
 * fan-out (PostgreSQL's notices would start others at their own pace).
 */
let dir: string;
let store: Store;
let feed: ChangeFeed;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'it-feed-'));
  store = openSqliteStore(join(dir, 'app.sqlite'));
});
afterEach(async () => {
  await feed.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const write = (id: string) => store.write('annotations', [{ id, body: JSON.stringify({ id }), hash: '' }]);

describe('the change feed', () => {
  it('sends the first write at once, and the writes that follow within the pause together', async () => {
    feed = new ChangeFeed(store, { pausePerListenerMs: 1000, maxPauseMs: 1000 });
    await feed.start(60_000);
    const batches: string[][] = [];
    const sentAt: number[] = [];
    feed.subscribe((_, documents) => {
      batches.push(documents.map((d) => d.id));
      sentAt.push(performance.now());
    });

    await write('a');
    const written = performance.now();
    await feed.catchUp();
    expect(batches).toEqual([['a']]);
    // Sent without waiting for the pause.
    expect(sentAt[0]! - written).toBeLessThan(1000);

    await write('b');
    const b = feed.catchUp();
    await write('c');
    const c = feed.catchUp();
    await Promise.all([b, c]);
    // One message per stream for both writes, not one each.
    expect(batches).toEqual([['a'], ['b', 'c']]);
  });
});
