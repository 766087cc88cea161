import type { AccountEventMap, AccountEventName } from './events.ts';

/**
 * Where accounts live: users, their tokens, workspaces and their members.
 * One interface, two implementations: SQLite (sqlite.ts) and PostgreSQL
 * (postgres.ts). Inputs arrive validated and normalised; secrets arrive hashed (the
 * store never sees a password or a raw token).
 */

export type Role = 'owner' | 'member';

export interface User {
  id: string;
  /** Normalised: trimmed, lower case. */
  email: string;
  displayName: string;
}

export interface UserWithPassword extends User {
  /** `$scrypt$ln=…,r=…,p=…$salt$hash` (see passwords.ts). */
  passwordHash: string;
}

export interface Workspace {
  id: string;
  name: string;
  /** Canonical form: 8 characters, no separator (see invite-codes.ts). */
  inviteCode: string;
}

/** A workspace as one of its members sees it. */
export interface Membership {
  workspace: Workspace;
  role: Role;
}

export interface Member {
  id: string;
  displayName: string;
  role: Role;
}

/** One rate limit's check of a key: at most `max` attempts in `windowMs`. */
export interface AttemptCheck {
  /** Namespaced, e.g. `login-email:camille@example.org`, `register:203.0.113.7`. */
  key: string;
  max: number;
  windowMs: number;
  /** How many attempts this one counts for (documents written in one push, say); 1 when absent. */
  weight?: number;
}

/** Either the attempt was counted (under every key, with ids to take it back), or the wait before trying again. */
export type AttemptResult = { waitMs: 0; ids: number[] } | { waitMs: number; ids?: undefined };

/**
 * Rate-limit counters, kept in the database so that a restart or a second
 * server process neither resets nor splits them (SYNC-PROTOCOL.md, Limits).
 */
export interface AttemptStore {
  /**
   * Atomically: when every key has fewer than its `max` attempts after
   * `now - windowMs` (weights summed), records one attempt (of its weight) at `now` under each key and returns
   * their ids; otherwise records nothing and returns the longest wait (ms)
   * until one of its attempts leaves its window.
   */
  takeAttempt(checks: AttemptCheck[], now: number): Promise<AttemptResult>;
  /** Takes counted attempts back (the attempt turned out a success). */
  forgetAttempts(ids: number[]): Promise<void>;
  /** Forgets every attempt of a key (a successful login clears its email's failures). */
  clearAttempts(key: string): Promise<void>;
  /** Deletes attempts made before `before` (older than any window). */
  purgeAttempts(before: number): Promise<void>;
}

/** An account event as told to the other server processes. */
export type AccountNotice = { [E in AccountEventName]: { name: E; event: AccountEventMap[E] } }[AccountEventName];

export interface AccountStore extends AttemptStore {
  /** Creates a user; `null` when the (normalised) email is already taken. */
  createUser(user: UserWithPassword): Promise<User | null>;
  findUserByEmail(email: string): Promise<UserWithPassword | undefined>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;

  /** A new token, used for the first time at `at` (ms since the epoch). */
  addToken(tokenHash: string, userId: string, at: number): Promise<void>;
  /**
   * The user a token hash belongs to, with the token's last use, if it was
   * used at or after `usedSince` (an older one has expired: undefined).
   */
  findUserByToken(tokenHash: string, usedSince: number): Promise<(User & { tokenLastUsedAt: number }) | undefined>;
  /** Records a use of the token (callers do it at most every few minutes, not on every request). */
  touchToken(tokenHash: string, at: number): Promise<void>;
  /** True when the token existed. */
  deleteToken(tokenHash: string): Promise<boolean>;
  /** Deletes the tokens last used before `usedBefore`; returns how many. */
  purgeIdleTokens(usedBefore: number): Promise<number>;

  /** Creates the workspace with `ownerId` as its owner; `false` if the invite code is taken. */
  createWorkspace(workspace: Workspace, ownerId: string): Promise<boolean>;
  findWorkspaceByInviteCode(inviteCode: string): Promise<Workspace | undefined>;
  /** The workspace and the user's role in it; undefined when the user is not a member. */
  findMembership(workspaceId: string, userId: string): Promise<Membership | undefined>;
  /** Every workspace the user belongs to, in the order they joined. */
  listMemberships(userId: string): Promise<Membership[]>;
  /** Members, owner first, then in the order they joined. */
  listMembers(workspaceId: string): Promise<Member[]>;
  /** Adds a member; `false` when they already were one (their role is kept). */
  addMember(workspaceId: string, userId: string): Promise<boolean>;
  /** Removes a member who is not the owner; `false` when there was no such member. */
  removeMember(workspaceId: string, userId: string): Promise<boolean>;
  /** Replaces the invite code; `false` if the new code is taken. */
  setInviteCode(workspaceId: string, inviteCode: string): Promise<boolean>;

  /**
   * Tells the other server processes on the same database about an account
   * event, so that their streams follow it too (PostgreSQL: NOTIFY; SQLite
   * serves one process: nothing to tell).
   */
  broadcast(notice: AccountNotice): Promise<void>;
  /** Account events broadcast by the other processes (never this one's own). */
  onBroadcast(listener: (notice: AccountNotice) => void): () => void;

  close(): Promise<void>;
}
