import type { PgConnection } from '../postgres/connection.ts';
import type { BlobBytes } from './bytes.ts';

/** Blob bytes in the `blob_bytes` table (bytea; at most 5 MiB each, see routes.ts). */
export function pgBlobBytes({ pool }: PgConnection): BlobBytes {
  return {
    async has(sha256) {
      const { rowCount } = await pool.query('SELECT 1 FROM blob_bytes WHERE sha256 = $1', [sha256]);
      return (rowCount ?? 0) > 0;
    },
    async read(sha256) {
      const { rows } = await pool.query<{ bytes: Buffer }>('SELECT bytes FROM blob_bytes WHERE sha256 = $1', [sha256]);
      return rows[0]?.bytes;
    },
    async write(sha256, bytes) {
      await pool.query(
        'INSERT INTO blob_bytes (sha256, bytes, created_at) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING',
        [sha256, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), Date.now()],
      );
    },
    async remove(sha256) {
      await pool.query('DELETE FROM blob_bytes WHERE sha256 = $1', [sha256]);
    },
    async probe() {
      // The bytes live in the database: the document store's probe (probeWrite) covers them.
    },
  };
}
