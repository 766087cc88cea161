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
 * The caller of a workshop route and the workshop. The credential is checked
 * first, so that nobody learns whether a workshop exists without one (codes
 * are guessed only through the rate-limited join). A guest token opens its
 * own workshop only; an account opens the workshops of its groups. Anyone
 * else is told the workshop does not exist, as for workspaces.
 */
export async function openWorkshop(
  request: FastifyRequest,
  store: Store,
  workshopId: string,
  grants: GuestGrants,
  identity: Identity,
): Promise<{ workshop: StoredWorkshop; caller: WorkshopCaller }> {
  const token = guestToken(request.headers.authorization);
  if (token !== undefined) {
    const grant = await grants.of(token);
    if (!grant)
      throw new ApiError(401, 'unauthenticated', 'Accès invité expiré ou inconnu : rejoignez l’atelier avec son code.');
    if (grant.workshopId !== workshopId) throw new ApiError(404, 'not_found', NOT_FOUND);
    return { workshop: await findWorkshop(store, workshopId), caller: { kind: 'guest', guestId: grant.guestId } };
  }
  const caller = await identity.callerOf(request);
  if (!caller) throw new ApiError(401, 'unauthenticated', 'Rejoignez l’atelier avec son code, ou connectez-vous.');
  const workshop = await findWorkshop(store, workshopId);
  const groups = await identity.workspaceIdsOf(caller.userId);
  if (!groups.has(workshop.workspaceId)) throw new ApiError(404, 'not_found', NOT_FOUND);
  return { workshop, caller: { kind: 'member', userId: caller.userId } };
}
