import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { MEDIA_FILE_PATTERN, MEDIA_TYPES } from '../../../src/model/library.ts';
import { ApiError } from '../errors.ts';

/**
 * Library media, addressed by content hash: a URL never changes meaning, so
 * it is cached for good (by the browser and by the app's offline download).
 * An addition to the protocol, readable without a token like the library.
 */
export function libraryMediaRoutes(app: FastifyInstance, libraryDir: string): void {
  const hashes = new Map<string, { version: string; sha256: string }>();
  const pattern = new RegExp(MEDIA_FILE_PATTERN);

  app.get<{ Params: { sha256: string; file: string } }>(
    '/api/v1/library/media/:sha256/:file',
    async (request, reply) => {
      const { sha256, file } = request.params;
      const notFound = new ApiError(404, 'not_found', 'Ce média n’est pas (ou plus) dans la bibliothèque.');
      if (!pattern.test(file) || !/^[0-9a-f]{64}$/.test(sha256)) throw notFound;
      const path = join(libraryDir, 'media', file);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) throw notFound;
      const bytes = await readFile(path);
      const version = `${info.size}-${info.mtimeMs}`;
      let known = hashes.get(file);
      if (known?.version !== version) {
        known = { version, sha256: createHash('sha256').update(bytes).digest('hex') };
        hashes.set(file, known);
      }
      if (known.sha256 !== sha256) throw notFound;
      return reply
        .type(MEDIA_TYPES[extname(file).slice(1)]!)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:")
        .send(bytes);
    },
  );
}
