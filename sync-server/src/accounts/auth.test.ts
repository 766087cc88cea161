import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listTables, readTable } from '../test-database.ts';
import { startTestServer, type TestServer } from '../test-server.ts';
import { call, PASSWORD, register } from './test-client.ts';

const UNAUTHENTICATED = { error: 'unauthenticated', message: expect.any(String) };

describe('accounts over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  describe('POST /auth/register', () => {
    it('creates the account, signs in, and stores the email normalised', async () => {
      const answer = await call(server, 'POST', '/auth/register', {
        body: { email: '  Camille.Dupont@Example.ORG ', password: PASSWORD, displayName: '  Camille Dupont ' },
      });
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({
        token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        user: { id: expect.any(String), email: 'camille.dupont@example.org', displayName: 'Camille Dupont' },
      });
      const me = await call(server, 'GET', '/me', { token: answer.body.token });
      expect(me.body).toEqual({ user: answer.body.user, workspaces: [] });
    });

    it.each([
      ['no body at all', undefined],
      ['an array', []],
      ['a missing email', { password: PASSWORD, displayName: 'A' }],
      ['an email that is not text', { email: 42, password: PASSWORD, displayName: 'A' }],
      ['an email without @', { email: 'camille.example.org', password: PASSWORD, displayName: 'A' }],
      ['an email without domain dot', { email: 'camille@localhost', password: PASSWORD, displayName: 'A' }],
      ['an email with a space', { email: 'cam ille@example.org', password: PASSWORD, displayName: 'A' }],
      [
        'an email over 254 characters',
        { email: `${'a'.repeat(64)}@${'b'.repeat(186)}.org`, password: PASSWORD, displayName: 'A' },
      ],
      ['a password of 9 characters', { email: 'a@example.org', password: '123456789', displayName: 'A' }],
      ['a password over 1024 characters', { email: 'a@example.org', password: 'p'.repeat(1025), displayName: 'A' }],
      ['a password that is not text', { email: 'a@example.org', password: 1234567890123, displayName: 'A' }],
      ['a missing displayName', { email: 'a@example.org', password: PASSWORD }],
      ['a blank displayName', { email: 'a@example.org', password: PASSWORD, displayName: '   ' }],
      ['a displayName over 80 characters', { email: 'a@example.org', password: PASSWORD, displayName: 'x'.repeat(81) }],
      [
        'a displayName with a control character',
        { email: 'a@example.org', password: PASSWORD, displayName: 'A\u0000B' },
      ],
    ])('answers 400 invalid_input to %s', async (_, body) => {
      const answer = await call(server, 'POST', '/auth/register', { body });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: 'invalid_input', message: expect.any(String) });
    });

    it('answers 400 invalid_input in French to malformed JSON', async () => {
      const response = await fetch(`${server.url}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"email": ',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: 'invalid_input', message: 'Requête invalide.' });
    });

    it('explains the refusal in French', async () => {
      const answer = await call(server, 'POST', '/auth/register', {
        body: { email: 'court@example.org', password: 'court', displayName: 'A' },
      });
      expect(answer.body.message).toBe('Le mot de passe doit compter au moins 10 caractères.');
    });

    it('accepts the limits themselves: 10-character password, 80-character name (emoji count once), 254-character email', async () => {
      const email = `${'a'.repeat(64)}@${'b'.repeat(185)}.org`;
      expect(email).toHaveLength(254);
      const displayName = '🌱'.repeat(80);
      const answer = await call(server, 'POST', '/auth/register', {
        body: { email, password: '0123456789', displayName },
      });
      expect(answer.status).toBe(201);
      expect(answer.body.user.displayName).toBe(displayName);
    });

    it('answers 409 email_taken to an email already used, whatever its case', async () => {
      const { user } = await register(server);
      const answer = await call(server, 'POST', '/auth/register', {
        body: { email: ` ${user.email.toUpperCase()}`, password: 'un autre mot de passe', displayName: 'Autre' },
      });
      expect(answer.status).toBe(409);
      expect(answer.body).toEqual({ error: 'email_taken', message: expect.any(String) });
    });

    it('stores HTML in a display name as the same text, and sends it back as JSON', async () => {
      const displayName = '<script>alert("Zoé")</script> & <b>co</b>';
      const { token } = await register(server, displayName);
      const response = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect((await response.json()).user.displayName).toBe(displayName);
    });
  });

  describe('POST /auth/login', () => {
    it('signs in with a new token, the email in any case', async () => {
      const first = await register(server);
      const answer = await call(server, 'POST', '/auth/login', {
        body: { email: first.user.email.toUpperCase(), password: PASSWORD },
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), user: first.user });
      expect(answer.body.token).not.toBe(first.token);
      for (const token of [first.token, answer.body.token]) {
        expect((await call(server, 'GET', '/me', { token })).status).toBe(200);
      }
    });

    it('answers 401 bad_credentials, word for word the same, to an unknown email and a wrong password', async () => {
      const { user } = await register(server);
      const wrongPassword = await call(server, 'POST', '/auth/login', {
        body: { email: user.email, password: 'pas le bon mot de passe' },
      });
      const unknownEmail = await call(server, 'POST', '/auth/login', {
        body: { email: 'personne@example.org', password: PASSWORD },
      });
      expect(wrongPassword.status).toBe(401);
      expect(unknownEmail.status).toBe(401);
      expect(wrongPassword.body).toEqual({ error: 'bad_credentials', message: expect.any(String) });
      expect(unknownEmail.body).toEqual(wrongPassword.body);
    });

    it.each([
      ['a missing password', { email: 'a@example.org' }],
      ['a password that is not text', { email: 'a@example.org', password: null }],
      ['an email that is not text', { email: ['a@example.org'], password: PASSWORD }],
    ])('answers 400 invalid_input to %s', async (_, body) => {
      const answer = await call(server, 'POST', '/auth/login', { body });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe('invalid_input');
    });
  });

  describe('POST /auth/logout and the token', () => {
    it('revokes the token at once, and only that one', async () => {
      const first = await register(server);
      const second = (
        await call(server, 'POST', '/auth/login', { body: { email: first.user.email, password: PASSWORD } })
      ).body.token as string;
      const logout = await call(server, 'POST', '/auth/logout', { token: first.token });
      expect(logout.status).toBe(204);
      const me = await call(server, 'GET', '/me', { token: first.token });
      expect(me.status).toBe(401);
      expect(me.body).toEqual(UNAUTHENTICATED);
      expect((await call(server, 'POST', '/auth/logout', { token: first.token })).status).toBe(401);
      expect((await call(server, 'GET', '/me', { token: second })).status).toBe(200);
    });

    it.each([
      ['no Authorization header', {}],
      ['an unknown token', { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }],
      ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
      ['Bearer without a token', { authorization: 'Bearer ' }],
      ['an over-long token', { authorization: `Bearer ${'a'.repeat(600)}` }],
    ])('answers 401 unauthenticated to %s', async (_, headers) => {
      for (const [method, path] of [
        ['GET', '/me'],
        ['POST', '/auth/logout'],
        ['POST', '/workspaces'],
      ]) {
        const answer = await call(server, method!, path!, {
          headers,
          body: path === '/workspaces' ? { name: 'x' } : undefined,
        });
        expect(answer.status).toBe(401);
        expect(answer.body).toEqual(UNAUTHENTICATED);
      }
    });

    it('reads the scheme in any case', async () => {
      const { token } = await register(server);
      expect((await call(server, 'GET', '/me', { headers: { authorization: `bearer ${token}` } })).status).toBe(200);
    });
  });

  describe('what the database holds', () => {
    it('keeps only the SHA-256 of tokens, and scrypt hashes of passwords with their parameters', async () => {
      const a = await register(server);
      const b = await register(server);
      const tokens = await readTable(server.database, 'tokens');
      expect(tokens).toContainEqual(expect.objectContaining({ hash: sha256(a.token), user_id: a.user.id }));
      const users = (await readTable(server.database, 'users')).filter((u) =>
        [a.user.id, b.user.id].includes(u.id as string),
      );
      expect(users).toHaveLength(2);
      for (const user of users) {
        expect(user.password_hash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
      }
      expect(users[0]!.password_hash).not.toBe(users[1]!.password_hash); // same password, own salts
      const everything = await dumpAllTables(server);
      for (const secret of [a.token, b.token, PASSWORD]) expect(everything).not.toContain(secret);
      if (server.database.databaseUrl) return;
      // Nor anywhere in the SQLite files (main database and write-ahead log).
      const files = readdirSync(server.dataDir).filter((f) => f.startsWith('app.sqlite'));
      expect(files).toContain('app.sqlite-wal');
      const bytes = Buffer.concat(files.map((f) => readFileSync(join(server.dataDir, f))));
      for (const secret of [a.token, b.token, PASSWORD]) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    });

    it('records its migrations by name, beside the document store', async () => {
      const names = (await readTable(server.database, 'migrations')).map((m) => m.name);
      expect(names).toEqual(
        server.database.databaseUrl
          ? ['documents-1', 'blobs-1', 'accounts-1', 'limits-1', 'streams-1']
          : ['accounts-1-initial', 'accounts-2-token-use-and-attempts'],
      );
      expect(await listTables(server.database)).toContain('documents');
    });
  });
});

describe('login rate limits', () => {
  let server: TestServer | undefined;
  let clock = Date.now();
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const start = async () => {
    clock = Date.now();
    server = await startTestServer({ accountSettings: { now: () => clock } });
    return server;
  };
  const login = (s: TestServer, email: string, password: string) =>
    call(s, 'POST', '/auth/login', { body: { email, password } });

  it('answers 429 after 5 failures for an email, even to the right password, while another email still signs in', async () => {
    const s = await start();
    const alice = await register(s, 'Alice');
    const bob = await register(s, 'Bob');
    for (let i = 0; i < 5; i++) expect((await login(s, alice.user.email, 'mauvais mot de passe')).status).toBe(401);
    const blocked = await login(s, alice.user.email, PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({ error: 'too_many_requests', message: expect.any(String) });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(s, bob.user.email, PASSWORD)).status).toBe(200);

    clock += 15 * 60_000; // the window slides past the failures
    expect((await login(s, alice.user.email, PASSWORD)).status).toBe(200);
  });

  it('limits an unknown email the same way, so that the limit does not reveal which emails exist', async () => {
    const s = await start();
    for (let i = 0; i < 5; i++) expect((await login(s, 'personne@example.org', PASSWORD)).status).toBe(401);
    expect((await login(s, 'personne@example.org', PASSWORD)).status).toBe(429);
  });

  it("clears an email's failures when it signs in", async () => {
    const s = await start();
    const { user } = await register(s);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) expect((await login(s, user.email, 'mauvais mot de passe')).status).toBe(401);
      expect((await login(s, user.email, PASSWORD)).status).toBe(200);
    }
  });

  it('answers 429 to every email from an address after 30 failures there', async () => {
    const s = await start();
    const { user } = await register(s);
    for (let i = 0; i < 30; i++) expect((await login(s, `inconnu${i}@example.org`, PASSWORD)).status).toBe(401);
    expect((await login(s, user.email, PASSWORD)).status).toBe(429);
  });

  it('counts attempts sent all at once', async () => {
    const s = await start();
    const { user } = await register(s);
    const answers = await Promise.all(Array.from({ length: 12 }, () => login(s, user.email, 'mauvais mot de passe')));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(7);
  });

  it('does as much password work for an unknown email as for a known one', async () => {
    const s = (server = await startTestServer({ accountSettings: { scrypt: { ln: 14, r: 8, p: 1 } } }));
    const { user } = await register(s);
    const time = async (email: string) => {
      const t0 = performance.now();
      expect((await login(s, email, 'mauvais mot de passe')).status).toBe(401);
      return performance.now() - t0;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time(user.email));
      unknown.push(await time(`inconnu${i}@example.org`));
    }
    // Without the decoy hash, an unknown email answers in ~1 ms against ~30 ms.
    expect(median(unknown)).toBeGreaterThan(median(known) / 3);
  });
});

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function dumpAllTables(server: TestServer): Promise<string> {
  const tables = await listTables(server.database);
  const rows = await Promise.all(tables.map((t) => readTable(server.database, t)));
  return rows.map((r) => JSON.stringify(r)).join('\n');
}
