import type { AppDatabase } from '../../db/database.ts';
import { forgetSession, saveSession, type Session } from '../../db/session.ts';
import { ApiError, login, logout, register, type Credentials, type Registration } from '../../db/remote/account-api.ts';

/**
 * What the account screens do: talk to the server, then keep (or drop) the
 * session on this device. Components call these, never `fetch` or the
 * session document directly.
 */

const STORAGE_FAILED =
  "Cet appareil n'a pas pu enregistrer votre connexion : son stockage est peut-être plein ou indisponible (navigation privée). Libérez de la place puis réessayez.";

async function keep(db: AppDatabase, session: Session): Promise<Session> {
  try {
    await saveSession(db, session);
    return session;
  } catch {
    // Not kept here: close it on the server too rather than leave a token nobody holds.
    await logout(session).catch(() => undefined);
    throw new ApiError(0, 'storage', STORAGE_FAILED);
  }
}

export async function signIn(db: AppDatabase, input: Credentials): Promise<Session> {
  return keep(db, await login({ email: input.email.trim(), password: input.password }));
}

export async function signUp(db: AppDatabase, input: Registration): Promise<Session> {
  const session = await register({
    email: input.email.trim(),
    password: input.password,
    displayName: input.displayName.trim(),
  });
  return keep(db, session);
}

export interface SignOutOutcome {
  /** False when the server could not be told (no network, server down): the token may still work there. */
  serverNotified: boolean;
}

/**
 * Signs out of the server, then forgets the session on this device — even
 * when the server cannot be reached: leaving is always possible offline.
 */
/**
 * Signs out: tells the server when it can, then removes the session — and,
 * given `removePrivateData`, the user's data — from this device.
 */
export async function signOut(
  db: AppDatabase,
  session: Session,
  removePrivateData: () => Promise<void> = () => forgetSession(db),
): Promise<SignOutOutcome> {
  let serverNotified = true;
  try {
    await logout(session);
  } catch (error) {
    // `unauthenticated`: the token was already closed there (from another device).
    serverNotified = error instanceof ApiError && error.code === 'unauthenticated';
  }
  await removePrivateData();
  return { serverNotified };
}
