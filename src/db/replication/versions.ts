import { COLLECTIONS } from '../../model/collections.ts';
import { formatSchemaVersions, SCHEMA_VERSIONS_HEADER } from '../../model/schema-versions.ts';

/** The header that tells the server which schema versions this build speaks (426 when too old). */
export function schemaVersionsHeader(names: string[]): Record<string, string> {
  const versions = Object.fromEntries(
    COLLECTIONS.filter((c) => names.includes(c.name)).map((c) => [c.name, c.schema.version]),
  );
  return { [SCHEMA_VERSIONS_HEADER]: formatSchemaVersions(versions) };
}
