import { BehaviorSubject, distinctUntilChanged, type Observable } from 'rxjs';

/**
 * Whether the sync server can be reached, learnt from the requests
 * themselves. `navigator.onLine` only says a network interface is up: a
 * phone on a village hall's Wi-Fi with no internet, or any browser whose
 * server has stopped, says « online » while nothing gets through. So every
 * request to the server goes through `serverFetch`: one that gets an
 * answer means reachable, one that fails for want of a network (or gets a
 * gateway's 502/503/504) means unreachable. While unreachable, the server's
 * health is asked now and then, and at once when the browser reports a
 * network again.
 */
export interface Reachability {
  readonly reachable$: Observable<boolean>;
  readonly reachable: boolean;
  /** fetch, noting what the request says about the network. */
  fetch: typeof fetch;
  /** Asks the server's health now (a probe); resolves to whether it answered. */
  probe(): Promise<boolean>;
}

const GATEWAY_FAILURES = new Set([502, 503, 504]);

export function createReachability(options: {
  fetch: typeof fetch;
  healthUrl: string;
  probeEveryMs: number;
  initial: boolean;
}): Reachability & { setReachable(value: boolean): void } {
  const state$ = new BehaviorSubject(options.initial);
  let timer: ReturnType<typeof setInterval> | undefined;
  const setReachable = (value: boolean) => {
    if (value === state$.value) return;
    state$.next(value);
    clearInterval(timer);
    timer = value ? undefined : setInterval(() => void probe(), options.probeEveryMs);
  };
  const tracked: typeof fetch = async (input, init) => {
    let response: Response;
    try {
      response = await options.fetch(input, init);
    } catch (error) {
      // An abort is the page's own doing, and says nothing about the network.
      if (!(error instanceof DOMException && error.name === 'AbortError') && !init?.signal?.aborted) {
        setReachable(false);
      }
      throw error;
    }
    setReachable(!GATEWAY_FAILURES.has(response.status));
    return response;
  };
  const probe = async () => {
    try {
      await tracked(options.healthUrl, { cache: 'no-store' });
    } catch {
      // noted as unreachable
    }
    return state$.value;
  };
  if (!options.initial) timer = setInterval(() => void probe(), options.probeEveryMs);
  return {
    reachable$: state$.pipe(distinctUntilChanged()),
    get reachable() {
      return state$.value;
    },
    fetch: tracked,
    probe,
    setReachable,
  };
}

const PROBE_EVERY_MS = 15_000;

function browserReachability(): Reachability {
  const reachability = createReachability({
    fetch: (input, init) => globalThis.fetch(input, init),
    healthUrl: '/api/v1/health',
    probeEveryMs: PROBE_EVERY_MS,
    initial: navigator.onLine,
  });
  // The browser knows for sure when it has no network at all; its « online » is only a hint.
  window.addEventListener('offline', () => reachability.setReachable(false));
  window.addEventListener('online', () => void reachability.probe());
  return reachability;
}

/** The page's one view of the network; undefined outside a browser (tests pass their own fetch). */
export const network: Reachability | undefined = typeof window === 'undefined' ? undefined : browserReachability();

/** fetch for requests to our server: through the page's reachability when there is one. */
export const serverFetch: typeof fetch = (input, init) =>
  network ? network.fetch(input, init) : globalThis.fetch(input, init);
