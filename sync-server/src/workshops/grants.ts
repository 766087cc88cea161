import { createHash } from 'node:crypto';
import { GUEST_TOKEN_PATTERN, guestIdOf } from '../../../src/model/workshops/guest.ts';
import type { Store } from '../store/store.ts';

/**
 * A guest's access to one workshop: given by the workshop's code, scoped to
 * that workshop (post and vote in it, read its wall), and expiring. Kept in
 * the document store under a collection that is never replicated
 * (`workshop-guests`, keyed by the hash of the guest token), so that both
 * stores (SQLite, PostgreSQL) hold it without a table of their own.
 */
export const GRANTS = 'workshop-guests';

export interface GuestGrant {
  guestId: string;
  workshopId: string;
  joinedAt: string;
  expiresAt: string;
}

export function hashGuestToken(token: string): string {
  return createHash('sha256').update(`guest-token:${token}`, 'utf8').digest('hex');
}

/** The token of an `Authorization: Guest <token>` header, or undefined. */
export function guestToken(header: string | undefined): string | undefined {
  const token = /^Guest +(\S+) *$/i.exec(header ?? '')?.[1];
  return token !== undefined && GUEST_TOKEN_PATTERN.test(token) ? token : undefined;
}

export class GuestGrants {
  constructor(
    private readonly store: Store,
    private readonly accessMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records (or renews) the grant of `token` to `workshopId`; joining again is harmless. */
  async grant(token: string, workshopId: string): Promise<GuestGrant> {
    const id = hashGuestToken(token);
    const existing = await this.find(id);
    const now = new Date(this.now()).toISOString();
    const grant: GuestGrant = {
      guestId: await guestIdOf(token),
      workshopId,
      joinedAt: existing?.workshopId === workshopId ? existing.joinedAt : now,
      expiresAt: new Date(this.now() + this.accessMs).toISOString(),
    };
    const body = JSON.stringify(grant);
    await this.store.write(GRANTS, [{ id, body, hash: createHash('sha256').update(body).digest('hex') }]);
    return grant;
  }

  /** The grant of a guest token, if it exists and has not expired. */
  async of(token: string): Promise<GuestGrant | undefined> {
    const grant = await this.find(hashGuestToken(token));
    return grant && Date.parse(grant.expiresAt) > this.now() ? grant : undefined;
  }

  private async find(id: string): Promise<GuestGrant | undefined> {
    const stored = await this.store.readDocument(GRANTS, id);
    return stored ? (JSON.parse(stored.body) as GuestGrant) : undefined;
  }
}
