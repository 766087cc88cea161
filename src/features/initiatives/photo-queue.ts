import { BehaviorSubject, Subscription, type Observable } from 'rxjs';
import type { PhotoFailure, PhotoStore } from '../../db/photo-store.ts';
import type { Session } from '../../db/session.ts';
import { network, serverFetch } from '../../db/network.ts';

/**
 * Sends the photos of recorded initiatives to the server (PUT
 * /api/v1/blobs/:sha256), one at a time, while someone is signed in and the
 * network is there. A network failure or a server error (5xx) is tried again
 * later, longer and longer apart; coming back online tries at once. A refusal
 * for good (400, 413, 415) is written on the photo, with a French reason the
 * initiative shows; the initiative itself stays as it is.
 */

export interface UploadProgress {
  /** Photos sent in this round. */
  done: number;
  /** Photos of this round: sent, and waiting. */
  total: number;
  /** The next try waits (no network, or the server did not answer). */
  waiting: boolean;
  /** The server no longer knows the session: sign in again to send. */
  signInNeeded: boolean;
}

export interface PhotoQueueOptions {
  store: () => Promise<PhotoStore>;
  /** Hashes of the photos of recorded initiatives (some may be sent already). */
  wanted: () => Promise<string[]>;
  fetch?: typeof fetch;
  baseUrl?: string;
  online?: () => boolean;
  /** Delay before try number `attempt` (1, 2, …) after a failure. */
  retryDelay?: (attempt: number) => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const MAX_DELAY_MS = 5 * 60_000;

/** 2 s, 4 s, 8 s… up to 5 min, with some jitter so that many devices do not retry together. */
export function defaultRetryDelay(attempt: number): number {
  const base = Math.min(MAX_DELAY_MS, 2000 * 2 ** (attempt - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

/** The French reason shown on the initiative for a refusal that trying again would not change. */
export function refusalMessage(status: number, code: string | undefined): string | undefined {
  if (status === 413 || code === 'too_large') {
    return 'Photo refusée par le serveur : elle dépasse 5 Mo. Retirez-la de l’initiative et ajoutez-en une plus légère.';
  }
  if (status === 415 || code === 'unsupported_type') {
    return 'Photo refusée par le serveur : ce n’est pas une image JPEG, PNG ou WebP valide. Retirez-la et ajoutez-la de nouveau.';
  }
  if (status === 400) {
    return 'Photo refusée par le serveur : elle a été abîmée sur l’appareil (son contenu ne correspond plus à son empreinte). Retirez-la et ajoutez-la de nouveau.';
  }
  return undefined;
}

type Outcome = 'sent' | 'refused' | 'retry' | 'unauthenticated';

export class PhotoUploadQueue {
  readonly progress$ = new BehaviorSubject<UploadProgress>({ done: 0, total: 0, waiting: false, signInNeeded: false });
  private session: Session | null = null;
  private running = false;
  private again = false;
  private attempt = 0;
  private retryTimer: unknown;
  private done = 0;
  private readonly fetch: typeof fetch;
  private readonly online: () => boolean;
  private readonly retryDelay: (attempt: number) => number;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly baseUrl: string;
  /** Subscriptions kept while signed in (changes of the initiatives). */
  private following = new Subscription();

  constructor(private readonly options: PhotoQueueOptions) {
    this.fetch = options.fetch ?? serverFetch;
    this.online = options.online ?? (() => network?.reachable ?? navigator.onLine);
    this.retryDelay = options.retryDelay ?? defaultRetryDelay;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
    this.baseUrl = options.baseUrl ?? '';
  }

  /** Starts sending for this session; stops with null. `triggers` kick the queue (new recordings) while signed in. */
  follow(session: Session | null, triggers: Observable<unknown>[] = []): void {
    if (session?.token === this.session?.token) return;
    this.session = session;
    this.following.unsubscribe();
    this.following = new Subscription();
    this.clearRetry();
    this.attempt = 0;
    this.publish({ signInNeeded: false });
    if (!session) return;
    for (const trigger of triggers) {
      this.following.add(trigger.subscribe({ next: () => this.kick(), error: () => undefined }));
    }
    this.kick();
  }

  /** The network came back: try now, whatever the backoff said. */
  resume(): void {
    this.clearRetry();
    this.attempt = 0;
    this.kick();
  }

  /** Looks for photos to send; one run at a time (a kick during a run makes it look again). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.retryTimer !== undefined) return; // waiting for the next try
    this.running = true;
    void this.run()
      .catch(() => this.retryLater()) // the photo store could not be read: later
      .finally(() => {
        this.running = false;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when no run is going on (tests). */
  async idle(): Promise<void> {
    while (this.running) await new Promise((resolve) => setTimeout(resolve, 1));
  }

  private async run(): Promise<void> {
    const store = await this.options.store();
    for (;;) {
      const session = this.session;
      if (!session || !this.online()) {
        this.publish({ waiting: Boolean(session) });
        return;
      }
      const pending = await this.pending(store);
      this.publish({ total: this.done + pending.length, waiting: false });
      const next = pending[0];
      if (!next) {
        this.done = 0;
        this.publish({ total: 0 });
        return;
      }
      const outcome = await this.send(store, next, session);
      if (session !== this.session) return; // signed out meanwhile
      if (outcome === 'sent' || outcome === 'refused') {
        this.attempt = 0;
        if (outcome === 'sent') this.done++;
        this.publish({});
        continue;
      }
      if (outcome === 'unauthenticated') {
        this.publish({ signInNeeded: true, waiting: true });
        return;
      }
      this.retryLater();
      return;
    }
  }

  private retryLater(): void {
    this.attempt++;
    this.publish({ waiting: true });
    this.clearRetry();
    this.retryTimer = this.setTimer(() => {
      this.retryTimer = undefined;
      this.kick();
    }, this.retryDelay(this.attempt));
  }

  private async pending(store: PhotoStore): Promise<string[]> {
    const wanted = new Set(await this.options.wanted());
    const infos = await store.list();
    return infos
      .filter((info) => wanted.has(info.sha256) && !info.uploaded && !info.failure)
      .sort((a, b) => a.savedAt - b.savedAt)
      .map((info) => info.sha256);
  }

  private async send(store: PhotoStore, sha256: string, session: Session): Promise<Outcome> {
    const photo = await store.get(sha256);
    if (!photo) {
      // Its description without its bytes: nothing to send, ever.
      await store.remove(sha256);
      return 'refused';
    }
    let response: Response;
    try {
      response = await this.fetch(`${this.baseUrl}/api/v1/blobs/${sha256}`, {
        method: 'PUT',
        headers: { 'content-type': photo.type, authorization: `Bearer ${session.token}` },
        body: photo.bytes,
        cache: 'no-store',
      });
    } catch {
      return 'retry';
    }
    if (response.ok) {
      await store.markUploaded(sha256);
      return 'sent';
    }
    if (response.status === 401) return 'unauthenticated';
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    const message = refusalMessage(response.status, body.error);
    if (message) {
      const failure: PhotoFailure = { status: response.status, message };
      await store.markFailed(sha256, failure);
      return 'refused';
    }
    return 'retry';
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) this.clearTimer(this.retryTimer);
    this.retryTimer = undefined;
  }

  private publish(patch: Partial<UploadProgress>): void {
    this.progress$.next({ ...this.progress$.value, done: this.done, ...patch });
  }
}
