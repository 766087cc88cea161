import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findCollection, type CollectionDefinition } from '../../../src/model/collections.ts';
import { ApiError } from '../errors.ts';
import { check, countAttempt, TooManyRequests } from '../accounts/attempts.ts';
import type { AttemptStore } from '../accounts/store.ts';
import type { ServerLimits } from '../limits.ts';
import type { Store, StoredDocument } from '../store/store.ts';
import { checkpointAt, parseCheckpoint, startOf, type PullCheckpoint } from './checkpoint.ts';
import type { ChangeFeed } from './feed.ts';
import type { Identity } from './identity.ts';
import { requireSupportedVersions } from './versions.ts';
import type { StreamSlots } from './stream-slots.ts';
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
  /** Where rate-limit attempts are counted. */
  attempts: AttemptStore;
  /** Where open streams are counted per user and per address. */
  streamSlots: StreamSlots;
  /** Pushes to an inbox per client address. */
  inboxLimit?: { max: number; windowMs: number };
  limits: Pick<ServerLimits, 'streamsPerUser' | 'streamsPerAddress' | 'streamQueueBytes' | 'oldestSchemaVersions'>;
}

/** Pull, push and stream for every collection (SYNC-PROTOCOL.md, Replication). */
export function replicationRoutes(app: FastifyInstance, options: ReplicationOptions): void {
  const { store, feed, identity } = options;
  /** Open event streams, ended when the server shuts down so that it does not wait for them. */
  const streams: Streams = new Set();
  app.addHook('preClose', async () => {
    for (const res of streams) res.end();
  });
  const inboxLimit = options.inboxLimit ?? { max: 20, windowMs: 10 * 60_000 };
  const messages = new MessageCache();

  app.get<{ Params: { name: string }; Querystring: { checkpoint?: string; limit?: string } }>(
    '/api/v1/replication/:name/pull',
    async (request, reply) => {
      const collection = readableCollection(request.params.name);
      requireSupportedVersions(request, [collection.name], options.limits.oldestSchemaVersions);
      const given = parseCheckpoint(request.query.checkpoint);
      const limit = parseLimit(request.query.limit);
      const viewer = await viewerFor(collection, request, identity);
      const start = startOf(given, viewer);
      const queried = performance.now();
      const documents = await store.readChanges(collection.name, start, limit, viewer.visibility);
      const last = documents.at(-1);
      const serialised = performance.now();
      const body = pullBody(
        documents,
        last ? checkpointAt(last.seq, viewer) : start === given ? (given ?? null) : checkpointAt(0, viewer),
      );
      // The server's share of a pull, for the bench and the browser's developer tools (docs/performance.md).
      const ms = (from: number, to: number) => (to - from).toFixed(1);
      reply.header(
        'server-timing',
        `query;dur=${ms(queried, serialised)}, serialise;dur=${ms(serialised, performance.now())}`,
      );
      reply.type('application/json; charset=utf-8');
      return body;
    },
  );

  app.post<{ Params: { name: string } }>('/api/v1/replication/:name/push', async (request, reply) => {
    const collection = knownCollection(request.params.name);
    requireSupportedVersions(request, [collection.name], options.limits.oldestSchemaVersions);
    if (collection.kind === 'library') {
      throw new ApiError(403, 'read_only', 'Cette collection est publiée par le serveur : elle se lit seulement.');
    }
    if (collection.kind === 'inbox') {
      // Every push counts.
      await countAttempt(options.attempts, [check('inbox', inboxLimit, request.ip)]).catch((error: unknown) => {
        if (error instanceof TooManyRequests) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      });
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
    requireSupportedVersions(
      request,
      collections.map((c) => c.name),
      options.limits.oldestSchemaVersions,
    );
    const needsUser = collections.some((c) => c.kind === 'user');
    const caller = needsUser ? await identity?.callerOf(request) : undefined;
    if (needsUser && !caller)
      throw new ApiError(401, 'unauthenticated', 'Connectez-vous pour synchroniser vos données.');
    const user = caller && { id: caller.userId };
    let viewer: Viewer = user ? visibilityViewer(user.id, await identity!.workspaceIdsOf(user.id)) : {};
    const tokenHash = caller?.tokenHash;
    const slot = user ? `u:${user.id}` : `a:${request.ip}`;
    const max = user ? options.limits.streamsPerUser : options.limits.streamsPerAddress;
    const release = await options.streamSlots.claim(slot, max);
    if (!release) {
      throw new ApiError(
        429,
        'too_many_streams',
        `Trop de flux ouverts (${max} au plus ${user ? 'par compte' : 'par adresse'}) : fermez d'autres onglets ou appareils.`,
      );
    }
    let hijacked = false;
    try {
      reply.hijack();
      hijacked = true;
    } finally {
      if (!hijacked) release();
    }
    const res = reply.raw;
    // Gone while its place was being taken: no 'close' event is left to give the place back.
    if (request.raw.socket.destroyed) {
      release();
      return;
    }
    res.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    res.write(': connecté\n\n');
    /**
     * A client that does not read lets its queue grow: past the bound the
     * stream is closed (it pulls to catch up when it reconnects), so a slow
     * reader costs at most that much memory.
     */
    const write = (chunk: Buffer | string) => {
      if (res.destroyed) return;
      res.write(chunk);
      if (res.writableLength > options.limits.streamQueueBytes) res.destroy();
    };
    const send = (json: string) => write(`data: ${json}\n\n`);
    const names = new Set(collections.map((c) => c.name));
    const kinds = new Map(collections.map((c) => [c.name, c.kind]));
    const cleanups = [
      feed.subscribe((name, written) => {
        if (!names.has(name)) return;
        const userDocs = kinds.get(name) === 'user';
        const documents = userDocs ? written.filter((d) => canSee(viewer, d)) : written;
        if (documents.length === 0) return;
        const checkpoint = checkpointAt(documents.at(-1)!.seq, userDocs ? viewer : {});
        write(messages.encode(named ? name : undefined, documents, checkpoint));
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
    const keepAlive = setInterval(() => write(': ping\n\n'), KEEP_ALIVE_MS);
    streams.add(res);
    res.on('close', () => {
      release();
      streams.delete(res);
      clearInterval(keepAlive);
      cleanups.forEach((cleanup) => cleanup());
    });
  }
}

/**
 * The bytes of one stream message, made once and shared by every stream
 * that sends the same documents with the same checkpoint (one write fanned
 * out to many clients takes its size in memory once, not once per stream).
 */
class MessageCache {
  private last: { key: string; bytes: Buffer } | undefined;

  encode(collection: string | undefined, documents: StoredDocument[], checkpoint: PullCheckpoint): Buffer {
    const key = `${collection ?? ''}|${JSON.stringify(checkpoint)}|${documents.map((d) => d.seq).join(',')}`;
    if (this.last?.key === key) return this.last.bytes;
    const head = collection === undefined ? '' : `"collection":${JSON.stringify(collection)},`;
    const bodies = documents.map((d) => d.body).join(',');
    const bytes = Buffer.from(`data: {${head}"documents":[${bodies}],"checkpoint":${JSON.stringify(checkpoint)}}\n\n`);
    this.last = { key, bytes };
    return bytes;
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
