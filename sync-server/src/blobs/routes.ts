import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { PHOTO_TYPES, type PhotoType } from '../../../src/model/initiatives.ts';
import { ApiError } from '../errors.ts';
import type { Identity } from '../replication/identity.ts';
import type { Store } from '../store/store.ts';
import type { BlobBytes } from './bytes.ts';
import { detectImageType } from './image-type.ts';

/** The largest blob accepted (SYNC-PROTOCOL.md, Blobs). */
export const BLOB_MAX_BYTES = 5 * 1024 * 1024;
const SHA256 = /^[0-9a-f]{64}$/;
const CACHE_CONTROL = 'private, max-age=31536000, immutable';

export interface BlobRoutesOptions {
  store: Store;
  identity: Identity;
  files: BlobBytes;
  /** Bytes of blobs one user may have uploaded (SYNC-PROTOCOL.md, Limits: `BLOB_QUOTA_MB`). */
  quotaBytes: number;
}

const unsupportedType = () =>
  new ApiError(415, 'unsupported_type', 'Seules les photos JPEG, PNG ou WebP sont acceptées (type réel et déclaré).');
const quotaExceeded = (quotaBytes: number) =>
  new ApiError(
    413,
    'quota_exceeded',
    `Espace de stockage des photos épuisé (${Math.round(quotaBytes / 1024 / 1024)} Mo par compte) : retirez des photos d'initiatives pour en ajouter d'autres.`,
  );
const notFound = () => new ApiError(404, 'not_found', 'Photo introuvable.');

/**
 * `PUT` and `GET /api/v1/blobs/:sha256`: photos of initiatives, stored by
 * content hash. A plugin of its own, so that its raw image body parsers do
 * not apply to the other routes.
 */
export function blobRoutes({ store, identity, files, quotaBytes }: BlobRoutesOptions): FastifyPluginAsync {
  return async (app) => {
    app.removeAllContentTypeParsers();
    for (const type of PHOTO_TYPES) {
      app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: BLOB_MAX_BYTES }, (_request, body, done) =>
        done(null, body),
      );
    }
    // Any other type is refused before its body is read.
    app.addContentTypeParser('*', (_request, _payload, done) => done(unsupportedType(), undefined));

    /** Signed-in users only, checked before the body is read. */
    const callers = new WeakMap<FastifyRequest, string>();
    const authenticate = async (request: FastifyRequest) => {
      const caller = await identity.callerOf(request);
      if (!caller) throw new ApiError(401, 'unauthenticated', 'Connectez-vous pour envoyer ou voir les photos.');
      callers.set(request, caller.userId);
    };
    const userIdOf = (request: FastifyRequest) => callers.get(request)!;

    app.put<{ Params: { sha256: string } }>(
      '/api/v1/blobs/:sha256',
      { bodyLimit: BLOB_MAX_BYTES, onRequest: authenticate },
      async (request, reply) => {
        const sha256 = request.params.sha256.toLowerCase();
        const claimed = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        const body = request.body;
        if (!Buffer.isBuffer(body) || !(PHOTO_TYPES as readonly string[]).includes(claimed)) throw unsupportedType();
        const type = detectImageType(body);
        if (type !== (claimed as PhotoType)) throw unsupportedType();
        if (createHash('sha256').update(body).digest('hex') !== sha256) {
          throw new ApiError(400, 'hash_mismatch', 'Le contenu reçu ne correspond pas à son empreinte SHA-256.');
        }
        const userId = userIdOf(request);
        const stored = await files.has(sha256);
        if (!stored) await files.write(sha256, body);
        if (!(await store.recordBlobUpload({ sha256, userId, type, bytes: body.length }, quotaBytes))) {
          // Over the quota after all (uploads in parallel): the new file goes unless someone else has it.
          if (!stored && !(await store.hasBlob(sha256))) await files.remove(sha256);
          throw quotaExceeded(quotaBytes);
        }
        return reply.status(stored ? 200 : 201).send({ sha256, type, bytes: body.length });
      },
    );

    app.get<{ Params: { sha256: string } }>(
      '/api/v1/blobs/:sha256',
      { onRequest: authenticate },
      async (request, reply) => {
        const sha256 = request.params.sha256.toLowerCase();
        if (!SHA256.test(sha256)) throw notFound();
        const userId = userIdOf(request);
        const workspaceIds = await identity.workspaceIdsOf(userId);
        const blob = await store.readableBlob(sha256, { userId, workspaceIds });
        const bytes = blob && (await files.read(sha256));
        if (!blob || !bytes) throw notFound();
        return reply.type(blob.type).header('cache-control', CACHE_CONTROL).send(bytes);
      },
    );
  };
}
