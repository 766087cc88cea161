import Database from 'better-sqlite3';
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

const MIGRATIONS = [
  `CREATE TABLE documents (
     collection TEXT NOT NULL,
     id TEXT NOT NULL,
     seq INTEGER NOT NULL UNIQUE,
     body TEXT NOT NULL,
     hash TEXT NOT NULL,
     written_at INTEGER NOT NULL,
     PRIMARY KEY (collection, id)
   );
   CREATE INDEX documents_by_seq ON documents (collection, seq);`,
  `ALTER TABLE documents ADD COLUMN owner_id TEXT;
   ALTER TABLE documents ADD COLUMN workspace_id TEXT;
   ALTER TABLE documents ADD COLUMN rev TEXT;
   CREATE INDEX documents_by_owner ON documents (collection, owner_id, seq);
   CREATE INDEX documents_by_workspace ON documents (collection, workspace_id, seq);`,
  // Blobs: who uploaded what, and which documents reference what (the bytes are files in DATA_DIR/blobs).
  // Initiatives written before this migration get their references from their photos.
  `CREATE TABLE blob_uploads (
     sha256 TEXT NOT NULL,
     user_id TEXT NOT NULL,
     type TEXT NOT NULL,
     bytes INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (sha256, user_id)
   );
   CREATE TABLE blob_refs (
     collection TEXT NOT NULL,
     doc_id TEXT NOT NULL,
     sha256 TEXT NOT NULL,
     PRIMARY KEY (collection, doc_id, sha256)
   );
   CREATE INDEX blob_refs_by_sha256 ON blob_refs (sha256);
   INSERT OR IGNORE INTO blob_refs (collection, doc_id, sha256)
     SELECT d.collection, d.id, json_extract(p.value, '$.sha256')
     FROM documents d, json_each(d.body, '$.photos') p
     WHERE d.collection = 'initiatives' AND json_extract(d.body, '$._deleted') IS NOT 1
       AND json_type(p.value, '$.sha256') = 'text';`,
  // Who put each reference in its document: it counts only if they uploaded that blob, so that
  // knowing a photo's hash and citing it in one's own document is not enough to read it.
  `ALTER TABLE blob_refs ADD COLUMN added_by TEXT;
   UPDATE blob_refs SET added_by =
     (SELECT owner_id FROM documents d WHERE d.collection = blob_refs.collection AND d.id = blob_refs.doc_id);`,
  // A row written and committed by the health check: proof that the store can write now.
  `CREATE TABLE health_probe (id INTEGER PRIMARY KEY CHECK (id = 1), at INTEGER NOT NULL);
   CREATE INDEX blob_uploads_by_user ON blob_uploads (user_id);`,
];

interface Row {
  collection: string;
  id: string;
  seq: number;
  body: string;
  hash: string;
  ownerId: string | null;
  workspaceId: string | null;
  rev: string | null;
}

const COLUMNS = 'collection, id, seq, body, hash, owner_id AS ownerId, workspace_id AS workspaceId, rev';

/**
 * How every connection to the SQLite file is set up. WAL with
 * `synchronous = FULL`: a transaction is fsynced before the commit returns,
 * so an acknowledged write survives a power loss, not only a crash of the
 * process (NORMAL may lose the last commits then).
 */
/**
 * The visibility rule (src/model/visibility.ts, `canSee`) in SQL: the
 * document's columns (`d.` for a joined table), the reader's id and their
 * groups as a JSON array.
 */
const visibleTo = (d: string, userId: string, groups: string) =>
  `((${d}owner_id = ${userId} AND ${d}workspace_id IS NULL) OR ${d}workspace_id IN (SELECT value FROM json_each(${groups})))`;

export function configureSqlite(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
}

/** The embedded store: one SQLite file in DATA_DIR, WAL mode. */
export function openSqliteStore(file: string): Store {
  const db = new Database(file);
  configureSqlite(db);
  migrate(db);

  const changes = db.prepare<[string, number, number], Row>(
    `SELECT ${COLUMNS} FROM documents WHERE collection = ? AND seq > ? ORDER BY seq LIMIT ?`,
  );
  const visibleChanges = db.prepare<[string, number, string, string, number], Row>(
    `SELECT ${COLUMNS} FROM documents WHERE collection = ? AND seq > ?
       AND ${visibleTo('', '?', '?')}
     ORDER BY seq LIMIT ?`,
  );
  const allChanges = db.prepare<[number, number], Row>(
    `SELECT ${COLUMNS} FROM documents WHERE seq > ? ORDER BY seq LIMIT ?`,
  );
  const hashes = db.prepare<[string], Pick<Row, 'id' | 'hash'>>('SELECT id, hash FROM documents WHERE collection = ?');
  const one = db.prepare<[string, string], Row>(`SELECT ${COLUMNS} FROM documents WHERE collection = ? AND id = ?`);
  const maxSeq = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM documents');
  const upsert = db.prepare(
    `INSERT INTO documents (collection, id, seq, body, hash, written_at, owner_id, workspace_id, rev)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, body = excluded.body, hash = excluded.hash,
       written_at = excluded.written_at, owner_id = excluded.owner_id, workspace_id = excluded.workspace_id,
       rev = excluded.rev`,
  );
  const deleteRefs = db.prepare<[string, string]>('DELETE FROM blob_refs WHERE collection = ? AND doc_id = ?');
  const readRefs = db.prepare<[string, string], { sha256: string; added_by: string | null }>(
    'SELECT sha256, added_by FROM blob_refs WHERE collection = ? AND doc_id = ?',
  );
  const insertRef = db.prepare<[string, string, string, string | null]>(
    'INSERT OR IGNORE INTO blob_refs (collection, doc_id, sha256, added_by) VALUES (?, ?, ?, ?)',
  );
  const insertUpload = db.prepare<[string, string, string, number, number]>(
    `INSERT INTO blob_uploads (sha256, user_id, type, bytes, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (sha256, user_id) DO NOTHING`,
  );
  const readable = db.prepare<{ sha256: string; userId: string; workspaces: string }, { type: string; bytes: number }>(
    `SELECT type, bytes FROM blob_uploads WHERE sha256 = @sha256 AND (
       EXISTS (SELECT 1 FROM blob_uploads mine WHERE mine.sha256 = @sha256 AND mine.user_id = @userId)
       OR EXISTS (
         SELECT 1 FROM blob_refs r JOIN documents d ON d.collection = r.collection AND d.id = r.doc_id
         WHERE r.sha256 = @sha256 AND json_extract(d.body, '$._deleted') IS NOT 1
           AND ${visibleTo('d.', '@userId', '@workspaces')}
           AND EXISTS (SELECT 1 FROM blob_uploads up WHERE up.sha256 = @sha256 AND up.user_id = r.added_by)))
     ORDER BY created_at LIMIT 1`,
  );
  const bytesOf = db.prepare<[string], { bytes: number | null }>(
    'SELECT sum(bytes) AS bytes FROM blob_uploads WHERE user_id = ?',
  );
  const uploadedBy = db.prepare<[string, string], { one: number }>(
    'SELECT 1 AS one FROM blob_uploads WHERE sha256 = ? AND user_id = ?',
  );
  const recordUpload = db.transaction((upload: BlobUpload, quotaBytes: number): boolean => {
    if (uploadedBy.get(upload.sha256, upload.userId)) return true;
    if ((bytesOf.get(upload.userId)?.bytes ?? 0) + upload.bytes > quotaBytes) return false;
    insertUpload.run(upload.sha256, upload.userId, upload.type, upload.bytes, Date.now());
    return true;
  });
  const unreferenced = db.prepare<[number], { sha256: string }>(
    `SELECT sha256 FROM blob_uploads u GROUP BY sha256 HAVING max(created_at) < ?
       AND NOT EXISTS (
         SELECT 1 FROM blob_refs r JOIN documents d ON d.collection = r.collection AND d.id = r.doc_id
         WHERE r.sha256 = u.sha256 AND json_extract(d.body, '$._deleted') IS NOT 1)`,
  );
  const forgetUploads = db.prepare<[string]>('DELETE FROM blob_uploads WHERE sha256 = ?');
  const collect = db.transaction((uploadedBefore: number): string[] => {
    const hashes = unreferenced.all(uploadedBefore).map((r) => r.sha256);
    for (const sha256 of hashes) forgetUploads.run(sha256);
    return hashes;
  });
  const anyUpload = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM blob_uploads WHERE sha256 = ? LIMIT 1');
  const probe = db.prepare<[number]>(
    'INSERT INTO health_probe (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at',
  );
  type Write = DocumentWrite &
    Partial<Pick<Row, 'ownerId' | 'workspaceId' | 'rev'>> &
    Pick<PushRow, 'blobRefs' | 'pushedBy'>;
  const insertRows = (collection: string, rows: Write[]): StoredDocument[] => {
    let seq = maxSeq.get()?.seq ?? 0;
    const now = Date.now();
    return rows.map((row) => {
      seq += 1;
      const stored = {
        collection,
        id: row.id,
        seq,
        body: row.body,
        hash: row.hash,
        ownerId: row.ownerId ?? null,
        workspaceId: row.workspaceId ?? null,
        rev: row.rev ?? null,
      };
      upsert.run(collection, row.id, seq, row.body, row.hash, now, stored.ownerId, stored.workspaceId, stored.rev);
      if (row.blobRefs) {
        // A photo kept from the previous version keeps who added it; a new one is the pusher's.
        const addedBy = new Map(readRefs.all(collection, row.id).map((r) => [r.sha256, r.added_by]));
        deleteRefs.run(collection, row.id);
        for (const sha256 of row.blobRefs) {
          insertRef.run(collection, row.id, sha256, addedBy.get(sha256) ?? row.pushedBy ?? stored.ownerId);
        }
      }
      return stored;
    });
  };
  const writeAll = db.transaction(insertRows);
  const push = db.transaction(
    (collection: string, rows: PushRow[], isSame: (stored: string, pushed: string) => boolean): PushResult => {
      const conflicts: StoredDocument[] = [];
      const toWrite: Write[] = [];
      for (const row of rows) {
        const stored = one.get(collection, row.id);
        if (stored && isSame(stored.body, row.body)) continue;
        if (stored && (row.assumedRev === undefined || row.assumedRev !== stored.rev)) {
          conflicts.push(stored);
          continue;
        }
        toWrite.push({ ...row, hash: '', blobRefs: row.blobRefs ?? [] });
      }
      return { written: insertRows(collection, toWrite), conflicts };
    },
  );

  const groupCommit = new GroupCommit(db, push);

  return {
    async readChanges(collection: string, after: Checkpoint | undefined, limit: number, visibility?: Visibility) {
      if (!visibility) return changes.all(collection, after?.seq ?? 0, limit);
      const workspaces = JSON.stringify([...visibility.workspaceIds]);
      return visibleChanges.all(collection, after?.seq ?? 0, visibility.userId, workspaces, limit);
    },
    async readDocuments(collection: string, ids: string[]) {
      const found = new Map<string, StoredDocument>();
      for (const id of ids) {
        const doc = one.get(collection, id);
        if (doc) found.set(id, doc);
      }
      return found;
    },
    applyPush(collection: string, rows: PushRow[], isSame: (stored: string, pushed: string) => boolean) {
      return groupCommit.push(collection, rows, isSame);
    },
    async readAllChangesSince(seq: number, limit: number) {
      return allChanges.all(seq, limit);
    },
    async readHashes(collection: string) {
      return new Map(hashes.all(collection).map((r) => [r.id, r.hash]));
    },
    async readDocument(collection: string, id: string): Promise<StoredDocument | undefined> {
      return one.get(collection, id);
    },
    async write(collection: string, rows: DocumentWrite[]) {
      return writeAll(collection, rows);
    },
    async recordBlobUpload(upload: BlobUpload, quotaBytes: number) {
      return recordUpload(upload, quotaBytes);
    },
    async blobBytesOf(userId: string) {
      return bytesOf.get(userId)?.bytes ?? 0;
    },
    async collectBlobs(uploadedBefore: number) {
      return collect(uploadedBefore);
    },
    async hasBlob(sha256: string) {
      return anyUpload.get(sha256) !== undefined;
    },
    async probeWrite() {
      probe.run(Date.now());
    },
    async readableBlob(sha256: string, visibility: Visibility) {
      const workspaces = JSON.stringify([...visibility.workspaceIds]);
      return readable.get({ sha256, userId: visibility.userId, workspaces });
    },
    async lastSeq() {
      return maxSeq.get()?.seq ?? 0;
    },
    watch(onChange: () => void, pollMs: number) {
      // data_version changes when another connection (another process) has committed.
      let dataVersion = db.pragma('data_version', { simple: true }) as number;
      const timer = setInterval(() => {
        const current = db.pragma('data_version', { simple: true }) as number;
        if (current === dataVersion) return;
        dataVersion = current;
        onChange();
      }, pollMs);
      timer.unref();
      return () => clearInterval(timer);
    },
    async close() {
      groupCommit.commit();
      db.close();
    },
  };
}

type PushTransaction = (
  collection: string,
  rows: PushRow[],
  isSame: (stored: string, pushed: string) => boolean,
) => PushResult;

interface QueuedPush {
  args: Parameters<PushTransaction>;
  resolve: (result: PushResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: the pushes that reach the store during one turn of the event
 * loop are written in one transaction, so they share one fsync
 * (`synchronous = FULL` costs a few milliseconds per commit, which alone
 * bounded the server to a few hundred commits a second on a shared disk).
 * Each push is its own savepoint: one that fails is rolled back alone. Every
 * push is answered only after the common commit; if the commit fails, all of
 * them fail and nothing of any is written.
 */
class GroupCommit {
  private queue: QueuedPush[] = [];

  constructor(
    private readonly db: Database.Database,
    private readonly pushOne: PushTransaction,
  ) {}

  push(...args: Parameters<PushTransaction>): Promise<PushResult> {
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => this.commit());
      this.queue.push({ args, resolve, reject });
    });
  }

  /** Writes what is queued now (called on its own at the end of the loop's turn). */
  commit(): void {
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    const outcomes: ({ ok: true; result: PushResult } | { ok: false; error: unknown })[] = [];
    try {
      this.db.transaction(() => {
        for (const queued of batch) {
          try {
            // A transaction inside a transaction is a savepoint (better-sqlite3): rolled back alone on error.
            outcomes.push({ ok: true, result: this.pushOne(...queued.args) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      // The commit itself failed (full disk, say): nothing of the batch was written.
      for (const queued of batch) queued.reject(error);
      return;
    }
    batch.forEach((queued, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) queued.resolve(outcome.result);
      else queued.reject(outcome.error);
    });
  }
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let i = version; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i]!);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
}
