import type { TestProject } from 'vitest/node';
import { startPostgres } from './cluster.ts';

/** The `postgres` test project: one throwaway cluster for the whole run; each test server takes a schema of its own. */
export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPostgres();
  project.provide('databaseUrl', cluster.url);
  return () => cluster.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string | undefined;
  }
}
