import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from './sqlite.ts';
import type { PushRow, Store } from './store.ts';

const same = (stored: string, pushed: string) => stored === pushed;

function row(id: string, patch: Partial<PushRow> = {}): PushRow {
  return {
    id,
    body: JSON.stringify({ id, note: `note ${id}` }),
    ownerId: 'alice',
    workspaceId: null,
    rev: '1-a',
    assumedRev: undefined,
    ...patch,
  };
}

let dir: string;
let file: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'it-group-commit-'));
  file = join(dir, 'app.sqlite');
  store = openSqliteStore(file);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What another connection finds on disk: only committed rows. */
function committedIds(): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT id FROM documents ORDER BY seq').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('group commit of pushes (SQLite)', () => {
  it('writes pushes sent together in their order, each committed when it is answered', async () => {
    const pushes = ['a', 'b', 'c', 'd'].map((id) =>
      store.applyPush('annotations', [row(id)], same).then((result) => {
        // Answered only once committed: another connection sees the row at that moment.
        expect(committedIds()).toContain(id);
        return result.written.map((d) => [d.id, d.seq]);
      }),
    );
    expect(await Promise.all(pushes)).toEqual([[['a', 1]], [['b', 2]], [['c', 3]], [['d', 4]]]);
  });

  it('commits pushes sent together once: one fsync for all, not one each', async () => {
    const walBytes = () => statSync(`${file}-wal`).size;
    await store.applyPush('annotations', [row('start')], same);
    // Each commit appends the pages it changed to the write-ahead log: its growth counts the commits.
    const before = walBytes();
    for (let i = 0; i < 10; i++) await store.applyPush('annotations', [row(`one-by-one-${i}`)], same);
    const oneByOne = walBytes() - before;
    const middle = walBytes();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.applyPush('annotations', [row(`together-${i}`)], same)),
    );
    const together = walBytes() - middle;
    expect(together).toBeLessThan(oneByOne / 4);
  });

  it('rolls back a failing push alone; the others of its group are written', async () => {
    await store.applyPush('annotations', [row('x')], same);
    const failing = (): boolean => {
      throw new Error('comparison failed');
    };
    const results = await Promise.allSettled([
      store.applyPush('annotations', [row('a')], same),
      // Its first row is written before the second one fails: both must be rolled back.
      store.applyPush('annotations', [row('b'), row('x', { body: '{"id":"x","note":"autre"}' })], failing),
      store.applyPush('annotations', [row('c')], same),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committedIds()).toEqual(['x', 'a', 'c']);
  });

  it('commits what is queued when the store closes', async () => {
    const pushed = store.applyPush('annotations', [row('a')], same);
    await store.close();
    await expect(pushed).resolves.toMatchObject({ written: [{ id: 'a' }] });
    expect(committedIds()).toEqual(['a']);
    store = openSqliteStore(file);
  });
});
