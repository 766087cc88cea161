import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { AppDatabase } from '../database.ts';
import { readSession } from '../session.ts';
import { notePushed } from '../outbox.ts';
import { schemaVersionsHeader } from './versions.ts';
import { SyncRefused } from './user.ts';
import { serverFetch } from '../network.ts';
import { readErrorBody } from '../../model/protocol.ts';

/**
 * Sends what the device wrote into an inbox collection (the evaluation
 * survey): push only, with the token when there is one, anonymous otherwise;
 * retried until the server has it.
 */
export function replicateInbox(
  db: AppDatabase,
  name: 'feedback',
  options: { baseUrl?: string; fetch?: typeof fetch; retryMs?: number } = {},
): RxReplicationState<unknown, unknown> {
  const doFetch = options.fetch ?? serverFetch;
  return replicateRxCollection<unknown, unknown>({
    replicationIdentifier: `inbox-${name}-v1`,
    collection: db.collections[name] as never,
    live: true,
    retryTime: options.retryMs ?? 10_000,
    waitForLeadership: true,
    push: {
      batchSize: 20,
      async handler(rows) {
        const session = await readSession(db);
        const response = await doFetch(`${options.baseUrl ?? ''}/api/v1/replication/${name}/push`, {
          method: 'POST',
          cache: 'no-store',
          headers: {
            'content-type': 'application/json',
            ...schemaVersionsHeader([name]),
            ...(session ? { authorization: `Bearer ${session.token}` } : {}),
          },
          body: JSON.stringify(rows),
        });
        if (!response.ok) {
          const body = readErrorBody(await response.json().catch(() => undefined), response.status);
          throw new SyncRefused(response.status, body.error, body.message);
        }
        const sent = rows.map((r) => r.newDocumentState as unknown as { id: string });
        await notePushed(
          db,
          name,
          sent.map((d) => ({ id: d.id })),
        );
        return [];
      },
    },
  });
}
