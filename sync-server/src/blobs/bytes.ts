/**
 * Where the bytes of photos are kept, addressed by their SHA-256: files in
 * DATA_DIR/blobs with SQLite (files.ts), the `blob_bytes` table with
 * PostgreSQL (postgres.ts), so that any process on any machine serves them.
 */
export interface BlobBytes {
  has(sha256: string): Promise<boolean>;
  /** The bytes, or undefined when missing. */
  read(sha256: string): Promise<Buffer | undefined>;
  /** Stores bytes already checked to hash to `sha256`. Writing the same blob twice is harmless. */
  write(sha256: string, bytes: Uint8Array): Promise<void>;
  /** Deletes a blob's bytes (collected: nothing references it any more). */
  remove(sha256: string): Promise<void>;
  /** Throws when the bytes cannot be written now (read-only or full disk). */
  probe(): Promise<void>;
}
