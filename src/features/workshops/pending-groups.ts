/**
 * A group asked for from the workshop form while offline. Creating a group
 * is the server's job (it gives the id and the invitation code), so the
 * request waits on the device, with the workshops that go in it; once the
 * server answers, the group is created and those workshops move into it.
 * Until then the workshop shows the group as waiting.
 */
import { combineLatest, filter, map, type Observable, type Subscription } from 'rxjs';
import type { AppDatabase } from '../../db/database.ts';
import { network } from '../../db/network.ts';
import { ApiError, createWorkspace, type Auth, type CreatedWorkspace } from '../../db/remote/account-api.ts';
import { rememberWorkspace } from '../../db/react/useWorkspaces.ts';
import type { Session } from '../../db/session.ts';
import { updateWorkshop } from './commands.ts';

export interface PendingGroup {
  /** The group's name, as typed (trimmed). */
  name: string;
  workshopIds: string[];
  askedAt: string;
  /** The server refused it (a name it does not accept): said on the workshop's page. */
  refusal?: string;
}

const KEY = 'workshop-pending-groups';
/** The server's limit for a group's name. */
export const GROUP_NAME_MAX = 80;

type Stored = { groups: PendingGroup[] };

export function watchPendingGroups(db: AppDatabase): Observable<PendingGroup[]> {
  return db.getLocal$<Stored>(KEY).pipe(map((doc) => (doc?.toJSON().data.groups ?? []) as PendingGroup[]));
}

async function readPending(db: AppDatabase): Promise<PendingGroup[]> {
  return ((await db.getLocal<Stored>(KEY))?.toJSON().data.groups ?? []) as PendingGroup[];
}

const queues = new WeakMap<AppDatabase, Promise<unknown>>();
/** One change at a time: a read-modify-write must not lose another's change. */
function change(db: AppDatabase, update: (groups: PendingGroup[]) => PendingGroup[]): Promise<void> {
  const next = (queues.get(db) ?? Promise.resolve()).then(async () => {
    const groups = update(await readPending(db)).filter((g) => g.workshopIds.length > 0);
    await db.upsertLocal(KEY, { groups: JSON.parse(JSON.stringify(groups)) as PendingGroup[] });
  });
  queues.set(
    db,
    next.catch(() => undefined),
  );
  return next;
}

/** The workshop leaves whatever group was waiting for it. */
export function forgetPendingGroup(db: AppDatabase, workshopId: string): Promise<void> {
  return change(db, (groups) =>
    groups.map((g) => ({ ...g, workshopIds: g.workshopIds.filter((id) => id !== workshopId) })),
  );
}

/** Asks for a new group for this workshop: it will be created at the next connection. */
export function askForGroup(db: AppDatabase, name: string, workshopId: string): Promise<void> {
  const trimmed = name.trim().slice(0, GROUP_NAME_MAX);
  return change(db, (groups) => {
    const others = groups.map((g) => ({ ...g, workshopIds: g.workshopIds.filter((id) => id !== workshopId) }));
    const same = others.find((g) => g.name === trimmed && !g.refusal);
    if (same) return others.map((g) => (g === same ? { ...g, workshopIds: [...g.workshopIds, workshopId] } : g));
    return [...others, { name: trimmed, workshopIds: [workshopId], askedAt: new Date().toISOString() }];
  });
}

/**
 * Creates the groups waiting on this device, each once, and moves their
 * workshops into them. No network: they keep waiting. A refusal by the
 * server (4xx): kept with its message, not tried again.
 */
export async function createPendingGroups(
  db: AppDatabase,
  auth: Auth,
  create: (auth: Auth, name: string) => Promise<CreatedWorkspace> = createWorkspace,
): Promise<void> {
  for (const group of await readPending(db)) {
    if (group.refusal) continue;
    let created: CreatedWorkspace;
    try {
      created = await create(auth, group.name);
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429) {
        await change(db, (groups) =>
          groups.map((g) => (g.askedAt === group.askedAt ? { ...g, refusal: error.message } : g)),
        );
        continue;
      }
      return; // no network, or the server is busy: the next connection tries again
    }
    // The group exists: it must not be created twice, whatever happens next.
    await change(db, (groups) => groups.filter((g) => g.askedAt !== group.askedAt));
    await rememberWorkspace(db, { id: created.id, name: created.name, role: created.role });
    for (const workshopId of group.workshopIds) {
      await updateWorkshop(db, workshopId, { workspaceId: created.id }).catch(() => undefined);
    }
  }
}

const following = new WeakMap<AppDatabase, Subscription>();

/** Called by the sync engine with each session: while signed in, waiting groups are created once the server answers. */
export function followPendingGroups(db: AppDatabase, session: Session | null): void {
  following.get(db)?.unsubscribe();
  following.delete(db);
  if (!session || !network) return;
  let running: Promise<void> | undefined;
  const subscription = combineLatest([network.reachable$, watchPendingGroups(db)])
    .pipe(filter(([reachable, groups]) => reachable && groups.some((g) => !g.refusal)))
    .subscribe(() => {
      running ??= createPendingGroups(db, session).finally(() => (running = undefined));
    });
  following.set(db, subscription);
}

/** Signing out wipes the device: the requests go too. */
export async function forgetAllPendingGroups(db: AppDatabase): Promise<void> {
  await (await db.getLocal(KEY))?.remove();
}
