import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { CollectionDefinition } from '../../../src/model/collections.ts';
import { canSee as canSeeDocument } from '../../../src/model/visibility.ts';
import { ApiError } from '../errors.ts';
import type { StoredDocument, Visibility } from '../store/store.ts';
import type { Identity } from './identity.ts';

/**
 * Who reads a collection: anyone for the library; for user collections a
 * signed-in user, who sees their own documents and their groups'.
 */
export interface Viewer {
  visibility?: Visibility;
  /** Changes when the user's groups change: a checkpoint made with another one is restarted. */
  fingerprint?: string;
}

export async function viewerFor(
  collection: CollectionDefinition,
  request: FastifyRequest,
  identity: Identity | undefined,
): Promise<Viewer> {
  if (collection.kind === 'library') return {};
  const caller = identity && (await identity.callerOf(request));
  if (!caller) throw new ApiError(401, 'unauthenticated', 'Connectez-vous pour synchroniser vos données.');
  return visibilityViewer(caller.userId, await identity!.workspaceIdsOf(caller.userId));
}

export function visibilityViewer(userId: string, workspaceIds: Set<string>): Viewer {
  const fingerprint = createHash('sha256')
    .update([...workspaceIds].sort().join(','))
    .digest('base64url')
    .slice(0, 12);
  return { visibility: { userId, workspaceIds }, fingerprint };
}

/** The library is seen by everyone; a user document by whom the protocol's rule says (src/model/visibility.ts). */
export function canSee(viewer: Viewer, doc: StoredDocument): boolean {
  return !viewer.visibility || canSeeDocument(viewer.visibility, doc);
}
