import { useCallback, useEffect, useMemo, useState } from 'react';
import { asApiError, type ApiError } from '../../db/remote/account-api.ts';

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export interface Remote<T> {
  /** The last answer for the current inputs; kept while `reload` asks again. */
  outcome?: Outcome<T>;
  loading: boolean;
  reload(): void;
}

/** Runs `load` when its inputs change (like useMemo's deps) and on `reload`; never rejects. */
export function useRemote<T>(load: () => Promise<T>, deps: unknown[]): Remote<T> {
  // The caller lists what `load` depends on, as with useMemo itself.
  // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo
  const loader = useMemo(() => load, deps);
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<{ loader: () => Promise<T>; attempt: number; outcome: Outcome<T> }>();
  useEffect(() => {
    let current = true;
    loader().then(
      (data) => current && setSettled({ loader, attempt, outcome: { ok: true, data } }),
      (error: unknown) => current && setSettled({ loader, attempt, outcome: { ok: false, error: asApiError(error) } }),
    );
    return () => {
      current = false;
    };
  }, [loader, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const same = settled?.loader === loader;
  return { outcome: same ? settled.outcome : undefined, loading: !same || settled.attempt !== attempt, reload };
}
