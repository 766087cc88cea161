import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { MIGRATIONS } from './migrations.ts';

/**
 * One server process's link to PostgreSQL: a pool for queries, and one
 * dedicated connection that LISTENs for what the other processes announce
 * (new writes, account changes). Everything lives in one schema (`public`
 * unless told otherwise; the tests give each server a schema of its own).
 */
export interface PgConnection {
  pool: pg.Pool;
  /** Quoted schema name, for channel names and lock keys. */
  schema: string;
  /** This process, so that it can tell its own announcements from the others'. */
  processId: string;
  /** The channel a notice goes to (schema-specific, so that two schemas never hear each other). */
  channel(topic: Topic): string;
  /** Calls `listener` with each payload published on `topic` by any process (this one included). */
  listen(topic: Topic, listener: (payload: string) => void): () => void;
  /** Called whenever the listening connection came back after a loss: notices may have been missed. */
  onReconnect(listener: () => void): () => void;
  /** Runs `work` in a transaction (BEGIN … COMMIT, ROLLBACK on error). */
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type Topic = 'documents' | 'accounts';

/** Advisory lock keys (first half of the two-int key; the second is the schema's hash). */
export const LOCKS = {
  migrations: 7301,
  writes: 7302,
  library: 7303,
  /** Second half: hashtext of the rate-limit key. */
  attempts: 7304,
  /** Second half: hashtext of the user id (blob quota). */
  blobQuota: 7305,
  /** Second half: hashtext of the stream slot (`u:<user id>` or `a:<address>`). */
  streams: 7306,
} as const;

export interface PgOptions {
  url: string;
  /** A schema of its own (tests); `public` when absent. */
  schema?: string;
  /** Pool size per process [PG_POOL_SIZE=10]. */
  poolSize?: number;
}

const RECONNECT_MS = [100, 500, 1000, 2000, 5000];

/** Connects, creates the schema when asked, runs the migrations (once, whoever starts first) and starts listening. */
export async function connectPostgres(options: PgOptions): Promise<PgConnection> {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const config: pg.PoolConfig = {
    connectionString: options.url,
    max: options.poolSize ?? Number(process.env.PG_POOL_SIZE ?? 10),
    options: `-c search_path=${schema}`,
    application_name: 'innovation-territoriale',
  };
  const pool = new pg.Pool(config);
  // An idle client losing its connection must not take the process down; the next query reconnects.
  pool.on('error', (error) => console.error('postgres: idle connection lost', error.message));
  if (schema !== 'public') await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await migrate(pool, schema);

  const listeners = new Map<string, Set<(payload: string) => void>>();
  const reconnectListeners = new Set<() => void>();
  const channel = (topic: Topic) => `it_${topic}_${schema}`;
  let listener: pg.Client | undefined;
  let closed = false;
  let attempt = 0;

  const connectListener = async (): Promise<void> => {
    const client = new pg.Client(config);
    client.on('notification', (message) => {
      for (const fn of listeners.get(message.channel) ?? []) fn(message.payload ?? '');
    });
    client.on('error', () => {
      // Reconnection is handled on 'end'.
    });
    client.on('end', () => {
      if (closed) return;
      listener = undefined;
      scheduleReconnect();
    });
    await client.connect();
    for (const topic of ['documents', 'accounts'] as Topic[]) await client.query(`LISTEN ${channel(topic)}`);
    listener = client;
  };
  const scheduleReconnect = () => {
    const delay = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)]!;
    attempt += 1;
    setTimeout(() => {
      if (closed) return;
      connectListener().then(
        () => {
          attempt = 0;
          for (const fn of reconnectListeners) fn();
        },
        () => scheduleReconnect(),
      );
    }, delay).unref();
  };
  await connectListener();

  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  return {
    pool,
    schema,
    processId: randomUUID(),
    channel,
    listen(topic, fn) {
      const name = channel(topic);
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(fn);
      return () => set.delete(fn);
    },
    onReconnect(fn) {
      reconnectListeners.add(fn);
      return () => reconnectListeners.delete(fn);
    },
    transaction,
    async close() {
      closed = true;
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}

/**
 * Applies the migrations not yet recorded, each in its own transaction,
 * under an advisory lock: processes starting together wait for the first
 * one, then find everything applied.
 */
async function migrate(pool: pg.Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCKS.migrations, schema]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const applied = new Set(
        (await client.query<{ name: string }>('SELECT name FROM migrations')).rows.map((r) => r.name),
      );
      for (const [name, sql] of MIGRATIONS) {
        if (applied.has(name)) continue;
        await client.query('BEGIN');
        try {
          await client.query(sql);
          await client.query('INSERT INTO migrations (name) VALUES ($1)', [name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCKS.migrations, schema]);
    }
  } finally {
    client.release();
  }
}
