import { BehaviorSubject, combineLatest, filter, merge, skip, Subscription } from 'rxjs';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { collectionOptions, type AppDatabase } from '../database.ts';
import { network } from '../network.ts';
import { checkGroupAccess } from '../replication/group-access.ts';
import { replicateInbox } from '../replication/inbox.ts';
import { replicateUserCollections, SyncRefused, type UserReplicationOptions } from '../replication/user.ts';
import { forgetSession, watchSession, type Session } from '../session.ts';
import { newRev } from '../ids.ts';
import { clearOutbox, recordWrite, settleOutbox, watchOutbox } from '../outbox.ts';
import { forgetScreenSnapshots } from '../screen-snapshots.ts';
import { findCollection, USER_COLLECTIONS } from '../../model/collections.ts';

export type SyncState = 'signed-out' | 'offline' | 'syncing' | 'up-to-date' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** Changes made on this device that the server does not have yet. */
  pending: number;
  lastSyncAt?: number;
  /** Why the server refused, in French. */
  error?: string;
  /** The server no longer speaks this build's schemas (426): only an update of the app syncs again. */
  upgradeRequired?: boolean;
}

const PERIODIC_MS = 2 * 60_000;
const UPGRADE_REQUIRED = 'cette version de l’application est trop ancienne ; mettez-la à jour.';

/**
 * What the app adds to the sync, so that the engine knows no feature: the
 * initiatives' photo queue follows the session, their drafts go with a wipe.
 */
export interface SyncHooks {
  /** Called with each new session, `null` once signed out. */
  onSession?(db: AppDatabase, session: Session | null): void;
  /** Called when signing out wipes the device: what a feature keeps beside the collections. */
  onWipe?(db: AppDatabase): Promise<void>;
}

/** The browser as the engine sees it; a test gives its own. */
export interface SyncEnvironment {
  online(): boolean;
  /** Calls `callback` when the network returns and when the app comes back to the foreground. */
  onWake(callback: () => void): void;
  onOffline(callback: () => void): void;
  every(ms: number, callback: () => void): void;
  /** Where and how the replication calls the server (the page's own origin and fetch by default). */
  replication?: UserReplicationOptions;
}

/**
 * The network as the requests themselves tell it (db/network.ts), not
 * navigator.onLine alone: « online » on a Wi-Fi with no way to the server
 * is offline here.
 */
export function browserEnvironment(): SyncEnvironment {
  return {
    online: () => network?.reachable ?? navigator.onLine,
    onWake(callback) {
      network?.reachable$.pipe(skip(1), filter(Boolean)).subscribe(callback);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') callback();
      });
    },
    onOffline: (callback) => network?.reachable$.pipe(filter((reachable) => !reachable)).subscribe(callback),
    every: (ms, callback) => void setInterval(callback, ms),
  };
}

/**
 * Runs the sync of the user's data for the page: replication of the user
 * collections while someone is signed in, the inbox always; triggered on
 * start, when the network returns, when the app comes back to the
 * foreground, on a timer and on demand; and its status for the screen.
 */
export class SyncEngine {
  readonly status$ = new BehaviorSubject<SyncStatus>({ state: 'signed-out', pending: 0 });
  private replications: RxReplicationState<unknown, unknown>[] = [];
  /** Started once something waits in the inbox: a first visit pays nothing for it. */
  private inbox: RxReplicationState<unknown, unknown> | undefined;
  private session: Session | null = null;
  private activity = new Subscription();
  private active = false;
  private error: string | undefined;
  /** Kept until the page runs another build: retrying cannot change a 426. */
  private upgradeRequired = false;
  private pending = 0;
  private lastSyncAt: number | undefined;
  /** One check of the user's groups at a time; a request during one runs it again after. */
  private accessCheck: Promise<void> | undefined;
  private accessCheckAgain = false;

  constructor(
    private readonly db: AppDatabase,
    private readonly env: SyncEnvironment,
    private readonly hooks: SyncHooks = {},
  ) {
    watchSession(db).subscribe((session) => void this.onSession(session));
    watchOutbox(db).subscribe((pending) => {
      this.pending = pending.length;
      if (!this.inbox && pending.some((key) => key.startsWith('feedback/'))) {
        this.inbox = replicateInbox(db, 'feedback');
      }
      this.publish();
    });
    const trigger = () => void this.syncNow().catch(() => undefined);
    env.onWake(trigger);
    env.onOffline(() => this.publish());
    env.every(PERIODIC_MS, trigger);
  }

  /** "Synchroniser maintenant": pull again and send what waits; resolves when done. */
  async syncNow(): Promise<void> {
    // The network is back, or the app: the user's groups may have changed meanwhile.
    if (this.session) this.checkGroups(this.session);
    const all = [...this.replications, ...(this.inbox ? [this.inbox] : [])];
    all.forEach((r) => r.reSync());
    await Promise.all(all.map((r) => r.awaitInSync()));
  }

  /**
   * Signing out on a shared device: stops syncing and removes the user's
   * private data from this device (the library stays).
   */
  async signOutAndWipe(): Promise<void> {
    await this.stopReplications();
    for (const { name } of USER_COLLECTIONS) {
      await this.db.collections[name].remove();
      await this.db.addCollections({ [name]: collectionOptions(findCollection(name)!) } as never);
    }
    await this.hooks.onWipe?.(this.db);
    await clearOutbox(this.db);
    await forgetSession(this.db);
    // What the screens showed (their markup kept for the next visit) had the user's data in it.
    forgetScreenSnapshots();
  }

  private async onSession(session: Session | null): Promise<void> {
    if (session?.token === this.session?.token) return;
    await this.stopReplications();
    this.session = session;
    this.hooks.onSession?.(this.db, session);
    await settleOutbox(this.db);
    if (session) {
      await attachDeviceDocuments(this.db, session.user.id);
      this.replications = replicateUserCollections(this.db, session, {
        ...this.env.replication,
        onResync: () => this.checkGroups(session),
      }) as RxReplicationState<unknown, unknown>[];
      this.watch(this.replications);
    }
    this.publish();
  }

  /**
   * Whenever the stream (re)connects or the server says the user's groups
   * changed, and at every « sync now » (network back, app back, timer): the documents of a group the user lost leave the device, except
   * the unsent changes (replication/group-access.ts).
   */
  private checkGroups(session: Session): void {
    if (this.accessCheck) {
      this.accessCheckAgain = true;
      return;
    }
    this.accessCheck = (async () => {
      do {
        this.accessCheckAgain = false;
        if (this.session !== session) return;
        const forget = await checkGroupAccess(this.db, session, this.env.replication).catch(() => false);
        if (forget && this.session === session) this.replications.forEach((r) => r.reSync());
      } while (this.accessCheckAgain);
    })().finally(() => (this.accessCheck = undefined));
  }

  private watch(replications: RxReplicationState<unknown, unknown>[]): void {
    this.activity.unsubscribe();
    this.activity = new Subscription();
    this.activity.add(
      combineLatest(replications.map((r) => r.active$)).subscribe((flags) => {
        const wasActive = this.active;
        this.active = flags.some(Boolean);
        if (wasActive && !this.active && !this.error) this.lastSyncAt = Date.now();
        this.publish();
      }),
    );
    this.activity.add(
      merge(...replications.map((r) => r.error$)).subscribe((error) => {
        const cause = (error as { parameters?: { errors?: unknown[] } }).parameters?.errors?.[0] ?? error;
        // RxDB hands over errors as plain JSON (name, message, code): not instances any more.
        if ((cause as { code?: unknown }).code === 'upgrade_required') this.upgradeRequired = true;
        this.error =
          (cause as { name?: unknown }).name === 'SyncRefused'
            ? (cause as SyncRefused).message
            : this.env.online()
              ? 'Le serveur ne répond pas ; nouvel essai sous peu.'
              : undefined;
        this.publish();
      }),
    );
    this.activity.add(
      merge(...replications.map((r) => r.received$), ...replications.map((r) => r.sent$)).subscribe(() => {
        this.error = undefined;
      }),
    );
  }

  private async stopReplications(): Promise<void> {
    this.activity.unsubscribe();
    await Promise.all(this.replications.map((r) => r.cancel()));
    this.replications = [];
    this.active = false;
  }

  private publish(): void {
    const base = {
      pending: this.pending,
      lastSyncAt: this.lastSyncAt,
      ...(this.upgradeRequired ? { upgradeRequired: true } : {}),
    };
    let state: SyncState;
    if (!this.session) state = 'signed-out';
    else if (!this.env.online()) state = 'offline';
    else if (this.error || this.upgradeRequired) state = 'error';
    else if (this.active || this.pending > 0) state = 'syncing';
    else state = 'up-to-date';
    const error = this.upgradeRequired ? UPGRADE_REQUIRED : this.error;
    this.status$.next({ ...base, state, error: state === 'error' ? error : undefined });
  }
}

/** Documents written before signing in belong to this device: they become the user's, and sync. */
async function attachDeviceDocuments(db: AppDatabase, userId: string): Promise<void> {
  const deviceOwner = await db.getLocal<{ id: string }>('device-owner');
  if (!deviceOwner) return;
  const deviceId = deviceOwner.toJSON().data.id;
  for (const { name } of USER_COLLECTIONS) {
    const docs = await db.collections[name].find({ selector: { ownerId: deviceId } }).exec();
    for (const doc of docs) {
      const rev = newRev();
      await recordWrite(db, name as 'annotations', { id: doc.primary, rev }, async () => {
        await doc.incrementalPatch({ ownerId: userId, rev, updatedAt: new Date().toISOString() } as never);
      });
    }
  }
}
