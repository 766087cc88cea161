import type { RxCollection } from 'rxdb';
import { deepEqual } from '../../model/merge.ts';
import { replicatedState } from '../conflicts.ts';

export interface PushRow {
  newDocumentState: unknown;
  assumedMasterState?: unknown;
}

/**
 * Splits RxDB's push rows into those that still hold the device's document
 * and those it read before the document changed on the device. RxDB 17.6
 * reads the documents to send, then waits for the push in progress (a lost
 * response, an offline spell) and only then reads what the server last
 * held: meanwhile a pull may have written a newer server version both on
 * the device and as that "last held" one. The old document would then go
 * out as a change of the newer one, and the server, whose `rev` matches,
 * would take it: a write undone (the chaos run, seed 1105). A stale row is
 * not sent; it is answered as a conflict whose server version is the
 * device's current document, which RxDB cannot write over (the document
 * has moved on), so nothing changes; the current document, if it is a
 * local change, goes out in its own turn.
 */
export async function splitStaleRows<Row extends PushRow>(
  collection: RxCollection,
  rows: Row[],
): Promise<{ fresh: Row[]; stale: Record<string, unknown>[] }> {
  const ids = rows.map((row) => (row.newDocumentState as { id: string }).id);
  const held = await collection.storageInstance.findDocumentsById(ids, true);
  const current = new Map(held.map((doc) => [doc.id as string, doc]));
  const fresh: Row[] = [];
  const stale: Record<string, unknown>[] = [];
  for (const row of rows) {
    const doc = current.get((row.newDocumentState as { id: string }).id);
    if (!doc) {
      fresh.push(row);
      continue;
    }
    const now = replicatedState(doc as Record<string, unknown>);
    if (deepEqual(now, row.newDocumentState)) fresh.push(row);
    else stale.push(now);
  }
  return { fresh, stale };
}
