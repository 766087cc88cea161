import { map, of, type Observable } from 'rxjs';
import type { AppDatabase } from '../../db/database.ts';
import { readSession } from '../../db/session.ts';
import { newId, newRev } from '../../db/ids.ts';
import { currentOwnerId, recordWrite } from '../../db/outbox.ts';
import { guestRecord, saveGuestRecord, type GuestRecord } from '../../db/workshop-guests.ts';
import { DISPLAY_NAME_MAX } from '../../model/accounts.ts';
import { recordInitiative } from '../../model/workshops/board.ts';
import { addDot, removeDot } from '../../model/workshops/dots.ts';
import {
  dotsId,
  type Contribution,
  type ContributionKind,
  type ParticipantDots,
  type WorkshopEntry,
} from '../../model/workshops/contribution.ts';
import { newWorkshopCode, workshopIdOf } from '../../model/workshops/code.ts';
import { guestIdOf, newGuestToken } from '../../model/workshops/guest.ts';
import type { WorkshopInvitation } from '../../model/workshops/invitation.ts';
import { EMPTY_BOARD, NOT_STARTED, type Board, type Workshop } from '../../model/workshops/workshop.ts';

/**
 * What the workshop screens do to the device's database: the one seam
 * between them and the data. Every write gets a new rev and waits in the
 * outbox until the server has it.
 */

/** JSON has no undefined: fields set to undefined are left out, as the schema wants. */
const clean = <T>(doc: T): T => JSON.parse(JSON.stringify(doc)) as T;

async function write<T extends { id: string }>(
  db: AppDatabase,
  name: 'workshops' | 'contributions',
  doc: T,
): Promise<T> {
  const rev = newRev();
  const next = clean({ ...doc, rev, updatedAt: new Date().toISOString() });
  await recordWrite(db, name, next, () =>
    (db.collections[name] as unknown as { upsert(doc: unknown): Promise<unknown> }).upsert(next),
  );
  return next;
}

export type WorkshopInput = Pick<
  Workshop,
  'title' | 'startsAt' | 'place' | 'kitId' | 'dotsPerParticipant' | 'steps' | 'workspaceId'
>;

export async function createWorkshop(db: AppDatabase, input: WorkshopInput): Promise<Workshop> {
  const code = newWorkshopCode();
  const now = new Date().toISOString();
  const session = await readSession(db);
  return write(db, 'workshops', {
    ...input,
    id: workshopIdOf(code),
    code,
    ownerId: await currentOwnerId(db),
    rev: '',
    createdAt: now,
    updatedAt: now,
    status: 'preparation',
    run: NOT_STARTED,
    board: EMPTY_BOARD,
    ...(session ? { authorName: session.user.displayName } : {}),
  } satisfies Workshop);
}

async function current(db: AppDatabase, id: string): Promise<Workshop> {
  const doc = await db.workshops.findOne(id).exec();
  if (!doc) throw new Error('Atelier introuvable sur cet appareil.');
  return doc.toMutableJSON() as Workshop;
}

export async function updateWorkshop(db: AppDatabase, id: string, change: Partial<WorkshopInput>): Promise<Workshop> {
  return write(db, 'workshops', { ...(await current(db, id)), ...change });
}

/** Applies a run transition (model/workshops/run.ts) to the workshop as it is now on the device. */
export async function changeRun(
  db: AppDatabase,
  id: string,
  transition: (workshop: Workshop, now: string) => Pick<Workshop, 'run' | 'status'>,
): Promise<Workshop> {
  const workshop = await current(db, id);
  return write(db, 'workshops', { ...workshop, ...transition(workshop, new Date().toISOString()) });
}

export async function changeBoard(db: AppDatabase, id: string, change: (board: Board) => Board): Promise<Workshop> {
  const workshop = await current(db, id);
  return write(db, 'workshops', { ...workshop, board: change(workshop.board) });
}

/**
 * A contribution becomes an initiative: the board keeps the link to the new
 * initiative's id (chosen here) before its form opens, so that the form, once
 * recorded, shows in the board and the report under this contribution.
 */
export async function linkNewInitiative(db: AppDatabase, workshopId: string, contributionId: string): Promise<string> {
  const initiativeId = newId();
  await changeBoard(db, workshopId, (board) => recordInitiative(board, contributionId, initiativeId));
  return initiativeId;
}

/** The titles of the initiatives on this device among `ids` (an initiative whose form was not recorded has none). */
export function watchInitiativeTitles(db: AppDatabase, ids: string[]): Observable<Map<string, string>> {
  if (ids.length === 0) return of(new Map<string, string>());
  return db.initiatives
    .findByIds(ids)
    .$.pipe(map((found) => new Map([...found].map(([id, doc]) => [id, doc.toJSON().title]))));
}

export function watchWorkshops(db: AppDatabase): Observable<Workshop[]> {
  return db.workshops
    .find({ sort: [{ updatedAt: 'desc' }] })
    .$.pipe(map((docs) => docs.map((d) => d.toJSON() as Workshop)));
}

export function watchWorkshop(db: AppDatabase, id: string): Observable<Workshop | null> {
  return db.workshops.findOne(id).$.pipe(map((doc) => (doc ? (doc.toJSON() as Workshop) : null)));
}

export function watchEntries(db: AppDatabase, workshopId: string): Observable<WorkshopEntry[]> {
  return db.contributions
    .find({ selector: { workshopId } })
    .$.pipe(
      map((docs) =>
        docs.map((d) => d.toJSON() as WorkshopEntry).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      ),
    );
}

/** Who posts on this device in a workshop: a member of its group under their account, or a guest. */
export interface Participant {
  workshopId: string;
  workspaceId: string | null;
  ownerId: string;
  authorName?: string;
  guest?: GuestRecord;
}

/**
 * The participant on this device: the guest record when the device joined
 * by code; otherwise the signed-in member (or this device, before signing
 * in) when the workshop came through their group.
 */
export async function participantOf(
  db: AppDatabase,
  workshop: Pick<Workshop, 'id' | 'workspaceId'>,
): Promise<Participant> {
  const guest = await guestRecord(db, workshop.id);
  if (guest) {
    return {
      workshopId: workshop.id,
      workspaceId: workshop.workspaceId,
      ownerId: guest.guestId,
      authorName: guest.name,
      guest,
    };
  }
  const session = await readSession(db);
  return {
    workshopId: workshop.id,
    workspaceId: workshop.workspaceId,
    ownerId: await currentOwnerId(db),
    ...(session ? { authorName: session.user.displayName } : {}),
  };
}

/**
 * Joins as a guest: a token made here (offline if need be), and what the
 * invitation carried so the phone can take part before reaching the server.
 * Joining again keeps the same identity.
 */
export async function joinAsGuest(
  db: AppDatabase,
  workshopId: string,
  options: { name?: string; invitation?: WorkshopInvitation; token?: string; joinedAt?: string } = {},
): Promise<GuestRecord> {
  const token = (await guestRecord(db, workshopId))?.token ?? options.token ?? newGuestToken();
  const guestId = await guestIdOf(token);
  const name = options.name?.trim().slice(0, DISPLAY_NAME_MAX) || undefined;
  return saveGuestRecord(db, workshopId, (existing) =>
    clean({
      ...existing,
      workshopId,
      token,
      guestId,
      name: name ?? existing?.name,
      invitation: options.invitation ?? existing?.invitation,
      joinedAt: existing?.joinedAt ?? options.joinedAt,
    }),
  );
}

export class UnknownWorkshop extends Error {}

/**
 * Joining by code alone (no invitation in the link): the server is asked
 * first, so that a mistyped code keeps nothing on the device.
 */
export async function joinByCode(db: AppDatabase, code: string, name?: string): Promise<GuestRecord> {
  const token = (await guestRecord(db, workshopIdOf(code)))?.token ?? newGuestToken();
  const response = await fetch('/api/v1/workshops/join', {
    method: 'POST',
    cache: 'no-store',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, guestToken: token }),
  });
  if (response.status === 404) throw new UnknownWorkshop();
  if (!response.ok) throw new Error(`join: HTTP ${response.status}`);
  const { workshopId } = (await response.json()) as { workshopId: string };
  return joinAsGuest(db, workshopId, { name, token, joinedAt: new Date().toISOString() });
}

export interface ContributionInput {
  kind: ContributionKind;
  stepId: string;
  text: string;
  need?: Contribution['need'];
  actorFamily?: Contribution['actorFamily'];
}

export async function postContribution(
  db: AppDatabase,
  participant: Participant,
  input: ContributionInput,
): Promise<Contribution> {
  const now = new Date().toISOString();
  return write(db, 'contributions', {
    id: newId(),
    ownerId: participant.ownerId,
    workspaceId: participant.workspaceId,
    rev: '',
    createdAt: now,
    updatedAt: now,
    workshopId: participant.workshopId,
    ...input,
    text: input.text.trim(),
    ...(participant.authorName ? { authorName: participant.authorName } : {}),
  } satisfies Contribution);
}

/** Puts (or takes back) one of the participant's dots on a contribution, within the workshop's limit. */
export async function changeDot(
  db: AppDatabase,
  participant: Participant,
  contributionId: string,
  change: 'add' | 'remove',
  limit: number,
): Promise<void> {
  const id = dotsId(participant.workshopId, participant.ownerId);
  const existing = (await db.contributions.findOne(id).exec())?.toMutableJSON() as ParticipantDots | undefined;
  const now = new Date().toISOString();
  const base: ParticipantDots = existing ?? {
    id,
    ownerId: participant.ownerId,
    workspaceId: participant.workspaceId,
    rev: '',
    createdAt: now,
    updatedAt: now,
    workshopId: participant.workshopId,
    kind: 'dots',
    dots: [],
  };
  const dots = change === 'add' ? addDot(base.dots, contributionId, limit) : removeDot(base.dots, contributionId);
  await write(db, 'contributions', { ...base, dots });
}
