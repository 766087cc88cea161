import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findCollection } from '../../../src/model/collections.ts';
import { parseWorkshopCode, workshopIdOf } from '../../../src/model/workshops/code.ts';
import type { WorkshopEntry } from '../../../src/model/workshops/contribution.ts';
import { GUEST_TOKEN_PATTERN } from '../../../src/model/workshops/guest.ts';
import { check, countAttempt, TooManyRequests, type Limit } from '../accounts/attempts.ts';
import type { AttemptStore } from '../accounts/store.ts';
import { ApiError } from '../errors.ts';
import type { ChangeFeed } from '../replication/feed.ts';
import type { Identity } from '../replication/identity.ts';
import { validatePushBatch } from '../replication/validation.ts';
import { deepEqual } from '../../../src/model/merge.ts';
import type { Store, StoredDocument } from '../store/store.ts';
import { findWorkshop, openWorkshop, type StoredWorkshop, type WorkshopCaller } from './access.ts';
import { checkEntries } from './closed.ts';
import { GuestGrants } from './grants.ts';

export interface WorkshopLimits {
  /** Wrong codes per client address. */
  joinFailuresPerAddress: Limit;
  /** Documents written by guests, per workshop and per client address (a hall shares one address). */
  writesPerWorkshop: Limit;
  writesPerAddress: Limit;
  /** How long a guest's access lasts after joining (ms). */
  guestAccessMs: number;
}

const TEN_MINUTES = 10 * 60_000;
export const DEFAULT_WORKSHOP_LIMITS: WorkshopLimits = {
  joinFailuresPerAddress: { max: 30, windowMs: 15 * 60_000 },
  writesPerWorkshop: { max: 3000, windowMs: TEN_MINUTES },
  writesPerAddress: { max: 1500, windowMs: TEN_MINUTES },
  guestAccessMs: 48 * 3600_000,
};

const KEEP_ALIVE_MS = 25_000;
const SCANNED_PER_PULL = 2000;
type Scoped = 'workshops' | 'contributions';

/**
 * The workshop routes (docs/workshops.md): a guest joins by the workshop's
 * code, then pulls, pushes and follows that workshop only, with the same
 * shapes as the replication routes; a member of the workshop's group may
 * use them too (the facilitator's device brings what it collected offline).
 */
export function workshopRoutes(
  app: FastifyInstance,
  options: {
    store: Store;
    feed: ChangeFeed;
    identity: Identity;
    /** Where rate-limit attempts are counted (SYNC-PROTOCOL.md, Limits: in the database). */
    attempts: AttemptStore;
    limits?: Partial<WorkshopLimits>;
    now?: () => number;
  },
): void {
  const { store, feed, identity } = options;
  const limits = { ...DEFAULT_WORKSHOP_LIMITS, ...options.limits };
  const grants = new GuestGrants(store, limits.guestAccessMs, options.now);
  const now = () => (options.now ?? Date.now)();
  const streams = new Set<FastifyReply['raw']>();
  app.addHook('preClose', async () => {
    for (const res of streams) res.end();
  });

  app.post('/api/v1/workshops/join', async (request) => {
    const { code: typed, guestToken } = (request.body ?? {}) as { code?: unknown; guestToken?: unknown };
    if (typeof guestToken !== 'string' || !GUEST_TOKEN_PATTERN.test(guestToken)) {
      throw new ApiError(400, 'invalid_input', 'Jeton invité manquant ou mal formé (22 caractères base64url).');
    }
    const forgive = await countAttempt(
      options.attempts,
      [check('workshop-join-address', limits.joinFailuresPerAddress, request.ip)],
      now(),
    );
    const code = typeof typed === 'string' ? parseWorkshopCode(typed) : undefined;
    const workshop = code ? await findWorkshop(store, workshopIdOf(code)).catch(() => undefined) : undefined;
    if (!workshop) throw new ApiError(404, 'unknown_workshop', 'Ce code ne correspond à aucun atelier ouvert.');
    await forgive();
    const grant = await grants.grant(guestToken, workshop.doc.id);
    return { workshopId: grant.workshopId, guestId: grant.guestId, expiresAt: grant.expiresAt, workshop: workshop.doc };
  });

  app.get<{ Params: { id: string; name: string }; Querystring: { checkpoint?: string; limit?: string } }>(
    '/api/v1/workshops/:id/replication/:name/pull',
    async (request, reply) => {
      const name = scopedName(request.params.name);
      const { workshop } = await openWorkshop(request, store, request.params.id, grants, identity);
      const after = parseSeq(request.query.checkpoint);
      const limit = Math.min(500, Math.max(1, Number(request.query.limit) || 100));
      const found: StoredDocument[] = [];
      let seq = after;
      // Reads the group's documents in write order and keeps this workshop's, a bounded scan per call.
      for (let scanned = 0; found.length < limit && scanned < SCANNED_PER_PULL;) {
        const page = await store.readChanges(name, { seq }, 200, {
          userId: '',
          workspaceIds: new Set([workshop.workspaceId]),
        });
        if (page.length === 0) break;
        for (const doc of page) {
          seq = doc.seq;
          scanned += 1;
          if (belongs(name, doc, workshop.doc.id)) found.push(doc);
          if (found.length === limit) break;
        }
        if (page.length < 200) break;
      }
      reply.type('application/json; charset=utf-8');
      return `{"documents":[${found.map((d) => d.body).join(',')}],"checkpoint":${JSON.stringify({ seq })}}`;
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/workshops/:id/replication/contributions/push',
    async (request, reply) => {
      const { workshop, caller } = await openWorkshop(request, store, request.params.id, grants, identity);
      const rows = validatePushBatch('contributions', request.body);
      if (caller.kind === 'guest') {
        // Every document written counts.
        const checks = [
          check('workshop-writes', limits.writesPerWorkshop, workshop.doc.id, rows.length),
          check('workshop-writes-address', limits.writesPerAddress, request.ip, rows.length),
        ];
        await countAttempt(options.attempts, checks, now()).catch((error: unknown) => {
          if (error instanceof TooManyRequests) reply.header('retry-after', String(error.retryAfterSeconds));
          throw error;
        });
      }
      const entries = rows.map((r) => r.newDocumentState as unknown as WorkshopEntry);
      const stored = await store.readDocuments(
        'contributions',
        entries.map((e) => e.id),
      );
      entries.forEach((entry, index) => checkRow(entry, index, stored.get(entry.id), workshop, caller));
      await checkEntries(store, entries, { allowClosed: caller.kind === 'member' });
      const result = await store.applyPush(
        'contributions',
        rows.map((row) => {
          const doc = row.newDocumentState as unknown as WorkshopEntry;
          return {
            id: doc.id,
            body: JSON.stringify(doc),
            ownerId: doc.ownerId,
            workspaceId: doc.workspaceId,
            rev: doc.rev,
            assumedRev: row.assumedMasterState ? String(row.assumedMasterState.rev) : undefined,
          };
        }),
        (a, b) => a === b || deepEqual(JSON.parse(a), JSON.parse(b)),
      );
      void feed.catchUp();
      reply.type('application/json; charset=utf-8');
      return `[${result.conflicts.map((d) => d.body).join(',')}]`;
    },
  );

  app.get<{ Params: { id: string } }>('/api/v1/workshops/:id/replication/stream', async (request, reply) => {
    const { workshop } = await openWorkshop(request, store, request.params.id, grants, identity);
    openStream(request, reply, workshop);
  });

  function openStream(request: FastifyRequest, reply: FastifyReply, workshop: StoredWorkshop): void {
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
    const unsubscribe = feed.subscribe((name, written) => {
      if (name !== 'workshops' && name !== 'contributions') return;
      const documents = written.filter((d) => belongs(name, d, workshop.doc.id));
      if (documents.length === 0) return;
      // The stream's checkpoint is only a hint: a client that missed messages pulls from its own.
      res.write(
        `data: {"collection":"${name}","documents":[${documents.map((d) => d.body).join(',')}],"checkpoint":{"seq":${documents.at(-1)!.seq}}}\n\n`,
      );
    });
    const keepAlive = setInterval(() => res.write(': ping\n\n'), KEEP_ALIVE_MS);
    streams.add(res);
    request.raw.on('close', () => undefined);
    res.on('close', () => {
      streams.delete(res);
      clearInterval(keepAlive);
      unsubscribe();
    });
  }
}

function scopedName(name: string): Scoped {
  if (name !== 'workshops' && name !== 'contributions') {
    throw new ApiError(404, 'unknown_collection', `Collection inconnue pour un atelier : ${name}`);
  }
  return findCollection(name)!.name as Scoped;
}

function parseSeq(raw: string | undefined): number {
  if (raw === undefined || raw === '' || raw === 'null') return 0;
  try {
    const { seq } = JSON.parse(raw) as { seq?: unknown };
    if (typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0) return seq;
  } catch {
    // falls through
  }
  throw new ApiError(400, 'bad_checkpoint', 'Point de reprise illisible.');
}

/** A document of this workshop: the workshop itself, or one of its entries. */
function belongs(name: string, doc: StoredDocument, workshopId: string): boolean {
  if (name === 'workshops') return doc.id === workshopId;
  if (!doc.body.includes(workshopId)) return false;
  return (JSON.parse(doc.body) as { workshopId?: string }).workshopId === workshopId;
}

const forbidden = (why: string) => new ApiError(403, 'forbidden', `Écriture refusée : ${why}. Rien n'a été écrit.`);

/**
 * A row must belong to this workshop and its group. A guest writes only
 * under their own id; a member may bring anyone's entries (collected by QR
 * code), but never change a document's author.
 */
function checkRow(
  entry: WorkshopEntry,
  index: number,
  old: StoredDocument | undefined,
  workshop: StoredWorkshop,
  caller: WorkshopCaller,
): void {
  const where = `ligne ${index}`;
  if (entry.workshopId !== workshop.doc.id) throw forbidden(`${where}, document d’un autre atelier`);
  if (entry.workspaceId !== workshop.workspaceId) throw forbidden(`${where}, le groupe doit être celui de l’atelier`);
  if (old && old.ownerId !== entry.ownerId) throw forbidden(`${where}, ce document ne peut pas changer d'auteur`);
  if (old && old.workspaceId !== workshop.workspaceId) throw forbidden(`${where}, document d’un autre groupe`);
  if (caller.kind === 'guest' && entry.ownerId !== caller.guestId) {
    throw forbidden(`${where}, un invité écrit sous son propre identifiant`);
  }
}
