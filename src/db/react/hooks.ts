import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Observable } from 'rxjs';

/** Subscribes to an observable for the component's life; `undefined` until its first value. */
export function useObservable<T>(factory: () => Observable<T> | undefined, deps: unknown[]): T | undefined {
  // The caller lists what the observable depends on, as with useMemo itself.
  // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo
  const source = useMemo(factory, deps);
  const [state, setState] = useState<{ source: Observable<T>; value: T }>();
  useEffect(() => {
    const subscription = source?.subscribe((value) => setState({ source, value }));
    return () => subscription?.unsubscribe();
  }, [source]);
  return state && state.source === source ? state.value : undefined;
}

function subscribeOnline(callback: () => void): () => void {
  window.addEventListener('online', callback);
  window.addEventListener('offline', callback);
  return () => {
    window.removeEventListener('online', callback);
    window.removeEventListener('offline', callback);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}
