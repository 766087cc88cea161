import type { FastifyInstance, FastifyReply } from 'fastify';
import { findCollection, type CollectionDefinition } from '../../../src/model/collections.ts';
import { ApiError } from '../errors.ts';
import type { Checkpoint, Store, StoredDocument } from '../store/store.ts';
import type { ChangeFeed } from './feed.ts';

const KEEP_ALIVE_MS = 25_000;

/** Pull and stream for library collections (SYNC-PROTOCOL.md, Replication). */
type Streams = Set<FastifyReply['raw']>;

export function replicationRoutes(app: FastifyInstance, store: Store, feed: ChangeFeed): void {
  /** Open event streams, ended when the server shuts down so that it does not wait for them. */
  const streams: Streams = new Set();
  app.addHook('preClose', async () => {
    for (const res of streams) res.end();
  });
  multiplexedStreamRoute(app, feed, streams);
  app.get<{ Params: { name: string }; Querystring: { checkpoint?: string; limit?: string } }>(
    '/api/v1/replication/:name/pull',
    async (request, reply) => {
      const collection = readableCollection(request.params.name);
      const checkpoint = parseCheckpoint(request.query.checkpoint);
      const limit = parseLimit(request.query.limit);
      const documents = await store.readChanges(collection.name, checkpoint, limit);
      const last = documents.at(-1);
      reply.type('application/json; charset=utf-8');
      return pullBody(documents, last ? { seq: last.seq } : (checkpoint ?? null));
    },
  );

  app.post<{ Params: { name: string } }>('/api/v1/replication/:name/push', async (request) => {
    const collection = knownCollection(request.params.name);
    if (collection.kind === 'library') {
      throw new ApiError(403, 'read_only', 'Cette collection est publiée par le serveur : elle se lit seulement.');
    }
    throw new ApiError(501, 'not_implemented', "L'écriture dans cette collection n'est pas encore ouverte.");
  });

  app.get<{ Params: { name: string } }>('/api/v1/replication/:name/stream', (request, reply) => {
    const collection = readableCollection(request.params.name);
    openStream(reply, streams, (send) =>
      feed.subscribe((name, documents) => {
        if (name === collection.name) send(pullBody(documents, { seq: documents.at(-1)!.seq }));
      }),
    );
  });
}

/**
 * An addition to the protocol: one stream for several readable collections,
 * each message naming its collection, so a browser does not spend one of its
 * few HTTP/1.1 connections per collection.
 */
function multiplexedStreamRoute(app: FastifyInstance, feed: ChangeFeed, streams: Streams): void {
  app.get<{ Querystring: { collections?: string } }>('/api/v1/replication/stream', (request, reply) => {
    const names = new Set((request.query.collections ?? '').split(',').filter(Boolean));
    if (names.size === 0) throw new ApiError(400, 'invalid_input', 'Paramètre collections manquant.');
    for (const name of names) readableCollection(name);
    openStream(reply, streams, (send) =>
      feed.subscribe((name, documents) => {
        if (!names.has(name)) return;
        const checkpoint = JSON.stringify({ seq: documents.at(-1)!.seq });
        send(
          `{"collection":${JSON.stringify(name)},"documents":[${documents.map((d) => d.body).join(',')}],"checkpoint":${checkpoint}}`,
        );
      }),
    );
  });
}

function openStream(
  reply: FastifyReply,
  streams: Streams,
  subscribe: (send: (json: string) => void) => () => void,
): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    'x-accel-buffering': 'no',
    connection: 'keep-alive',
  });
  res.write(': connecté\n\n');
  const unsubscribe = subscribe((json) => res.write(`data: ${json}\n\n`));
  const keepAlive = setInterval(() => res.write(': ping\n\n'), KEEP_ALIVE_MS);
  streams.add(res);
  res.on('close', () => {
    streams.delete(res);
    clearInterval(keepAlive);
    unsubscribe();
  });
}

/** Bodies are sent as stored, byte for byte. */
function pullBody(documents: StoredDocument[], checkpoint: Checkpoint | null): string {
  return `{"documents":[${documents.map((d) => d.body).join(',')}],"checkpoint":${JSON.stringify(checkpoint)}}`;
}

function knownCollection(name: string): CollectionDefinition {
  const collection = findCollection(name);
  if (!collection) throw new ApiError(404, 'unknown_collection', `Collection inconnue : ${name}`);
  return collection;
}

function readableCollection(name: string): CollectionDefinition {
  const collection = knownCollection(name);
  if (collection.kind === 'inbox') {
    throw new ApiError(403, 'write_only', 'Cette collection reçoit des envois mais ne les renvoie jamais.');
  }
  return collection;
}

export function parseCheckpoint(raw: string | undefined): Checkpoint | undefined {
  if (raw === undefined || raw === '' || raw === 'null') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = undefined;
  }
  const seq = (value as { seq?: unknown } | undefined)?.seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) {
    throw new ApiError(400, 'bad_checkpoint', 'Point de reprise illisible.');
  }
  return { seq };
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return 100;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new ApiError(400, 'invalid_input', 'Le paramètre limit doit être un entier entre 1 et 500.');
  }
  return limit;
}
