/**
 * Where accounts live: users, their tokens, workspaces and their members.
 * One interface so that a PostgreSQL implementation can follow the SQLite
 * one. Inputs arrive validated and normalised; secrets arrive hashed (the
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

export interface AccountStore {
  /** Creates a user; `null` when the (normalised) email is already taken. */
  createUser(user: UserWithPassword): Promise<User | null>;
  findUserByEmail(email: string): Promise<UserWithPassword | undefined>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;

  addToken(tokenHash: string, userId: string): Promise<void>;
  /** The user a token hash belongs to, if the token is still valid. */
  findUserByToken(tokenHash: string): Promise<User | undefined>;
  /** True when the token existed. */
  deleteToken(tokenHash: string): Promise<boolean>;

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

  close(): Promise<void>;
}
