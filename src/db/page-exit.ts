/**
 * Stands in for the `unload` package (see vite.config.ts), which
 * broadcast-channel, inside RxDB, uses to let go of its leadership between
 * tabs when a page closes. That package listens to the page's `unload`
 * event: a deprecated event whose mere listener keeps the page out of the
 * browser's back/forward cache. Same API here, on `pagehide`: its callbacks
 * run when the page is really discarded (`persisted` false), and a page
 * kept in the back/forward cache keeps its leadership for when it returns.
 */
type Callback = () => unknown;

const callbacks = new Set<Callback>();
let listening = false;

function listen(): void {
  if (listening || typeof window === 'undefined' || typeof window.addEventListener !== 'function') return;
  listening = true;
  window.addEventListener('pagehide', (event) => {
    if (!event.persisted) void runAll();
  });
}

export function add(fn: Callback): { remove: () => boolean; run: () => unknown } {
  if (typeof fn !== 'function') throw new Error('Listener is no function');
  listen();
  callbacks.add(fn);
  return {
    remove: () => callbacks.delete(fn),
    run: () => {
      callbacks.delete(fn);
      return fn();
    },
  };
}

export function runAll(): Promise<unknown[]> {
  const results = [...callbacks].map((fn) => fn());
  callbacks.clear();
  return Promise.all(results);
}

export function removeAll(): void {
  callbacks.clear();
}

export function getSize(): number {
  return callbacks.size;
}
