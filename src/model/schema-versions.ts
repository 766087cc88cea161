/**
 * SYNC-PROTOCOL.md, Versioning: a client tells the server which schema
 * version of each collection it speaks, in one request header, so that a
 * server that no longer supports an old one answers 426 `upgrade_required`.
 * An addition to the protocol: a client that sends no header speaks
 * version 0 of every collection.
 */
export const SCHEMA_VERSIONS_HEADER = 'x-schema-versions';

/** `annotations=1,initiatives=0` for the given collections and versions. */
export function formatSchemaVersions(versions: Record<string, number>): string {
  return Object.entries(versions)
    .map(([name, version]) => `${name}=${version}`)
    .join(',');
}

/** The versions a header names; malformed parts are ignored (the collection then counts as version 0). */
export function parseSchemaVersions(header: string | undefined): Map<string, number> {
  const versions = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const match = /^\s*([a-z][a-z0-9-]{0,63})=(\d{1,6})\s*$/.exec(part);
    if (match) versions.set(match[1]!, Number(match[2]));
  }
  return versions;
}
