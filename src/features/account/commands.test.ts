import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from '../../db/database.ts';
import { openTestDatabase } from '../../db/test-database.ts';
import { readSession, saveSession } from '../../db/session.ts';
import { signIn, signOut } from './commands.ts';

const SESSION = { token: 'jeton', user: { id: 'u1', email: 'c@exemple.fr', displayName: 'Camille' } };

let db: AppDatabase;

beforeEach(async () => {
  db = await openTestDatabase('account-test');
});
afterEach(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await db.close();
});

describe('account commands', () => {
  it('signing in keeps the session on the device', async () => {
    const fetch = vi.fn(async () => Response.json(SESSION));
    vi.stubGlobal('fetch', fetch);
    await signIn(db, { email: '  c@exemple.fr ', password: 'dix carac.' });
    expect(await readSession(db)).toEqual(SESSION);
    expect(JSON.parse((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body as string).email).toBe(
      'c@exemple.fr',
    );
  });

  it('signing out tells the server, then forgets the session', async () => {
    await saveSession(db, SESSION);
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetch);
    await expect(signOut(db, SESSION)).resolves.toEqual({ serverNotified: true });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await readSession(db)).toBeNull();
  });

  it('without network, signing out still forgets the session here, and says the server was not told', async () => {
    await saveSession(db, SESSION);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(signOut(db, SESSION)).resolves.toEqual({ serverNotified: false });
    expect(await readSession(db)).toBeNull();
  });

  it('a session the server already closed is simply forgotten', async () => {
    await saveSession(db, SESSION);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ error: 'unauthenticated', message: 'x' }, { status: 401 })),
    );
    await expect(signOut(db, SESSION)).resolves.toEqual({ serverNotified: true });
    expect(await readSession(db)).toBeNull();
  });

  it('when the device cannot keep the session, it is closed on the server and the failure is said', async () => {
    const fetch = vi.fn(async (url: string) =>
      url.endsWith('/logout') ? new Response(null, { status: 204 }) : Response.json(SESSION),
    );
    vi.stubGlobal('fetch', fetch);
    vi.spyOn(db, 'upsertLocal').mockRejectedValue(new DOMException('Quota', 'QuotaExceededError'));
    await expect(signIn(db, { email: 'c@exemple.fr', password: 'dix carac.' })).rejects.toMatchObject({
      code: 'storage',
      message: /n'a pas pu enregistrer votre connexion/,
    });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual(['/api/v1/auth/login', '/api/v1/auth/logout']);
  });
});
