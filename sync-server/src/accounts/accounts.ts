import type { FastifyRequest } from 'fastify';
import { AccountEvents } from './events.ts';
import type { Limit } from './attempts.ts';
import { DEFAULT_SCRYPT, type ScryptParams } from './passwords.ts';
import { Sessions, type Session } from './sessions.ts';
import type { AccountNotice, AccountStore } from './store.ts';
import { Workspaces } from './workspaces.ts';

export interface RateLimits {
  loginPerEmail: Limit;
  loginPerAddress: Limit;
  joinPerUser: Limit;
  joinPerAddress: Limit;
  /** SYNC-PROTOCOL.md, Limits: `REGISTRATIONS_PER_HOUR` [10] per client address. */
  registerPerAddress: Limit;
}

const FIFTEEN_MINUTES = 15 * 60_000;

/**
 * Failures allowed in 15 minutes. Per email: 5, the usual lock-out. Per
 * client address: 30, because a workshop room shares one address (NAT) and
 * its participants mistype too; that still stops one machine from trying
 * many emails. Invite codes: 10 wrong codes per user, 30 per address.
 */
export const DEFAULT_LIMITS: RateLimits = {
  loginPerEmail: { max: 5, windowMs: FIFTEEN_MINUTES },
  loginPerAddress: { max: 30, windowMs: FIFTEEN_MINUTES },
  joinPerUser: { max: 10, windowMs: FIFTEEN_MINUTES },
  joinPerAddress: { max: 30, windowMs: FIFTEEN_MINUTES },
  registerPerAddress: { max: 10, windowMs: 60 * 60_000 },
};

/** SYNC-PROTOCOL.md, Limits: `TOKEN_IDLE_DAYS` [30]. */
export const DEFAULT_TOKEN_IDLE_DAYS = 30;
const DAY = 24 * 60 * 60_000;

export interface AccountSettings {
  /** Password hashing cost; DEFAULT_SCRYPT in production, TEST_SCRYPT in tests. */
  scrypt?: ScryptParams;
  limits?: Partial<RateLimits>;
  /** A token unused for this many days stops working and is purged. */
  tokenIdleDays?: number;
  /** The clock of the rate limits (tests). */
  now?: () => number;
}

/**
 * Accounts and workspaces, and what the replication layer needs from them:
 * who a request is (`requireUser`, `optionalUser`), which workspaces a user
 * belongs to (`workspaceIdsOf`), and `events` to follow changes.
 */
export class Accounts {
  readonly events = new AccountEvents();
  readonly sessions: Sessions;
  readonly workspaces: Workspaces;

  constructor(
    readonly store: AccountStore,
    settings: AccountSettings = {},
  ) {
    const limits = { ...DEFAULT_LIMITS, ...settings.limits };
    this.relayEventsAcrossProcesses();
    this.sessions = new Sessions(store, this.events, {
      scrypt: settings.scrypt ?? DEFAULT_SCRYPT,
      loginPerEmail: limits.loginPerEmail,
      loginPerAddress: limits.loginPerAddress,
      registerPerAddress: limits.registerPerAddress,
      tokenIdleMs: (settings.tokenIdleDays ?? DEFAULT_TOKEN_IDLE_DAYS) * DAY,
      now: settings.now,
    });
    this.workspaces = new Workspaces(store, this.events, {
      joinPerUser: limits.joinPerUser,
      joinPerAddress: limits.joinPerAddress,
      now: settings.now,
    });
  }

  /** The request's session; throws ApiError 401 `unauthenticated` when the token is missing, unknown or revoked. */
  requireUser(request: FastifyRequest): Promise<Session> {
    return this.sessions.requireUser(request);
  }

  /** Undefined without an `Authorization` header; throws ApiError 401 when one is sent and not valid. */
  optionalUser(request: FastifyRequest): Promise<Session | undefined> {
    return this.sessions.optionalUser(request);
  }

  /**
   * Events of this process go to the other processes on the same database,
   * and theirs come to this process's listeners (open streams follow a
   * membership change or a logout made through another process).
   */
  private relayEventsAcrossProcesses(): void {
    let relaying = false;
    const forward = (notice: AccountNotice) => {
      if (relaying) return;
      this.store.broadcast(notice).catch((error: unknown) => console.error('account events:', error));
    };
    this.events.on('membershipChanged', (event) => forward({ name: 'membershipChanged', event }));
    this.events.on('tokenRevoked', (event) => forward({ name: 'tokenRevoked', event }));
    this.store.onBroadcast((notice) => {
      relaying = true;
      try {
        if (notice.name === 'membershipChanged') this.events.emit('membershipChanged', notice.event);
        else this.events.emit('tokenRevoked', notice.event);
      } finally {
        relaying = false;
      }
    });
  }

  /** Ids of the workspaces the user is a member of (owner included). */
  workspaceIdsOf(userId: string): Promise<Set<string>> {
    return this.workspaces.idsOf(userId);
  }
}
