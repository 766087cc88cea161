import { LOCKS, type PgConnection } from '../postgres/connection.ts';
import type {
  AccountNotice,
  AccountStore,
  AttemptCheck,
  AttemptResult,
  Member,
  Membership,
  Role,
  User,
  Workspace,
} from './store.ts';

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

/** Accounts in PostgreSQL (tables created by postgres/migrations.ts), shared by every server process. */
export function openPgAccountStore(db: PgConnection): AccountStore {
  const { pool } = db;
  const query = async <R extends object>(sql: string, params: unknown[] = []) =>
    (await pool.query<R>(sql, params)).rows;
  const changed = async (sql: string, params: unknown[]) => ((await pool.query(sql, params)).rowCount ?? 0) > 0;

  return {
    async createUser(user) {
      const inserted = await unlessTaken(() =>
        pool.query(
          'INSERT INTO users (id, email, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
          [user.id, user.email, user.displayName, user.passwordHash, Date.now()],
        ),
      );
      return inserted ? { id: user.id, email: user.email, displayName: user.displayName } : null;
    },
    async findUserByEmail(email) {
      const [row] = await query<UserRow>('SELECT id, email, display_name, password_hash FROM users WHERE email = $1', [
        email,
      ]);
      return row && { ...toUser(row), passwordHash: row.password_hash };
    },
    async setPasswordHash(userId, passwordHash) {
      await pool.query('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, userId]);
    },
    async addToken(tokenHash, userId, at) {
      await pool.query('INSERT INTO tokens (hash, user_id, created_at, last_used_at) VALUES ($1, $2, $3, $3)', [
        tokenHash,
        userId,
        at,
      ]);
    },
    async findUserByToken(tokenHash, usedSince) {
      const [row] = await query<UserRow & { last_used_at: string }>(
        `SELECT users.id, users.email, users.display_name, users.password_hash, tokens.last_used_at
         FROM tokens JOIN users ON users.id = tokens.user_id WHERE tokens.hash = $1 AND tokens.last_used_at >= $2`,
        [tokenHash, usedSince],
      );
      return row && { ...toUser(row), tokenLastUsedAt: Number(row.last_used_at) };
    },
    async touchToken(tokenHash, at) {
      await pool.query('UPDATE tokens SET last_used_at = greatest(last_used_at, $1) WHERE hash = $2', [at, tokenHash]);
    },
    async deleteToken(tokenHash) {
      return changed('DELETE FROM tokens WHERE hash = $1', [tokenHash]);
    },
    async purgeIdleTokens(usedBefore) {
      return (await pool.query('DELETE FROM tokens WHERE last_used_at < $1', [usedBefore])).rowCount ?? 0;
    },
    async takeAttempt(checks: AttemptCheck[], now: number): Promise<AttemptResult> {
      return db.transaction(async (client) => {
        // One lock per key (in a fixed order): processes checking the same key at once take turns.
        for (const key of [...new Set(checks.map((c) => c.key))].sort()) {
          await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCKS.attempts, key]);
        }
        let waitMs = 0;
        for (const { key, max, windowMs } of checks) {
          // Newest first: the attempt that brings the sum to `max` must leave the window before another is allowed.
          const { rows } = await client.query<{ at: string; weight: number }>(
            'SELECT at, weight FROM attempts WHERE key = $1 AND at > $2 ORDER BY at DESC, id DESC LIMIT $3',
            [key, now - windowMs, max],
          );
          let sum = 0;
          for (const attempt of rows) {
            sum += attempt.weight;
            if (sum >= max) {
              waitMs = Math.max(waitMs, Number(attempt.at) + windowMs - now);
              break;
            }
          }
        }
        if (waitMs > 0) return { waitMs };
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO attempts (key, at, weight) SELECT k, $1, w FROM unnest($2::text[], $3::int[]) WITH ORDINALITY AS t(k, w, n)
           ORDER BY n RETURNING id`,
          [now, checks.map((c) => c.key), checks.map((c) => c.weight ?? 1)],
        );
        return { waitMs: 0, ids: rows.map((r) => Number(r.id)) };
      });
    },
    async forgetAttempts(ids) {
      if (ids.length > 0) await pool.query('DELETE FROM attempts WHERE id = ANY($1)', [ids]);
    },
    async clearAttempts(key) {
      await pool.query('DELETE FROM attempts WHERE key = $1', [key]);
    },
    async purgeAttempts(before) {
      await pool.query('DELETE FROM attempts WHERE at < $1', [before]);
    },
    async createWorkspace(workspace, ownerId) {
      return unlessTaken(() =>
        db.transaction(async (client) => {
          const now = Date.now();
          await client.query('INSERT INTO workspaces (id, name, invite_code, created_at) VALUES ($1, $2, $3, $4)', [
            workspace.id,
            workspace.name,
            workspace.inviteCode,
            now,
          ]);
          await client.query(
            "INSERT INTO members (workspace_id, user_id, role, joined_at) VALUES ($1, $2, 'owner', $3)",
            [workspace.id, ownerId, now],
          );
        }),
      );
    },
    async findWorkspaceByInviteCode(inviteCode) {
      const [row] = await query<WorkspaceRow>('SELECT id, name, invite_code FROM workspaces WHERE invite_code = $1', [
        inviteCode,
      ]);
      return row && toWorkspace(row);
    },
    async findMembership(workspaceId, userId) {
      const [row] = await query<MembershipRow>(
        `SELECT w.id, w.name, w.invite_code, m.role FROM members m JOIN workspaces w ON w.id = m.workspace_id
         WHERE m.workspace_id = $1 AND m.user_id = $2`,
        [workspaceId, userId],
      );
      return row && toMembership(row);
    },
    async listMemberships(userId) {
      const rows = await query<MembershipRow>(
        `SELECT w.id, w.name, w.invite_code, m.role FROM members m JOIN workspaces w ON w.id = m.workspace_id
         WHERE m.user_id = $1 ORDER BY m.joined_at, m.position`,
        [userId],
      );
      return rows.map(toMembership);
    },
    async listMembers(workspaceId) {
      return query<Member>(
        `SELECT u.id, u.display_name AS "displayName", m.role FROM members m JOIN users u ON u.id = m.user_id
         WHERE m.workspace_id = $1 ORDER BY m.role = 'owner' DESC, m.joined_at, m.position`,
        [workspaceId],
      );
    },
    async addMember(workspaceId, userId) {
      return changed(
        `INSERT INTO members (workspace_id, user_id, role, joined_at) VALUES ($1, $2, 'member', $3)
         ON CONFLICT (workspace_id, user_id) DO NOTHING`,
        [workspaceId, userId, Date.now()],
      );
    },
    async removeMember(workspaceId, userId) {
      return changed("DELETE FROM members WHERE workspace_id = $1 AND user_id = $2 AND role <> 'owner'", [
        workspaceId,
        userId,
      ]);
    },
    async setInviteCode(workspaceId, inviteCode) {
      return unlessTaken(() =>
        pool.query('UPDATE workspaces SET invite_code = $1 WHERE id = $2', [inviteCode, workspaceId]),
      );
    },
    async broadcast(notice) {
      // Small payloads (ids and a token hash), far below NOTIFY's 8000 bytes.
      await pool.query('SELECT pg_notify($1, $2)', [
        db.channel('accounts'),
        JSON.stringify({ from: db.processId, ...notice }),
      ]);
    },
    onBroadcast(listener) {
      return db.listen('accounts', (payload) => {
        const { from, ...notice } = JSON.parse(payload) as AccountNotice & { from: string };
        if (from !== db.processId) listener(notice as AccountNotice);
      });
    },
    async close() {
      // The connection is shared with the other stores; its owner closes it.
    },
  };
}

/** Runs an insert or update; false when it broke a UNIQUE constraint (email, invite code). */
async function unlessTaken(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === '23505') return false;
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
