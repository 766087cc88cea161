import type { FastifyRequest } from 'fastify';
import { parseSchemaVersions, SCHEMA_VERSIONS_HEADER } from '../../../src/model/schema-versions.ts';
import { ApiError } from '../errors.ts';

/**
 * 426 `upgrade_required` when the request's client speaks a schema version
 * of one of `collections` older than the oldest the server supports
 * (`MIN_SCHEMA_VERSIONS`, e.g. `annotations=2`; none by default).
 */
export function requireSupportedVersions(
  request: FastifyRequest,
  collections: string[],
  oldestSupported: ReadonlyMap<string, number>,
): void {
  if (oldestSupported.size === 0) return;
  const spoken = parseSchemaVersions(request.headers[SCHEMA_VERSIONS_HEADER] as string | undefined);
  for (const name of collections) {
    if ((spoken.get(name) ?? 0) < (oldestSupported.get(name) ?? 0)) {
      throw new ApiError(
        426,
        'upgrade_required',
        'Cette version de l’application est trop ancienne pour se synchroniser : mettez-la à jour. Vos modifications restent sur cet appareil.',
      );
    }
  }
}
