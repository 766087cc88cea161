/**
 * What the bench must undo if it is stopped midway (Ctrl-C, SIGTERM from a
 * timeout or CI): servers and browsers it started. Each starter registers a
 * cleanup and removes it once it has stopped its process itself;
 * bench/run.ts runs those left when a signal arrives, then writes its results.
 */
const cleanups = new Set<() => unknown>();

/** Registers `cleanup` (sync or async); returns the function that unregisters it. */
export function onInterrupt(cleanup: () => unknown): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Runs every registered cleanup, at most `timeoutMs` in all. */
export async function cleanUpAll(timeoutMs: number): Promise<void> {
  const pending = [...cleanups].map(async (cleanup) => {
    try {
      await cleanup();
    } catch {
      // best effort: the process is stopping
    }
  });
  cleanups.clear();
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([Promise.all(pending), new Promise((done) => (timer = setTimeout(done, timeoutMs)))]);
  clearTimeout(timer);
}
