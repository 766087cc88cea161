import { startTransition, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Observable } from 'rxjs';
import { network } from '../network.ts';

/**
 * Subscribes to an observable for the component's life; `undefined` until its first value.
 * Each value renders as a transition: React renders it in slices and yields to the browser in
 * between, where an ordinary update would render the whole screen in one long task.
 */
export function useObservable<T>(factory: () => Observable<T> | undefined, deps: unknown[]): T | undefined {
  // The caller lists what the observable depends on, as with useMemo itself.
  // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo
  const source = useMemo(factory, deps);
  const [state, setState] = useState<{ source: Observable<T>; value: T }>();
  useEffect(() => {
    const subscription = source?.subscribe((value) => startTransition(() => setState({ source, value })));
    return () => subscription?.unsubscribe();
  }, [source]);
  return state && state.source === source ? state.value : undefined;
}

function subscribeReachable(callback: () => void): () => void {
  const subscription = network?.reachable$.subscribe(callback);
  return () => subscription?.unsubscribe();
}

/** Whether the server can be reached: what the requests say, not only `navigator.onLine` (see db/network.ts). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeReachable,
    () => network?.reachable ?? true,
    () => true,
  );
}
