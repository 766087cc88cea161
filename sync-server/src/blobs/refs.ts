/**
 * The blobs a user document references, recorded when it is written so that
 * `GET /blobs/:sha256` can tell who may read a blob (SYNC-PROTOCOL.md, Blobs).
 * A tombstone references nothing. Add a case here when another collection
 * gets blobs.
 */
export function blobRefsOf(collection: string, doc: unknown): string[] {
  if (typeof doc !== 'object' || doc === null) return [];
  const record = doc as { _deleted?: unknown; photos?: unknown };
  if (record._deleted === true) return [];
  if (collection === 'initiatives' && Array.isArray(record.photos)) {
    const hashes = record.photos
      .map((photo) => (photo as { sha256?: unknown } | null)?.sha256)
      .filter((sha256): sha256 is string => typeof sha256 === 'string');
    return [...new Set(hashes)];
  }
  return [];
}
