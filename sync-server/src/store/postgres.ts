import type pg from 'pg';
import { LOCKS, type PgConnection } from '../postgres/connection.ts';
import type {
  BlobUpload,
  Checkpoint,
  DocumentWrite,
  PushResult,
  PushRow,
  Store,
  StoredDocument,
  Visibility,
} from './store.ts';

/**
 * The visibility rule (src/model/visibility.ts, `canSee`) in SQL: the
 * document's columns (`d.` for a joined table), the reader's id and their
 * groups as an array.
 */
const visibleTo = (d: string, userId: string, groups: string) =>
  `((${d}owner_id = ${userId} AND ${d}workspace_id IS NULL) OR ${d}workspace_id = ANY(${groups}))`;

export interface PgStoreOptions {
  /**
   * Tests only: runs between a write and its commit, to hold a transaction
   * open while another process writes (see checkpoint.pg.test.ts).
   */
  beforeCommit?: () => Promise<void>;
  /**
   * Tests only: writes without the write lock, as a naive design would, to
   * show that the checkpoint test catches the skipped document.
   */
  unorderedWrites?: boolean;
}

interface Row {
  collection: string;
  id: string;
  seq: string;
  body: string;
  hash: string;
  owner_id: string | null;
  workspace_id: string | null;
  rev: string | null;
}

type Write = DocumentWrite &
  Partial<Pick<StoredDocument, 'ownerId' | 'workspaceId' | 'rev'>> &
  Pick<PushRow, 'blobRefs' | 'pushedBy'>;

const COLUMNS = 'collection, id, seq, body, hash, owner_id, workspace_id, rev';

/**
 * Documents in PostgreSQL, shared by every server process.
 *
 * Write order and checkpoints: every writing transaction takes one
 * transaction-level advisory lock before it reads or numbers anything, and
 * keeps it until it commits. Sequence numbers are therefore handed out in
 * commit order: when a reader sees number N, every transaction that got a
 * smaller number has already committed (PostgreSQL makes a commit visible
 * before it releases the transaction's locks). A pull that returned
 * checkpoint N never misses a later commit, whichever process made it.
 * The price is that writes are serialised across processes; each holds the
 * lock for a few short statements.
 */
export function openPgStore(db: PgConnection, options: PgStoreOptions = {}): Store {
  const { pool } = db;

  const lockWrites = async (client: pg.PoolClient) => {
    if (options.unorderedWrites) return;
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCKS.writes, db.schema]);
  };

  const readMany = async (client: Pick<pg.Pool, 'query'>, collection: string, ids: string[]) => {
    const { rows } = await client.query<Row>(
      `SELECT ${COLUMNS} FROM documents WHERE collection = $1 AND id = ANY($2)`,
      [collection, ids],
    );
    return new Map(rows.map((r) => [r.id, toStored(r)]));
  };

  /** Numbers and writes the rows, replaces their blob references, and announces the write (delivered at commit). */
  const insertRows = async (client: pg.PoolClient, collection: string, rows: Write[]): Promise<StoredDocument[]> => {
    if (rows.length === 0) return [];
    const seqs = (
      await client.query<{ seq: string }>("SELECT nextval('document_seq') AS seq FROM generate_series(1, $1)", [
        rows.length,
      ])
    ).rows
      .map((r) => Number(r.seq))
      .sort((a, b) => a - b);
    const now = Date.now();
    const stored = rows.map((row, i): StoredDocument => ({
      collection,
      id: row.id,
      seq: seqs[i]!,
      body: row.body,
      hash: row.hash,
      ownerId: row.ownerId ?? null,
      workspaceId: row.workspaceId ?? null,
      rev: row.rev ?? null,
    }));
    await client.query(
      `INSERT INTO documents (collection, id, seq, body, hash, written_at, owner_id, workspace_id, rev)
       SELECT $1, t.id, t.seq, t.body, t.hash, $2, t.owner_id, t.workspace_id, t.rev
       FROM unnest($3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
         AS t(id, seq, body, hash, owner_id, workspace_id, rev)
       ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, body = excluded.body, hash = excluded.hash,
         written_at = excluded.written_at, owner_id = excluded.owner_id, workspace_id = excluded.workspace_id,
         rev = excluded.rev`,
      [
        collection,
        now,
        stored.map((s) => s.id),
        stored.map((s) => s.seq),
        stored.map((s) => s.body),
        stored.map((s) => s.hash),
        stored.map((s) => s.ownerId),
        stored.map((s) => s.workspaceId),
        stored.map((s) => s.rev),
      ],
    );
    await replaceBlobRefs(client, collection, rows);
    await client.query('SELECT pg_notify($1, $2)', [db.channel('documents'), String(seqs.at(-1))]);
    if (options.beforeCommit) await options.beforeCommit();
    return stored;
  };

  /** A photo kept from the previous version keeps who added it; a new one is the pusher's. */
  const replaceBlobRefs = async (client: pg.PoolClient, collection: string, rows: Write[]) => {
    const withRefs = rows.filter((r) => r.blobRefs);
    if (withRefs.length === 0) return;
    const ids = withRefs.map((r) => r.id);
    const { rows: previous } = await client.query<{ doc_id: string; sha256: string; added_by: string | null }>(
      'DELETE FROM blob_refs WHERE collection = $1 AND doc_id = ANY($2) RETURNING doc_id, sha256, added_by',
      [collection, ids],
    );
    const addedBy = new Map(previous.map((r) => [`${r.doc_id}/${r.sha256}`, r.added_by]));
    const refs = withRefs.flatMap((row) =>
      [...new Set(row.blobRefs)].map((sha256) => ({
        docId: row.id,
        sha256,
        addedBy: addedBy.get(`${row.id}/${sha256}`) ?? row.pushedBy ?? row.ownerId ?? null,
      })),
    );
    if (refs.length === 0) return;
    await client.query(
      `INSERT INTO blob_refs (collection, doc_id, sha256, added_by)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING`,
      [collection, refs.map((r) => r.docId), refs.map((r) => r.sha256), refs.map((r) => r.addedBy)],
    );
  };

  return {
    async readChanges(collection: string, after: Checkpoint | undefined, limit: number, visibility?: Visibility) {
      const seq = after?.seq ?? 0;
      const { rows } = visibility
        ? await pool.query<Row>(
            `SELECT ${COLUMNS} FROM documents WHERE collection = $1 AND seq > $2
               AND ${visibleTo('', '$3', '$4')}
             ORDER BY seq LIMIT $5`,
            [collection, seq, visibility.userId, [...visibility.workspaceIds], limit],
          )
        : await pool.query<Row>(
            `SELECT ${COLUMNS} FROM documents WHERE collection = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
            [collection, seq, limit],
          );
      return rows.map(toStored);
    },
    async readDocuments(collection: string, ids: string[]) {
      return readMany(pool, collection, ids);
    },
    async applyPush(collection: string, rows: PushRow[], isSame: (stored: string, pushed: string) => boolean) {
      return db.transaction(async (client): Promise<PushResult> => {
        await lockWrites(client);
        const current = await readMany(client, collection, [...new Set(rows.map((r) => r.id))]);
        const conflicts: StoredDocument[] = [];
        const toWrite = new Map<string, Write>();
        for (const row of rows) {
          const stored = current.get(row.id);
          if (stored && isSame(stored.body, row.body)) continue;
          if (stored && (row.assumedRev === undefined || row.assumedRev !== stored.rev)) {
            conflicts.push(stored);
            continue;
          }
          // A batch writing one id twice: the later row is checked against the earlier one, and wins.
          toWrite.delete(row.id);
          toWrite.set(row.id, { ...row, hash: '', blobRefs: row.blobRefs ?? [] });
          current.set(row.id, { collection, id: row.id, seq: 0, body: row.body, hash: '', ...pick(row) });
        }
        return { written: await insertRows(client, collection, [...toWrite.values()]), conflicts };
      });
    },
    async readAllChangesSince(seq: number, limit: number) {
      const { rows } = await pool.query<Row>(`SELECT ${COLUMNS} FROM documents WHERE seq > $1 ORDER BY seq LIMIT $2`, [
        seq,
        limit,
      ]);
      return rows.map(toStored);
    },
    async readHashes(collection: string) {
      const { rows } = await pool.query<{ id: string; hash: string }>(
        'SELECT id, hash FROM documents WHERE collection = $1',
        [collection],
      );
      return new Map(rows.map((r) => [r.id, r.hash]));
    },
    async readDocument(collection: string, id: string) {
      const { rows } = await pool.query<Row>(`SELECT ${COLUMNS} FROM documents WHERE collection = $1 AND id = $2`, [
        collection,
        id,
      ]);
      return rows[0] && toStored(rows[0]);
    },
    async write(collection: string, rows: DocumentWrite[]) {
      return db.transaction(async (client) => {
        await lockWrites(client);
        return insertRows(client, collection, rows);
      });
    },
    async recordBlobUpload(upload: BlobUpload, quotaBytes: number) {
      return db.transaction(async (client) => {
        // One upload of a user at a time, across processes: two at once cannot both fit under the quota.
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCKS.blobQuota, upload.userId]);
        const { rowCount } = await client.query('SELECT 1 FROM blob_uploads WHERE sha256 = $1 AND user_id = $2', [
          upload.sha256,
          upload.userId,
        ]);
        if ((rowCount ?? 0) > 0) return true;
        if ((await bytesOf(client, upload.userId)) + upload.bytes > quotaBytes) return false;
        await client.query(
          'INSERT INTO blob_uploads (sha256, user_id, type, bytes, created_at) VALUES ($1, $2, $3, $4, $5)',
          [upload.sha256, upload.userId, upload.type, upload.bytes, Date.now()],
        );
        return true;
      });
    },
    async blobBytesOf(userId: string) {
      return bytesOf(pool, userId);
    },
    async collectBlobs(uploadedBefore: number) {
      const { rows } = await pool.query<{ sha256: string }>(
        `DELETE FROM blob_uploads WHERE sha256 IN (
           SELECT sha256 FROM blob_uploads u GROUP BY sha256 HAVING max(created_at) < $1
             AND NOT EXISTS (
               SELECT 1 FROM blob_refs r JOIN documents d ON d.collection = r.collection AND d.id = r.doc_id
               WHERE r.sha256 = u.sha256 AND (d.body::jsonb -> '_deleted') IS DISTINCT FROM 'true'::jsonb))
         RETURNING sha256`,
        [uploadedBefore],
      );
      return [...new Set(rows.map((r) => r.sha256))];
    },
    async hasBlob(sha256: string) {
      const { rowCount } = await pool.query('SELECT 1 FROM blob_uploads WHERE sha256 = $1 LIMIT 1', [sha256]);
      return (rowCount ?? 0) > 0;
    },
    async probeWrite() {
      await pool.query(
        'INSERT INTO health_probe (id, at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET at = excluded.at',
        [Date.now()],
      );
    },
    async readableBlob(sha256: string, visibility: Visibility) {
      const { rows } = await pool.query<{ type: string; bytes: number }>(
        `SELECT type, bytes FROM blob_uploads WHERE sha256 = $1 AND (
           EXISTS (SELECT 1 FROM blob_uploads mine WHERE mine.sha256 = $1 AND mine.user_id = $2)
           OR EXISTS (
             SELECT 1 FROM blob_refs r JOIN documents d ON d.collection = r.collection AND d.id = r.doc_id
             WHERE r.sha256 = $1 AND (d.body::jsonb -> '_deleted') IS DISTINCT FROM 'true'::jsonb
               AND ${visibleTo('d.', '$2', '$3')}
               AND EXISTS (SELECT 1 FROM blob_uploads up WHERE up.sha256 = $1 AND up.user_id = r.added_by)))
         ORDER BY created_at LIMIT 1`,
        [sha256, visibility.userId, [...visibility.workspaceIds]],
      );
      return rows[0];
    },
    async lastSeq() {
      const { rows } = await pool.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM documents');
      return Number(rows[0]?.seq ?? 0);
    },
    watch(onChange: () => void) {
      const unlisten = db.listen('documents', onChange);
      const unreconnect = db.onReconnect(onChange);
      return () => {
        unlisten();
        unreconnect();
      };
    },
    async close() {
      // The connection is shared with the other stores; its owner closes it.
    },
  };
}

async function bytesOf(client: Pick<pg.Pool, 'query'>, userId: string): Promise<number> {
  const { rows } = await client.query<{ bytes: string | null }>(
    'SELECT sum(bytes) AS bytes FROM blob_uploads WHERE user_id = $1',
    [userId],
  );
  return Number(rows[0]?.bytes ?? 0);
}

function toStored(row: Row): StoredDocument {
  return {
    collection: row.collection,
    id: row.id,
    seq: Number(row.seq),
    body: row.body,
    hash: row.hash,
    ownerId: row.owner_id,
    workspaceId: row.workspace_id,
    rev: row.rev,
  };
}

function pick(row: PushRow): Pick<StoredDocument, 'ownerId' | 'workspaceId' | 'rev'> {
  return { ownerId: row.ownerId, workspaceId: row.workspaceId, rev: row.rev };
}
