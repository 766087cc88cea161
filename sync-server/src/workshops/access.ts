import type { FastifyRequest } from 'fastify';
import type { Workshop } from '../../../src/model/workshops/workshop.ts';
import { ApiError } from '../errors.ts';
import type { Identity } from '../replication/identity.ts';
import type { Store } from '../store/store.ts';
import { guestToken, type GuestGrants } from './grants.ts';

/** Who calls a workshop route: a guest of this workshop, or a member of its group. */
export type WorkshopCaller = { kind: 'guest'; guestId: string } | { kind: 'member'; userId: string };

export interface StoredWorkshop {
  doc: Workshop;
  workspaceId: string;
}

const NOT_FOUND = 'Atelier introuvable.';

/** The live workshop document, or 404 (also for a workshop without a group: nobody can join it). */
export async function findWorkshop(store: Store, workshopId: string): Promise<StoredWorkshop> {
  const stored = await store.readDocument('workshops', workshopId);
  if (!stored) throw new ApiError(404, 'not_found', NOT_FOUND);
  const doc = JSON.parse(stored.body) as Workshop & { _deleted?: boolean };
  if (doc._deleted || !stored.workspaceId) throw new ApiError(404, 'not_found', NOT_FOUND);
  return { doc, workspaceId: stored.workspaceId };
}

/**
 * The caller of a workshop route. A guest token opens its own workshop only;
 * an account opens the workshops of its groups. Anyone else is told the
 * workshop does not exist, as for workspaces.
 */
export async function callerOf(
  request: FastifyRequest,
  workshop: StoredWorkshop,
  grants: GuestGrants,
  identity: Identity,
): Promise<WorkshopCaller> {
  const token = guestToken(request.headers.authorization);
  if (token !== undefined) {
    const grant = await grants.of(token);
    if (!grant)
      throw new ApiError(401, 'unauthenticated', 'Accès invité expiré ou inconnu : rejoignez l’atelier avec son code.');
    if (grant.workshopId !== workshop.doc.id) throw new ApiError(404, 'not_found', NOT_FOUND);
    return { kind: 'guest', guestId: grant.guestId };
  }
  const caller = await identity.callerOf(request);
  if (!caller) throw new ApiError(401, 'unauthenticated', 'Rejoignez l’atelier avec son code, ou connectez-vous.');
  const groups = await identity.workspaceIdsOf(caller.userId);
  if (!groups.has(workshop.workspaceId)) throw new ApiError(404, 'not_found', NOT_FOUND);
  return { kind: 'member', userId: caller.userId };
}
