/**
 * The server's storage, one interface for SQLite (embedded, default) and
 * PostgreSQL (`DATABASE_URL`). Documents are stored as the exact JSON text that was
 * written: the server never rewrites a body. Ordering data (the sequence
 * number) lives beside the body.
 */
import type { Checkpoint as ProtocolCheckpoint } from '../../../src/model/protocol.ts';
import type { Reader } from '../../../src/model/visibility.ts';

export interface StoredDocument {
  collection: string;
  id: string;
  /** Exact JSON text of the document, `_deleted` included. */
  body: string;
  seq: number;
  /** Hash of the source the document was made from (library) or of the body. */
  hash: string;
  /** User documents: author, group (null when private) and revision. */
  ownerId?: string | null;
  workspaceId?: string | null;
  rev?: string | null;
}

/**
 * Who may see what: a user's own private documents (no workspace) and the
 * documents of the groups they belong to now, whoever wrote them.
 */
/** Whose documents a read returns (src/model/visibility.ts). */
export type Visibility = Reader;

export interface PushRow {
  id: string;
  body: string;
  ownerId: string | null;
  workspaceId: string | null;
  rev: string | null;
  /** The rev the client based its write on; undefined when it believes the document is new. */
  assumedRev: string | undefined;
  /** Hashes of the blobs the document references; they replace the stored ones when the row is written (absent: none). */
  blobRefs?: string[];
  /** Who pushes the row: a reference they add counts only if they uploaded that blob. */
  pushedBy?: string;
}

export interface PushResult {
  written: StoredDocument[];
  /** Current stored versions of the rows that were not written. */
  conflicts: StoredDocument[];
}

/** The store's position in a collection's writes: the part of the protocol's checkpoint it reads. */
export type Checkpoint = Pick<ProtocolCheckpoint, 'seq'>;

export interface DocumentWrite {
  id: string;
  body: string;
  hash: string;
}

/** Who uploaded which blob (SYNC-PROTOCOL.md, Blobs); the bytes are kept by a BlobBytes (blobs/bytes.ts). */
export interface BlobUpload {
  sha256: string;
  userId: string;
  /** The type found in the bytes (not only the claimed one). */
  type: string;
  bytes: number;
}

export interface Store {
  /** Documents of a collection written after `after`, in write order; only the visible ones when asked. */
  readChanges(
    collection: string,
    after: Checkpoint | undefined,
    limit: number,
    visibility?: Visibility,
  ): Promise<StoredDocument[]>;
  readDocuments(collection: string, ids: string[]): Promise<Map<string, StoredDocument>>;
  /**
   * Writes pushed rows in one transaction. A row conflicts when the stored
   * document's rev is not the one the client assumed; a row equal to what is
   * stored counts as written (a retried push).
   */
  applyPush(
    collection: string,
    rows: PushRow[],
    isSame: (stored: string, pushed: string) => boolean,
  ): Promise<PushResult>;
  /** Writes after a global sequence number, all collections (for fan-out). */
  readAllChangesSince(seq: number, limit: number): Promise<StoredDocument[]>;
  /** The current hash of each document of a collection. */
  readHashes(collection: string): Promise<Map<string, string>>;
  readDocument(collection: string, id: string): Promise<StoredDocument | undefined>;
  /** Writes all rows atomically, each with a new sequence number. */
  write(collection: string, rows: DocumentWrite[]): Promise<StoredDocument[]>;
  /**
   * Records that a user uploaded a blob; uploading it again changes nothing.
   * Atomically refused (false, nothing recorded) when it would take the
   * bytes of the blobs the user uploaded over `quotaBytes`.
   */
  recordBlobUpload(upload: BlobUpload, quotaBytes: number): Promise<boolean>;
  /** Bytes of the blobs a user uploaded (each blob counted once), collected ones excepted. */
  blobBytesOf(userId: string): Promise<number>;
  /**
   * Forgets the blobs that no live document references and that nobody
   * uploaded at or after `uploadedBefore`; returns their hashes, so the
   * caller deletes their files. A hash uploaded again later starts afresh.
   */
  collectBlobs(uploadedBefore: number): Promise<string[]>;
  /** True when a blob has an upload record (its file must be kept). */
  hasBlob(sha256: string): Promise<boolean>;
  /** Writes and commits a tiny row; throws when the store cannot write now (read-only, full disk). */
  probeWrite(): Promise<void>;
  /**
   * A blob the viewer may read: they uploaded it, or they can see a live
   * document that references it. Undefined otherwise, or when it was never uploaded.
   */
  readableBlob(sha256: string, visibility: Visibility): Promise<{ type: string; bytes: number } | undefined>;
  /** Highest sequence number written so far (0 when empty). */
  lastSeq(): Promise<number>;
  /**
   * Calls `onChange` when a write may have been committed by another
   * connection or process (SQLite: checked every `pollMs`; PostgreSQL:
   * announced at once by LISTEN/NOTIFY). Returns how to stop watching.
   */
  watch(onChange: () => void, pollMs: number): () => void;
  close(): Promise<void>;
}
