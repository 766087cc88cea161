import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'sync-server/**/*.test.ts', 'tests/sync/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
