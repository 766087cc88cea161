/**
 * The PostgreSQL schema, as named migrations applied in order and recorded
 * in the `migrations` table (see connection.ts). Never edit one that has
 * shipped: add the next. The tables mirror the SQLite ones (store/sqlite.ts,
 * accounts/sqlite.ts), plus the blobs' bytes, which live in the database so
 * that any process on any machine can serve them.
 */
export const MIGRATIONS: [name: string, sql: string][] = [
  [
    'documents-1',
    `CREATE SEQUENCE document_seq;
     CREATE TABLE documents (
       collection text NOT NULL,
       id text NOT NULL,
       seq bigint NOT NULL UNIQUE,
       body text NOT NULL,
       hash text NOT NULL,
       written_at bigint NOT NULL,
       owner_id text,
       workspace_id text,
       rev text,
       PRIMARY KEY (collection, id)
     );
     CREATE INDEX documents_by_seq ON documents (collection, seq);
     CREATE INDEX documents_by_owner ON documents (collection, owner_id, seq);
     CREATE INDEX documents_by_workspace ON documents (collection, workspace_id, seq);`,
  ],
  [
    'blobs-1',
    `CREATE TABLE blob_uploads (
       sha256 text NOT NULL,
       user_id text NOT NULL,
       type text NOT NULL,
       bytes integer NOT NULL,
       created_at bigint NOT NULL,
       PRIMARY KEY (sha256, user_id)
     );
     CREATE TABLE blob_refs (
       collection text NOT NULL,
       doc_id text NOT NULL,
       sha256 text NOT NULL,
       added_by text,
       PRIMARY KEY (collection, doc_id, sha256)
     );
     CREATE INDEX blob_refs_by_sha256 ON blob_refs (sha256);
     CREATE TABLE blob_bytes (
       sha256 text PRIMARY KEY,
       bytes bytea NOT NULL,
       created_at bigint NOT NULL
     );`,
  ],
  [
    'accounts-1',
    `CREATE TABLE users (
       id text PRIMARY KEY,
       email text NOT NULL UNIQUE,
       display_name text NOT NULL,
       password_hash text NOT NULL,
       created_at bigint NOT NULL
     );
     CREATE TABLE tokens (
       hash text PRIMARY KEY,
       user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
       created_at bigint NOT NULL
     );
     CREATE INDEX tokens_by_user ON tokens (user_id);
     CREATE TABLE workspaces (
       id text PRIMARY KEY,
       name text NOT NULL,
       invite_code text NOT NULL UNIQUE,
       created_at bigint NOT NULL
     );
     CREATE TABLE members (
       workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
       user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
       role text NOT NULL CHECK (role IN ('owner', 'member')),
       joined_at bigint NOT NULL,
       position bigint GENERATED ALWAYS AS IDENTITY,
       PRIMARY KEY (workspace_id, user_id)
     );
     CREATE INDEX members_by_user ON members (user_id);`,
  ],
  [
    // Idle tokens expire; rate-limit attempts shared by every process; the health check's write; blob quotas.
    'limits-1',
    `ALTER TABLE tokens ADD COLUMN last_used_at bigint NOT NULL DEFAULT 0;
     UPDATE tokens SET last_used_at = created_at;
     CREATE INDEX tokens_by_last_use ON tokens (last_used_at);
     CREATE TABLE attempts (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       key text NOT NULL,
       at bigint NOT NULL,
       weight integer NOT NULL DEFAULT 1
     );
     CREATE INDEX attempts_by_key ON attempts (key, at);
     CREATE INDEX attempts_by_time ON attempts (at);
     CREATE TABLE health_probe (id integer PRIMARY KEY CHECK (id = 1), at bigint NOT NULL);
     CREATE INDEX blob_uploads_by_user ON blob_uploads (user_id);`,
  ],
  [
    // Open streams counted across processes (replication/stream-slots-postgres.ts).
    'streams-1',
    `CREATE TABLE open_streams (
       id text PRIMARY KEY,
       slot text NOT NULL,
       lease_until bigint NOT NULL
     );
     CREATE INDEX open_streams_by_slot ON open_streams (slot, lease_until);
     CREATE INDEX open_streams_by_lease ON open_streams (lease_until);`,
  ],
];
