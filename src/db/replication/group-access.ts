import { firstValueFrom } from 'rxjs';
import { USER_COLLECTIONS } from '../../model/collections.ts';
import type { WorkspaceSummary } from '../../model/accounts.ts';
import type { AppDatabase } from '../database.ts';
import { forgetOnNextPull, noteLostGroup, type KeptChange } from '../lost-groups.ts';
import { serverFetch } from '../network.ts';
import { watchOutbox } from '../outbox.ts';
import type { Session } from '../session.ts';
import { guestRecords } from '../workshop-guests.ts';
import type { UserReplicationOptions } from './user.ts';

type Held = { id: string; workspaceId: string | null; workshopId?: string } & Record<string, unknown>;

/**
 * Compares the groups of the documents this device holds with the groups
 * its user belongs to now. A group the server no longer shows the user
 * (`GET /workspaces/:id` → 404: removed, or the group deleted) is lost:
 * its documents are queued to be forgotten at the next pull, except the
 * changes still waiting to be sent, which stay and are noted for the
 * screen. Workshops this device joined as a guest are not group documents
 * here (the guest's own replication serves them). Any failure (offline,
 * server down) leaves everything as it is: only a clear 404 forgets.
 *
 * Resolves to true when documents wait to be forgotten (the caller pulls).
 */
export async function checkGroupAccess(
  db: AppDatabase,
  session: Session,
  options: Pick<UserReplicationOptions, 'baseUrl' | 'fetch'> = {},
): Promise<boolean> {
  const api = `${options.baseUrl ?? ''}/api/v1`;
  const doFetch = options.fetch ?? serverFetch;
  const get = (path: string) =>
    doFetch(`${api}${path}`, { cache: 'no-store', headers: { authorization: `Bearer ${session.token}` } });

  const held = await groupDocuments(db);
  const heldGroups = new Set([...held.values()].flatMap((docs) => docs.map((d) => d.workspaceId!)));
  if (heldGroups.size === 0) return false;
  const meResponse = await get('/me');
  if (!meResponse.ok) return false;
  const { workspaces } = (await meResponse.json()) as { workspaces: WorkspaceSummary[] };
  const member = new Set(workspaces.map((w) => w.id));
  const lost: string[] = [];
  for (const workspaceId of heldGroups) {
    if (member.has(workspaceId)) continue;
    // A group joined since /me answered is found here: only a 404 means the access is gone.
    const response = await get(`/workspaces/${encodeURIComponent(workspaceId)}`);
    await response.body?.cancel();
    if (response.status === 404) lost.push(workspaceId);
  }
  if (lost.length === 0) return false;

  const pending = new Set(await firstValueFrom(watchOutbox(db)));
  const names = await knownGroupNames(db);
  let queued = false;
  for (const workspaceId of lost) {
    const kept: KeptChange[] = [];
    for (const [collection, docs] of held) {
      const ofGroup = docs.filter((d) => d.workspaceId === workspaceId);
      const unsent = ofGroup.filter((d) => pending.has(`${collection}/${d.id}`));
      kept.push(...unsent.map((d) => ({ collection, id: d.id, label: labelOf(collection, d) })));
      const gone = ofGroup.filter((d) => !pending.has(`${collection}/${d.id}`));
      if (gone.length > 0) {
        forgetOnNextPull(db, collection, gone);
        queued = true;
      }
    }
    await noteLostGroup(db, { workspaceId, name: names.get(workspaceId), lostAt: new Date().toISOString(), kept });
  }
  return queued;
}

/** The group documents held on this device, by collection (guest workshops left out). */
async function groupDocuments(db: AppDatabase): Promise<Map<string, Held[]>> {
  const asGuest = new Set(Object.keys(await guestRecords(db)));
  const held = new Map<string, Held[]>();
  for (const { name } of USER_COLLECTIONS) {
    const docs = await db.collections[name].find({ selector: { workspaceId: { $ne: null } } }).exec();
    const data = docs
      .map((doc) => doc.toJSON() as unknown as Held)
      .filter((d) => d.workspaceId !== null && !asGuest.has(name === 'workshops' ? d.id : (d.workshopId ?? '')));
    held.set(name, data);
  }
  return held;
}

async function knownGroupNames(db: AppDatabase): Promise<Map<string, string>> {
  const cached = await db.getLocal<{ list: WorkspaceSummary[] }>('workspaces');
  return new Map(((cached?.toJSON().data.list ?? []) as WorkspaceSummary[]).map((w) => [w.id, w.name]));
}

const KINDS: Record<string, string> = {
  annotations: 'Annotation',
  initiatives: 'Initiative',
  workshops: 'Atelier',
  contributions: 'Contribution',
};

function labelOf(collection: string, doc: Held): string {
  const text = [doc.title, doc.note, doc.text].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const kind = KINDS[collection] ?? 'Document';
  if (!text) return kind;
  const short = text.trim().length > 60 ? `${text.trim().slice(0, 59)}…` : text.trim();
  return `${kind} « ${short} »`;
}
