import type { FastifyRequest } from 'fastify';
import type { CollectionDefinition } from '../../../src/model/collections.ts';
import { deepEqual } from '../../../src/model/merge.ts';
import { canSee } from '../../../src/model/visibility.ts';
import { blobRefsOf } from '../blobs/refs.ts';
import { ApiError } from '../errors.ts';
import type { PushRow, Store, StoredDocument } from '../store/store.ts';
import type { Identity } from './identity.ts';
import { validatePushBatch, type PushRowInput } from './validation.ts';

const forbidden = (why: string) => new ApiError(403, 'forbidden', `Écriture refusée : ${why}. Rien n'a été écrit.`);

/**
 * A push to a user collection (SYNC-PROTOCOL.md, Push): every row valid and
 * allowed or nothing written; conflicting rows not written and returned.
 * Bodies are stored as pushed.
 */
export async function pushUserDocuments(
  collection: CollectionDefinition,
  request: FastifyRequest,
  store: Store,
  identity: Identity,
  /** The collection's own rules beyond its schema (workshop entries: kinds, dots, closed workshops). */
  check?: (documents: Record<string, unknown>[]) => Promise<void>,
): Promise<StoredDocument[]> {
  const caller = await identity.callerOf(request);
  if (!caller) throw new ApiError(401, 'unauthenticated', 'Connectez-vous pour synchroniser vos données.');
  const user = { id: caller.userId };
  const rows = validatePushBatch(collection.name, request.body);
  await check?.(rows.map((r) => r.newDocumentState));
  const stored = await store.readDocuments(
    collection.name,
    rows.map((r) => r.newDocumentState.id as string),
  );
  const groups = await identity.workspaceIdsOf(user.id);
  const reader = { userId: user.id, workspaceIds: groups };
  const hasAuthorName = 'authorName' in (collection.schema.properties as object);
  rows.forEach((row, index) => {
    const next = row.newDocumentState as {
      id: string;
      ownerId: string;
      workspaceId: string | null;
      authorName?: string;
    };
    const old = stored.get(next.id);
    const where = `ligne ${index}`;
    if (!old && next.ownerId !== user.id) throw forbidden(`${where}, un document se crée au nom de son auteur`);
    if (old) {
      // Only who sees the stored document may write it (src/model/visibility.ts), and never as someone else.
      if (!canSee(reader, old)) {
        throw forbidden(
          old.workspaceId != null ? `${where}, groupe non rejoint` : `${where}, document d'un autre auteur`,
        );
      }
      if (next.ownerId !== old.ownerId) throw forbidden(`${where}, ce document ne peut pas changer d'auteur`);
    }
    if (next.workspaceId != null && !groups.has(next.workspaceId)) throw forbidden(`${where}, groupe non rejoint`);
    if (hasAuthorName && next.authorName !== undefined && next.authorName !== caller.displayName) {
      const kept = old && (JSON.parse(old.body) as { authorName?: unknown }).authorName === next.authorName;
      if (!kept) throw forbidden(`${where}, le nom d'auteur doit être le vôtre (« ${caller.displayName} »)`);
    }
  });
  const result = await store.applyPush(
    collection.name,
    rows.map((row) => ({
      ...toPushRow(row),
      blobRefs: blobRefsOf(collection.name, row.newDocumentState),
      pushedBy: user.id,
    })),
    sameDocument,
  );
  return result.conflicts;
}

/** A push to an inbox: anonymous allowed, insert only, never served back. */
export async function pushToInbox(
  collection: CollectionDefinition,
  request: FastifyRequest,
  store: Store,
  identity: Identity | undefined,
): Promise<void> {
  const caller = identity && (await identity.callerOf(request));
  const user = caller && { id: caller.userId };
  const rows = validatePushBatch(collection.name, request.body);
  rows.forEach((row, index) => {
    const ownerId = row.newDocumentState.ownerId;
    if (ownerId !== (user?.id ?? null)) {
      throw forbidden(`ligne ${index}, ownerId doit être ${user ? 'le vôtre' : 'null sans connexion'}`);
    }
  });
  const result = await store.applyPush(
    collection.name,
    rows.map((row) => ({ ...toPushRow(row), assumedRev: undefined })),
    sameDocument,
  );
  if (result.conflicts.length > 0) throw forbidden('un envoi déjà reçu ne se modifie pas');
}

function toPushRow(row: PushRowInput): PushRow {
  const next = row.newDocumentState as {
    id: string;
    ownerId?: string | null;
    workspaceId?: string | null;
    rev?: string;
  };
  return {
    id: next.id,
    body: JSON.stringify(row.newDocumentState),
    ownerId: next.ownerId ?? null,
    workspaceId: next.workspaceId ?? null,
    rev: next.rev ?? null,
    assumedRev: row.assumedMasterState ? String(row.assumedMasterState.rev) : undefined,
  };
}

/** A retried push: what is stored already is what is pushed. */
function sameDocument(stored: string, pushed: string): boolean {
  return stored === pushed || deepEqual(JSON.parse(stored), JSON.parse(pushed));
}
