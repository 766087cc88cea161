import { map, type Observable } from 'rxjs';
import type { AppDatabase } from './database.ts';

/** The signed-in account on this device, kept in a local (never replicated) document. */
export interface Session {
  token: string;
  user: { id: string; email: string; displayName: string };
}

const SESSION = 'session';

export function watchSession(db: AppDatabase): Observable<Session | null> {
  return db.getLocal$<Session>(SESSION).pipe(map((doc) => (doc ? (doc.toJSON().data as Session) : null)));
}

export async function readSession(db: AppDatabase): Promise<Session | null> {
  const doc = await db.getLocal<Session>(SESSION);
  return doc ? (doc.toJSON().data as Session) : null;
}

export async function saveSession(db: AppDatabase, session: Session): Promise<void> {
  await db.upsertLocal(SESSION, session);
}

/** Forgets the session and what was kept with it (the user's groups, what their pages showed, the groups lost). */
export async function forgetSession(db: AppDatabase): Promise<void> {
  for (const id of [SESSION, 'workspaces', 'workspace-details', 'lost-groups']) {
    const doc = await db.getLocal(id);
    await doc?.remove();
  }
}
