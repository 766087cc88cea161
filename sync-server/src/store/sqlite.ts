import Database from 'better-sqlite3';
import type { Checkpoint, DocumentWrite, Store, StoredDocument } from './store.ts';

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
];

interface Row {
  collection: string;
  id: string;
  seq: number;
  body: string;
  hash: string;
}

/** The embedded store: one SQLite file in DATA_DIR, WAL mode. */
export function openSqliteStore(file: string): Store {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const changes = db.prepare<[string, number, number], Row>(
    'SELECT collection, id, seq, body, hash FROM documents WHERE collection = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const allChanges = db.prepare<[number, number], Row>(
    'SELECT collection, id, seq, body, hash FROM documents WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const hashes = db.prepare<[string], Pick<Row, 'id' | 'hash'>>('SELECT id, hash FROM documents WHERE collection = ?');
  const one = db.prepare<[string, string], Row>(
    'SELECT collection, id, seq, body, hash FROM documents WHERE collection = ? AND id = ?',
  );
  const maxSeq = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM documents');
  const upsert = db.prepare(
    `INSERT INTO documents (collection, id, seq, body, hash, written_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (collection, id) DO UPDATE SET seq = excluded.seq, body = excluded.body,
       hash = excluded.hash, written_at = excluded.written_at`,
  );
  const writeAll = db.transaction((collection: string, rows: DocumentWrite[]) => {
    let seq = maxSeq.get()?.seq ?? 0;
    const now = Date.now();
    return rows.map((row) => {
      seq += 1;
      upsert.run(collection, row.id, seq, row.body, row.hash, now);
      return { collection, id: row.id, seq, body: row.body, hash: row.hash };
    });
  });
  let dataVersion = db.pragma('data_version', { simple: true }) as number;

  return {
    async readChanges(collection: string, after: Checkpoint | undefined, limit: number) {
      return changes.all(collection, after?.seq ?? 0, limit);
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
    async lastSeq() {
      return maxSeq.get()?.seq ?? 0;
    },
    changedElsewhere() {
      const current = db.pragma('data_version', { simple: true }) as number;
      const changed = current !== dataVersion;
      dataVersion = current;
      return changed;
    },
    async close() {
      db.close();
    },
  };
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
