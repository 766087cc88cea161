import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  createWorkspace,
  getWorkspace,
  joinWorkspace,
  login,
  logout,
  me,
  register,
  removeMember,
  rotateInvite,
} from './account-api.ts';

const SESSION = { token: 'jeton-secret', user: { id: 'u1', email: 'c@exemple.fr', displayName: 'Camille' } };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** Replaces fetch with one answering `response`, and returns its spy. */
function answer(response: Response | (() => Promise<Response>)) {
  const spy = vi.fn(typeof response === 'function' ? response : async () => response);
  vi.stubGlobal('fetch', spy);
  return spy;
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the account API client', () => {
  it('posts JSON to the protocol routes and returns the session', async () => {
    const spy = answer(json(201, SESSION));
    await expect(register({ email: 'c@exemple.fr', password: 'dix carac.', displayName: 'Camille' })).resolves.toEqual(
      SESSION,
    );
    const [url, init] = spy.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/auth/register');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({
      email: 'c@exemple.fr',
      password: 'dix carac.',
      displayName: 'Camille',
    });
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect((init.headers as Record<string, string>).authorization).toBeUndefined();
  });

  it('sends the session token as a Bearer on the routes that need one', async () => {
    const calls: [string, string, string | undefined][] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        const headers = init.headers as Record<string, string>;
        calls.push([init.method ?? 'GET', url, headers.authorization]);
        if (init.method === 'DELETE' || url.endsWith('/logout')) return new Response(null, { status: 204 });
        return json(200, { ok: true });
      }),
    );
    await me(SESSION);
    await createWorkspace(SESSION, 'Atelier');
    await joinWorkspace(SESSION, 'ABCD-2345');
    await getWorkspace(SESSION, 'w/1');
    await rotateInvite(SESSION, 'w1');
    await expect(removeMember(SESSION, 'w1', 'u2')).resolves.toBeUndefined();
    await expect(logout(SESSION)).resolves.toBeUndefined();
    const bearer = 'Bearer jeton-secret';
    expect(calls).toEqual([
      ['GET', '/api/v1/me', bearer],
      ['POST', '/api/v1/workspaces', bearer],
      ['POST', '/api/v1/workspaces/join', bearer],
      ['GET', '/api/v1/workspaces/w%2F1', bearer],
      ['POST', '/api/v1/workspaces/w1/invite', bearer],
      ['DELETE', '/api/v1/workspaces/w1/members/u2', bearer],
      ['POST', '/api/v1/auth/logout', bearer],
    ]);
  });

  it('turns error answers into typed errors with a French message', async () => {
    answer(json(409, { error: 'email_taken', message: 'Email already registered' }));
    const taken = await failure(register({ email: 'c@exemple.fr', password: 'dix carac.', displayName: 'C' }));
    expect(taken).toMatchObject({
      status: 409,
      code: 'email_taken',
      message: 'Un compte existe déjà avec cette adresse.',
    });

    answer(json(401, { error: 'bad_credentials', message: 'Bad credentials' }));
    expect(await failure(login({ email: 'c@exemple.fr', password: 'mauvais mot' }))).toMatchObject({
      status: 401,
      code: 'bad_credentials',
      message: 'Adresse e-mail ou mot de passe incorrect.',
    });

    answer(json(429, { error: 'too_many_requests', message: 'Slow down' }, { 'retry-after': '600' }));
    expect(await failure(login({ email: 'c@exemple.fr', password: 'mauvais mot' }))).toMatchObject({
      status: 429,
      code: 'too_many_requests',
      retryAfterSeconds: 600,
      message: 'Trop de tentatives : par sécurité, réessayez dans 10 minutes.',
    });

    answer(json(404, { error: 'not_found', message: 'Espace de travail introuvable.' }));
    expect((await failure(getWorkspace(SESSION, 'w1'))).message).toBe(
      "Cet espace n'existe pas ou vous n'en êtes plus membre.",
    );

    answer(json(404, { error: 'unknown_invite', message: '…' }));
    expect((await failure(joinWorkspace(SESSION, 'ABCD-2345'))).message).toMatch(/^Aucun espace ne correspond/);

    answer(json(401, { error: 'unauthenticated', message: 'Missing token' }));
    expect((await failure(me(SESSION))).message).toMatch(/reconnectez-vous/);
  });

  it('keeps the server’s French wording where it is more precise', async () => {
    answer(json(400, { error: 'invalid_input', message: 'Le mot de passe doit compter au moins 10 caractères.' }));
    expect(await failure(login({ email: 'c@exemple.fr', password: 'x' }))).toMatchObject({
      code: 'invalid_input',
      message: 'Le mot de passe doit compter au moins 10 caractères.',
    });
    answer(json(403, { error: 'forbidden', message: 'Le propriétaire ne peut pas se retirer de son propre espace.' }));
    expect((await failure(removeMember(SESSION, 'w1', 'u1'))).message).toMatch(/ne peut pas se retirer/);
  });

  it('says so, in French, when the server answers something that is not the protocol', async () => {
    answer(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }));
    expect(await failure(me(SESSION))).toMatchObject({ status: 502, code: 'unexpected', message: /problème/ });
    answer(new Response('pas du JSON', { status: 200 }));
    expect(await failure(me(SESSION))).toMatchObject({ status: 200, code: 'unexpected' });
    answer(json(418, { nothing: true }));
    expect(await failure(me(SESSION))).toMatchObject({ status: 418, code: 'unexpected', message: /erreur 418/ });
  });

  it('turns a network failure into « Pas de connexion », never an unhandled rejection', async () => {
    answer(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await failure(login({ email: 'c@exemple.fr', password: 'dix carac.' }));
    expect(error).toMatchObject({
      status: 0,
      code: 'network',
      message: 'Pas de connexion : réessayez quand le réseau sera revenu.',
    });
    answer(() => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError')));
    expect((await failure(me(SESSION))).code).toBe('network');
  });
});
