import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findCollection, type CollectionDefinition } from '../../../src/model/collections.ts';
import { ApiError } from '../errors.ts';
import { FailureLimiter, TooManyRequests } from '../accounts/failure-limiter.ts';
import type { Store, StoredDocument } from '../store/store.ts';
import { checkpointAt, parseCheckpoint, startOf, type PullCheckpoint } from './checkpoint.ts';
import type { ChangeFeed } from './feed.ts';
import type { Identity } from './identity.ts';
import { pushToInbox, pushUserDocuments } from './push.ts';
import { canSee, viewerFor, visibilityViewer, type Viewer } from './viewer.ts';

const KEEP_ALIVE_MS = 25_000;
type Streams = Set<FastifyReply['raw']>;

export interface ReplicationOptions {
  store: Store;
  feed: ChangeFeed;
  identity?: Identity;
  /** Rules of a collection beyond its schema, run on every push to it. */
  checks?: Record<string, (documents: Record<string, unknown>[]) => Promise<void>>;
  /** Pushes to an inbox per client address. */
  inboxLimit?: { max: number; windowMs: number };
}

/** Pull, push and stream for every collection (SYNC-PROTOCOL.md, Replication). */
export function replicationRoutes(app: FastifyInstance, options: ReplicationOptions): void {
  const { store, feed, identity } = options;
  /** Open event streams, ended when the server shuts down so that it does not wait for them. */
  const streams: Streams = new Set();
  app.addHook('preClose', async () => {
    for (const res of streams) res.end();
  });
  const inboxLimiter = new FailureLimiter(options.inboxLimit ?? { max: 20, windowMs: 10 * 60_000 });

  app.get<{ Params: { name: string }; Querystring: { checkpoint?: string; limit?: string } }>(
    '/api/v1/replication/:name/pull',
    async (request, reply) => {
      const collection = readableCollection(request.params.name);
      const given = parseCheckpoint(request.query.checkpoint);
      const limit = parseLimit(request.query.limit);
      const viewer = await viewerFor(collection, request, identity);
      const start = startOf(given, viewer);
      const documents = await store.readChanges(collection.name, start, limit, viewer.visibility);
      const last = documents.at(-1);
      reply.type('application/json; charset=utf-8');
      return pullBody(
        documents,
        last ? checkpointAt(last.seq, viewer) : start === given ? (given ?? null) : checkpointAt(0, viewer),
      );
    },
  );

  app.post<{ Params: { name: string } }>('/api/v1/replication/:name/push', async (request, reply) => {
    const collection = knownCollection(request.params.name);
    if (collection.kind === 'library') {
      throw new ApiError(403, 'read_only', 'Cette collection est publiée par le serveur : elle se lit seulement.');
    }
    if (collection.kind === 'inbox') {
      const wait = inboxLimiter.retryAfterMs(request.ip);
      if (wait > 0) throw new TooManyRequests(wait);
      inboxLimiter.fail(request.ip); // every push counts
      await pushToInbox(collection, request, store, identity);
      void feed.catchUp();
      return [];
    }
    const conflicts = await pushUserDocuments(collection, request, store, identity!, options.checks?.[collection.name]);
    void feed.catchUp();
    reply.type('application/json; charset=utf-8');
    return `[${conflicts.map((d) => d.body).join(',')}]`;
  });

  app.get<{ Params: { name: string } }>('/api/v1/replication/:name/stream', async (request, reply) => {
    const collection = readableCollection(request.params.name);
    await openStream(request, reply, [collection], false);
  });

  /**
   * An addition to the protocol: one stream for several readable collections,
   * each message naming its collection, so a browser does not spend one of its
   * few HTTP/1.1 connections per collection.
   */
  app.get<{ Querystring: { collections?: string } }>('/api/v1/replication/stream', async (request, reply) => {
    const names = [...new Set((request.query.collections ?? '').split(',').filter(Boolean))];
    if (names.length === 0) throw new ApiError(400, 'invalid_input', 'Paramètre collections manquant.');
    await openStream(request, reply, names.map(readableCollection), true);
  });

  async function openStream(
    request: FastifyRequest,
    reply: FastifyReply,
    collections: CollectionDefinition[],
    named: boolean,
  ): Promise<void> {
    const needsUser = collections.some((c) => c.kind === 'user');
    const caller = needsUser ? await identity?.callerOf(request) : undefined;
    if (needsUser && !caller)
      throw new ApiError(401, 'unauthenticated', 'Connectez-vous pour synchroniser vos données.');
    const user = caller && { id: caller.userId };
    let viewer: Viewer = user ? visibilityViewer(user.id, await identity!.workspaceIdsOf(user.id)) : {};
    const tokenHash = caller?.tokenHash;

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
    const send = (json: string) => res.write(`data: ${json}\n\n`);
    const names = new Set(collections.map((c) => c.name));
    const kinds = new Map(collections.map((c) => [c.name, c.kind]));
    const cleanups = [
      feed.subscribe((name, written) => {
        if (!names.has(name)) return;
        const userDocs = kinds.get(name) === 'user';
        const documents = userDocs ? written.filter((d) => canSee(viewer, d)) : written;
        if (documents.length === 0) return;
        const checkpoint = JSON.stringify(checkpointAt(documents.at(-1)!.seq, userDocs ? viewer : {}));
        const bodies = documents.map((d) => d.body).join(',');
        send(
          `{${named ? `"collection":${JSON.stringify(name)},` : ''}"documents":[${bodies}],"checkpoint":${checkpoint}}`,
        );
      }),
    ];
    if (user && identity) {
      cleanups.push(
        identity.onMembershipChanged(({ userIds }) => {
          if (!userIds.includes(user.id)) return;
          void identity.workspaceIdsOf(user.id).then((groups) => {
            viewer = visibilityViewer(user.id, groups);
            send('"RESYNC"');
          });
        }),
        identity.onTokenRevoked((event) => {
          if (event.tokenHash === tokenHash) res.end();
        }),
      );
    }
    const keepAlive = setInterval(() => res.write(': ping\n\n'), KEEP_ALIVE_MS);
    streams.add(res);
    res.on('close', () => {
      streams.delete(res);
      clearInterval(keepAlive);
      cleanups.forEach((cleanup) => cleanup());
    });
  }
}

/** Bodies are sent as stored, byte for byte. */
function pullBody(documents: StoredDocument[], checkpoint: PullCheckpoint | null): string {
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

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return 100;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new ApiError(400, 'invalid_input', 'Le paramètre limit doit être un entier entre 1 et 500.');
  }
  return limit;
}
