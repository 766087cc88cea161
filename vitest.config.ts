import { defineConfig } from 'vitest/config';

/** The server's tests, run a second time against PostgreSQL (a throwaway cluster, see tests/postgres). */
const SERVER_TESTS = ['sync-server/**/*.test.ts', 'tests/sync/**/*.test.ts'];
/** Server tests that never touch the database: once is enough. */
const STORE_FREE = [
  'sync-server/src/accounts/{events,input,invite-codes,passwords,tokens}.test.ts',
  'sync-server/src/blobs/refs.test.ts',
  'sync-server/src/library/{content,glossary-links,parse,typography}.test.ts',
  'sync-server/src/json-depth.test.ts',
];
/**
 * The server process on a SQLite data folder (full or read-only disk), the SQLite group commit, the feed's timing, and the chaos run (it starts
 * and kill -9s its own server process on a SQLite data folder): SQLite only.
 */
const SQLITE_ONLY = [
  'sync-server/src/server-process.test.ts',
  'sync-server/src/store/group-commit.test.ts',
  'sync-server/src/replication/feed.test.ts',
  'tests/sync/chaos.test.ts',
];
/** Tests that need several server processes on one database: PostgreSQL only. */
const POSTGRES_ONLY = ['sync-server/**/*.pg.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', ...SERVER_TESTS],
          exclude: POSTGRES_ONLY,
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [...SERVER_TESTS],
          exclude: [...STORE_FREE, ...SQLITE_ONLY],
          globalSetup: ['tests/postgres/global-setup.ts'],
        },
      },
    ],
  },
});
