/**
 * Lets the browser run what waits (input, painting, other tasks) before the
 * next piece of a long piece of work: `scheduler.yield()` where the browser
 * has it (the rest of the work keeps its place in the queue), a new task
 * otherwise.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
