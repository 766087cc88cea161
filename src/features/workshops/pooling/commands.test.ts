import { firstValueFrom } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../db/database.ts';
import { openTestDatabase } from '../../../db/test-database.ts';
import { recordWrites, watchOutbox } from '../../../db/outbox.ts';
import { samplePool } from '../../../model/workshops/pooling/sample-pool.ts';
import { addReceivedEntries, watchPendingPool } from './commands.ts';

let db: AppDatabase;

beforeEach(async () => {
  db = await openTestDatabase('pooling-test');
});
afterEach(async () => db.close());

const pool = samplePool();
const entries = [...pool.contributions, ...pool.dots];

describe('pooling commands', () => {
  it('adds received entries once, and they wait in the outbox to be sent', async () => {
    const first = await addReceivedEntries(db, entries);
    expect(first).toEqual({
      contributions: { added: 20, updated: 0, unchanged: 0 },
      dots: { added: 1, updated: 0, unchanged: 0 },
    });
    const again = await addReceivedEntries(db, entries);
    expect(again.contributions).toEqual({ added: 0, updated: 0, unchanged: 20 });
    expect(await db.contributions.count().exec()).toBe(21);
    expect(await firstValueFrom(watchOutbox(db))).toHaveLength(21);

    const edited = {
      ...pool.contributions[0]!,
      text: 'Texte corrigé',
      rev: 'zz-1',
      updatedAt: '2026-11-28T11:00:00.000Z',
    };
    expect((await addReceivedEntries(db, [edited])).contributions).toEqual({ added: 0, updated: 1, unchanged: 0 });
    expect((await db.contributions.findOne(edited.id).exec())?.toJSON()).toMatchObject({ text: 'Texte corrigé' });
  });

  it('gives the pending pool of one workshop', async () => {
    const [first, second] = pool.contributions;
    await recordWrites(db, 'contributions', [first!, second!, pool.dots[0]!], () =>
      db.contributions.bulkInsert(entries),
    );
    const pending = await firstValueFrom(watchPendingPool(db, pool.workshopId));
    expect(pending.contributions.map((c) => c.id).sort()).toEqual([first!.id, second!.id].sort());
    expect(pending.dots).toHaveLength(1);
    expect((await firstValueFrom(watchPendingPool(db, 'atelier-autre'))).contributions).toEqual([]);
  });
});
