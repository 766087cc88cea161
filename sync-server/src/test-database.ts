import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { inject } from 'vitest';
import { openServerDatabase, type DatabaseOptions, type ServerDatabase } from './database.ts';

/**
 * The database the server tests run against: SQLite in the `sqlite` test
 * project, the throwaway PostgreSQL of the `postgres` project (see
 * vitest.config.ts), where each test database is a schema of its own.
 */
export interface TestDatabaseConfig {
  dataDir: string;
  databaseUrl?: string;
  schema?: string;
}

export function testDatabaseConfig(dataDir: string): TestDatabaseConfig {
  const databaseUrl = inject('databaseUrl');
  return databaseUrl ? { dataDir, databaseUrl, schema: `t_${randomBytes(6).toString('hex')}` } : { dataDir };
}

export function openTestDatabase(
  config: TestDatabaseConfig,
  options: Pick<DatabaseOptions, 'pgStore'> = {},
): Promise<ServerDatabase> {
  return openServerDatabase({ ...config, poolSize: 4, ...options });
}

/** Every row of a table, as the test database holds it (to check what is stored, and what is not). */
export async function readTable(config: TestDatabaseConfig, table: string): Promise<Record<string, unknown>[]> {
  return withTestConnection(config, {
    sqlite: (db) => db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[],
    postgres: async (client) => (await client.query(`SELECT * FROM "${table}"`)).rows,
  });
}

/** The names of the tables of the test database. */
export async function listTables(config: TestDatabaseConfig): Promise<string[]> {
  return withTestConnection(config, {
    sqlite: (db) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
    postgres: async (client) =>
      (
        await client.query<{ name: string }>(
          'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()',
        )
      ).rows.map((r) => r.name),
  });
}

async function withTestConnection<T>(
  config: TestDatabaseConfig,
  use: { sqlite: (db: Database.Database) => T; postgres: (client: pg.Client) => Promise<T> },
): Promise<T> {
  if (!config.databaseUrl) {
    const db = new Database(join(config.dataDir, 'app.sqlite'), { readonly: true });
    try {
      return use.sqlite(db);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: config.databaseUrl, options: `-c search_path=${config.schema}` });
  await client.connect();
  try {
    return await use.postgres(client);
  } finally {
    await client.end();
  }
}

/** True in the `postgres` test project. */
export function usesPostgres(): boolean {
  return inject('databaseUrl') !== undefined;
}
