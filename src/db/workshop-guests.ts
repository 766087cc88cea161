import { map, type Observable } from 'rxjs';
import type { WorkshopInvitation } from '../model/workshops/invitation.ts';
import type { AppDatabase } from './database.ts';

/**
 * The workshops this device takes part in as a guest (without an account
 * in the workshop's group): the guest token made here, the id derived from
 * it, the name given, and what the invitation carried — kept in a local
 * (never replicated) document, so that the phone takes part offline.
 */
export interface GuestRecord {
  workshopId: string;
  token: string;
  guestId: string;
  name?: string;
  invitation?: WorkshopInvitation;
  /** Set once the server has confirmed the participation. */
  joinedAt?: string;
}

const GUESTS = 'workshop-guests';
type Stored = { byWorkshop: Record<string, GuestRecord> };

async function read(db: AppDatabase): Promise<Record<string, GuestRecord>> {
  const doc = await db.getLocal<Stored>(GUESTS);
  return (doc?.toJSON().data.byWorkshop ?? {}) as Record<string, GuestRecord>;
}

export async function guestRecords(db: AppDatabase): Promise<Record<string, GuestRecord>> {
  return read(db);
}

export async function guestRecord(db: AppDatabase, workshopId: string): Promise<GuestRecord | undefined> {
  return (await read(db))[workshopId];
}

export function watchGuestRecord(db: AppDatabase, workshopId: string): Observable<GuestRecord | null> {
  return db
    .getLocal$<Stored>(GUESTS)
    .pipe(map((doc) => ((doc?.toJSON().data.byWorkshop ?? {}) as Record<string, GuestRecord>)[workshopId] ?? null));
}

let queue = Promise.resolve();

/** Adds or changes the record of a workshop (one write at a time). */
export function saveGuestRecord(
  db: AppDatabase,
  workshopId: string,
  change: (current: GuestRecord | undefined) => GuestRecord,
): Promise<GuestRecord> {
  const next = queue.then(async () => {
    const all = await read(db);
    const record = change(all[workshopId]);
    await db.upsertLocal<Stored>(GUESTS, { byWorkshop: { ...all, [workshopId]: record } });
    return record;
  });
  queue = next.then(
    () => undefined,
    () => undefined,
  );
  return next;
}
