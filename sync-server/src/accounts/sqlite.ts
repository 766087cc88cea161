import Database from 'better-sqlite3';
import { configureSqlite } from '../store/sqlite.ts';
import type {
  AccountStore,
  AttemptCheck,
  AttemptResult,
  Member,
  Membership,
  Role,
  User,
  UserWithPassword,
  Workspace,
} from './store.ts';

/**
 * Named migrations, recorded in a `migrations` table: the document store
 * numbers its own with `PRAGMA user_version` in the same file.
 */
const MIGRATIONS: [name: string, sql: string][] = [
  [
    'accounts-1-initial',
    `CREATE TABLE users (
       id TEXT PRIMARY KEY,
       email TEXT NOT NULL UNIQUE,
       display_name TEXT NOT NULL,
       password_hash TEXT NOT NULL,
       created_at INTEGER NOT NULL
     );
     CREATE TABLE tokens (
       hash TEXT PRIMARY KEY,
       user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
       created_at INTEGER NOT NULL
     );
     CREATE INDEX tokens_by_user ON tokens (user_id);
     CREATE TABLE workspaces (
       id TEXT PRIMARY KEY,
       name TEXT NOT NULL,
       invite_code TEXT NOT NULL UNIQUE,
       created_at INTEGER NOT NULL
     );
     CREATE TABLE members (
       workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
       user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
       role TEXT NOT NULL CHECK (role IN ('owner', 'member')),
       joined_at INTEGER NOT NULL,
       PRIMARY KEY (workspace_id, user_id)
     );
     CREATE INDEX members_by_user ON members (user_id);`,
  ],
  [
    // Tokens expire when idle; rate-limit attempts survive a restart and are shared by every process.
    'accounts-2-token-use-and-attempts',
    `ALTER TABLE tokens ADD COLUMN last_used_at INTEGER NOT NULL DEFAULT 0;
     UPDATE tokens SET last_used_at = created_at;
     CREATE INDEX tokens_by_last_use ON tokens (last_used_at);
     CREATE TABLE attempts (
       id INTEGER PRIMARY KEY,
       key TEXT NOT NULL,
       at INTEGER NOT NULL,
       weight INTEGER NOT NULL DEFAULT 1
     );
     CREATE INDEX attempts_by_key ON attempts (key, at);
     CREATE INDEX attempts_by_time ON attempts (at);`,
  ],
];

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
}
interface WorkspaceRow {
  id: string;
  name: string;
  invite_code: string;
}
type MembershipRow = WorkspaceRow & { role: Role };

/** Accounts in the embedded SQLite file (its own connection, WAL mode). */
export function openSqliteAccountStore(file: string): AccountStore {
  const db = new Database(file);
  configureSqlite(db);
  db.pragma('foreign_keys = ON');
  migrate(db);

  const insertUser = db.prepare(
    'INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const userByEmail = db.prepare<[string], UserRow>(
    'SELECT id, email, display_name, password_hash FROM users WHERE email = ?',
  );
  const updatePassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const insertToken = db.prepare<[string, string, number, number]>(
    'INSERT INTO tokens (hash, user_id, created_at, last_used_at) VALUES (?, ?, ?, ?)',
  );
  const userByToken = db.prepare<[string, number], UserRow & { last_used_at: number }>(
    `SELECT users.id, users.email, users.display_name, users.password_hash, tokens.last_used_at
     FROM tokens JOIN users ON users.id = tokens.user_id WHERE tokens.hash = ? AND tokens.last_used_at >= ?`,
  );
  const touch = db.prepare<[number, string]>('UPDATE tokens SET last_used_at = max(last_used_at, ?) WHERE hash = ?');
  const removeToken = db.prepare('DELETE FROM tokens WHERE hash = ?');
  const purgeTokens = db.prepare<[number]>('DELETE FROM tokens WHERE last_used_at < ?');
  const recentAttempts = db.prepare<[string, number, number], { at: number; weight: number }>(
    'SELECT at, weight FROM attempts WHERE key = ? AND at > ? ORDER BY at DESC, id DESC LIMIT ?',
  );
  const insertAttempt = db.prepare<[string, number, number]>('INSERT INTO attempts (key, at, weight) VALUES (?, ?, ?)');
  const deleteAttempt = db.prepare<[number]>('DELETE FROM attempts WHERE id = ?');
  const deleteKey = db.prepare<[string]>('DELETE FROM attempts WHERE key = ?');
  const deleteOldAttempts = db.prepare<[number]>('DELETE FROM attempts WHERE at < ?');
  const takeAttempt = db.transaction((checks: AttemptCheck[], now: number): AttemptResult => {
    let waitMs = 0;
    for (const { key, max, windowMs } of checks) {
      // Newest first: the attempt that brings the sum to `max` must leave the window before another is allowed.
      let sum = 0;
      for (const attempt of recentAttempts.all(key, now - windowMs, max)) {
        sum += attempt.weight;
        if (sum >= max) {
          waitMs = Math.max(waitMs, attempt.at + windowMs - now);
          break;
        }
      }
    }
    if (waitMs > 0) return { waitMs };
    const ids = checks.map(({ key, weight }) => Number(insertAttempt.run(key, now, weight ?? 1).lastInsertRowid));
    return { waitMs: 0, ids };
  });
  const forgetAttempts = db.transaction((ids: number[]) => ids.forEach((id) => deleteAttempt.run(id)));
  const insertWorkspace = db.prepare('INSERT INTO workspaces (id, name, invite_code, created_at) VALUES (?, ?, ?, ?)');
  const insertMember = db.prepare(
    `INSERT INTO members (workspace_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (workspace_id, user_id) DO NOTHING`,
  );
  const workspaceByCode = db.prepare<[string], WorkspaceRow>(
    'SELECT id, name, invite_code FROM workspaces WHERE invite_code = ?',
  );
  const membership = db.prepare<[string, string], MembershipRow>(
    `SELECT w.id, w.name, w.invite_code, m.role FROM members m JOIN workspaces w ON w.id = m.workspace_id
     WHERE m.workspace_id = ? AND m.user_id = ?`,
  );
  const memberships = db.prepare<[string], MembershipRow>(
    `SELECT w.id, w.name, w.invite_code, m.role FROM members m JOIN workspaces w ON w.id = m.workspace_id
     WHERE m.user_id = ? ORDER BY m.joined_at, m.rowid`,
  );
  const members = db.prepare<[string], Member>(
    `SELECT u.id, u.display_name AS displayName, m.role FROM members m JOIN users u ON u.id = m.user_id
     WHERE m.workspace_id = ? ORDER BY m.role = 'owner' DESC, m.joined_at, m.rowid`,
  );
  const deleteMember = db.prepare("DELETE FROM members WHERE workspace_id = ? AND user_id = ? AND role <> 'owner'");
  const updateInviteCode = db.prepare('UPDATE workspaces SET invite_code = ? WHERE id = ?');
  const createWorkspace = db.transaction((workspace: Workspace, ownerId: string) => {
    const now = Date.now();
    insertWorkspace.run(workspace.id, workspace.name, workspace.inviteCode, now);
    insertMember.run(workspace.id, ownerId, 'owner', now);
  });

  return {
    async createUser(user: UserWithPassword) {
      const inserted = unlessTaken(() =>
        insertUser.run(user.id, user.email, user.displayName, user.passwordHash, Date.now()),
      );
      return inserted ? { id: user.id, email: user.email, displayName: user.displayName } : null;
    },
    async findUserByEmail(email: string) {
      const row = userByEmail.get(email);
      return row && { ...toUser(row), passwordHash: row.password_hash };
    },
    async setPasswordHash(userId: string, passwordHash: string) {
      updatePassword.run(passwordHash, userId);
    },
    async addToken(tokenHash: string, userId: string, at: number) {
      insertToken.run(tokenHash, userId, at, at);
    },
    async findUserByToken(tokenHash: string, usedSince: number) {
      const row = userByToken.get(tokenHash, usedSince);
      return row && { ...toUser(row), tokenLastUsedAt: row.last_used_at };
    },
    async touchToken(tokenHash: string, at: number) {
      touch.run(at, tokenHash);
    },
    async deleteToken(tokenHash: string) {
      return removeToken.run(tokenHash).changes > 0;
    },
    async purgeIdleTokens(usedBefore: number) {
      return purgeTokens.run(usedBefore).changes;
    },
    async takeAttempt(checks: AttemptCheck[], now: number) {
      // IMMEDIATE: two processes checking the same key at once are serialised.
      return takeAttempt.immediate(checks, now);
    },
    async forgetAttempts(ids: number[]) {
      forgetAttempts(ids);
    },
    async clearAttempts(key: string) {
      deleteKey.run(key);
    },
    async purgeAttempts(before: number) {
      deleteOldAttempts.run(before);
    },
    async createWorkspace(workspace: Workspace, ownerId: string) {
      return unlessTaken(() => createWorkspace(workspace, ownerId));
    },
    async findWorkspaceByInviteCode(inviteCode: string) {
      const row = workspaceByCode.get(inviteCode);
      return row && toWorkspace(row);
    },
    async findMembership(workspaceId: string, userId: string) {
      const row = membership.get(workspaceId, userId);
      return row && toMembership(row);
    },
    async listMemberships(userId: string) {
      return memberships.all(userId).map(toMembership);
    },
    async listMembers(workspaceId: string) {
      return members.all(workspaceId);
    },
    async addMember(workspaceId: string, userId: string) {
      return insertMember.run(workspaceId, userId, 'member', Date.now()).changes > 0;
    },
    async removeMember(workspaceId: string, userId: string) {
      return deleteMember.run(workspaceId, userId).changes > 0;
    },
    async setInviteCode(workspaceId: string, inviteCode: string) {
      return unlessTaken(() => updateInviteCode.run(inviteCode, workspaceId));
    },
    async broadcast() {
      // One server process per SQLite file: its own listeners already heard the event.
    },
    onBroadcast() {
      return () => undefined;
    },
    async close() {
      db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const applied = db.prepare<[string], { name: string }>('SELECT name FROM migrations WHERE name = ?');
  const record = db.prepare('INSERT INTO migrations (name, applied_at) VALUES (?, ?)');
  for (const [name, sql] of MIGRATIONS) {
    // IMMEDIATE: a second process opening the file at the same time waits, then sees it applied.
    db.transaction(() => {
      if (applied.get(name)) return;
      db.exec(sql);
      record.run(name, Date.now());
    }).immediate();
  }
}

/** Runs an insert or update; false when it broke a UNIQUE constraint (email, invite code). */
function unlessTaken(write: () => unknown): boolean {
  try {
    write();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return false;
    throw error;
  }
}

function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, displayName: row.display_name };
}

function toWorkspace(row: WorkspaceRow): Workspace {
  return { id: row.id, name: row.name, inviteCode: row.invite_code };
}

function toMembership(row: MembershipRow): Membership {
  return { workspace: toWorkspace(row), role: row.role };
}
