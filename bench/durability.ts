/**
 * What acknowledged-means-durable costs (part of `npm run bench`; alone:
 * `npx tsx bench/durability.ts`).
 * The store commits with `synchronous = FULL` in WAL mode (every commit is
 * fsynced before the push is answered); this times one-document
 * transactions like a push of one row, through the store itself (FULL) and
 * through the same store with the connection set back to NORMAL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../sync-server/src/store/sqlite.ts';

const WRITES = Number(process.env.DURABILITY_WRITES ?? 500);
const body = (i: number) => JSON.stringify({ id: `d${i}`, note: 'x'.repeat(800), _deleted: false });

async function time(synchronous: 'FULL' | 'NORMAL'): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'it-durability-'));
  const file = join(dir, 'app.sqlite');
  try {
    const store = openSqliteStore(file);
    if (synchronous === 'NORMAL') {
      // The store's own connection is FULL; a second one shows what NORMAL would cost, on the same schema.
      await store.close();
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      const insert = db.prepare(
        'INSERT INTO documents (collection, id, seq, body, hash, written_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      const started = performance.now();
      for (let i = 0; i < WRITES; i++)
        db.transaction(() => insert.run('annotations', `d${i}`, i + 1, body(i), '', Date.now()))();
      const elapsed = performance.now() - started;
      db.close();
      return elapsed;
    }
    const started = performance.now();
    for (let i = 0; i < WRITES; i++) await store.write('annotations', [{ id: `d${i}`, body: body(i), hash: '' }]);
    const elapsed = performance.now() - started;
    await store.close();
    return elapsed;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface DurabilityFigures {
  writes: number;
  fullMsPerWrite: number;
  normalMsPerWrite: number;
  extraMsPerWrite: number;
  fullWritesPerSecond: number;
  normalWritesPerSecond: number;
}

export async function measureDurability(): Promise<DurabilityFigures> {
  const full = await time('FULL');
  const normal = await time('NORMAL');
  const perWrite = (ms: number) => Math.round((ms / WRITES) * 1000) / 1000;
  return {
    writes: WRITES,
    fullMsPerWrite: perWrite(full),
    normalMsPerWrite: perWrite(normal),
    extraMsPerWrite: perWrite(full - normal),
    fullWritesPerSecond: Math.round((WRITES / full) * 1000),
    normalWritesPerSecond: Math.round((WRITES / normal) * 1000),
  };
}

export function describeDurability(d: DurabilityFigures): string {
  return `Écritures durables (SQLite synchronous=FULL) : ${d.fullMsPerWrite} ms par validation d’une ligne (${d.fullWritesPerSecond}/s), contre ${d.normalMsPerWrite} ms avec NORMAL (${d.normalWritesPerSecond}/s) ; surcoût ${d.extraMsPerWrite} ms, ${d.writes} validations`;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(describeDurability(await measureDurability()));
