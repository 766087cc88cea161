import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.ts';
import { usesPostgres } from '../test-database.ts';
import { startTestServer, type TestServer } from '../test-server.ts';
import { Accounts } from './accounts.ts';
import type { AccountEventMap } from './events.ts';
import { TEST_SCRYPT } from './passwords.ts';
import { openSqliteAccountStore } from './sqlite.ts';
import { call, ownerWithWorkspace, PASSWORD, register } from './test-client.ts';
import { hashToken } from './tokens.ts';

/** What the replication layer passes: a request with its headers. */
const requestWith = (authorization?: string) =>
  ({ headers: authorization === undefined ? {} : { authorization } }) as unknown as FastifyRequest;

describe('what accounts give the replication layer', () => {
  let server: TestServer;
  let accounts: Accounts;
  beforeAll(async () => {
    server = await startTestServer();
    accounts = server.app.accounts;
  });
  afterAll(async () => server.close());

  it('authenticates a request: requireUser, optionalUser', async () => {
    const { token, user } = await register(server);
    const request = requestWith(`Bearer ${token}`);
    expect(await accounts.requireUser(request)).toEqual({ user, tokenHash: hashToken(token) });
    expect(await accounts.optionalUser(request)).toEqual({ user, tokenHash: hashToken(token) });

    await expect(accounts.requireUser(requestWith())).rejects.toMatchObject({
      statusCode: 401,
      code: 'unauthenticated',
    });
    expect(await accounts.optionalUser(requestWith())).toBeUndefined();
    // A token sent but not valid is an error even where a token is optional.
    await expect(accounts.optionalUser(requestWith('Bearer nope'))).rejects.toMatchObject({ statusCode: 401 });
    await call(server, 'POST', '/auth/logout', { token });
    await expect(accounts.requireUser(requestWith(`Bearer ${token}`))).rejects.toMatchObject({ statusCode: 401 });
  });

  it('lists the workspaces of a user, and tells who joined, who was removed, which token was revoked', async () => {
    const events: string[] = [];
    const record =
      <E extends keyof AccountEventMap>(name: E) =>
      (event: AccountEventMap[E]) =>
        events.push(`${name} ${JSON.stringify(event)}`);
    const offs = [
      accounts.events.on('membershipChanged', record('membershipChanged')),
      accounts.events.on('tokenRevoked', record('tokenRevoked')),
    ];
    try {
      const { owner, workspace } = await ownerWithWorkspace(server);
      const member = await register(server);
      expect(await accounts.workspaceIdsOf(owner.user.id)).toEqual(new Set([workspace.id]));
      expect(await accounts.workspaceIdsOf(member.user.id)).toEqual(new Set());

      const join = () =>
        call(server, 'POST', '/workspaces/join', { token: member.token, body: { inviteCode: workspace.inviteCode } });
      await join();
      await join(); // nothing changed: no event
      expect(await accounts.workspaceIdsOf(member.user.id)).toEqual(new Set([workspace.id]));
      await call(server, 'DELETE', `/workspaces/${workspace.id}/members/${member.user.id}`, { token: owner.token });
      await call(server, 'DELETE', `/workspaces/${workspace.id}/members/${member.user.id}`, { token: owner.token });
      expect(await accounts.workspaceIdsOf(member.user.id)).toEqual(new Set());
      await call(server, 'POST', '/auth/logout', { token: member.token });

      const change = { workspaceId: workspace.id, userIds: [member.user.id] };
      const revoked = { userId: member.user.id, tokenHash: hashToken(member.token) };
      expect(events).toEqual([
        `membershipChanged ${JSON.stringify(change)}`,
        `membershipChanged ${JSON.stringify(change)}`,
        `tokenRevoked ${JSON.stringify(revoked)}`,
      ]);
    } finally {
      offs.forEach((off) => off());
    }
  });
});

describe.skipIf(usesPostgres())('the SQLite account store', () => {
  it('shares the file with the document store, and migrates once whoever opens first', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'it-accounts-')), 'app.sqlite');
    const first = openSqliteAccountStore(file);
    const documents = openSqliteStore(file);
    const second = openSqliteAccountStore(file);
    const user = { id: 'u1', email: 'a@example.org', displayName: 'A', passwordHash: 'h' };
    expect(await first.createUser(user)).toEqual({ id: 'u1', email: 'a@example.org', displayName: 'A' });
    expect(await second.createUser({ ...user, id: 'u2' })).toBeNull(); // email taken, seen from another connection
    expect(await documents.lastSeq()).toBe(0);
    await Promise.all([first.close(), second.close(), documents.close()]);
  });

  it('rehashes a password made with older parameters at the next login', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'it-accounts-')), 'app.sqlite');
    const store = openSqliteAccountStore(file);
    try {
      const before = new Accounts(store, { scrypt: { ln: 11, r: 8, p: 1 } });
      const { user } = await before.sessions.register(
        { email: 'a@example.org', password: PASSWORD, displayName: 'A' },
        '10.0.0.1',
      );
      expect((await store.findUserByEmail(user.email))!.passwordHash).toMatch(/^\$scrypt\$ln=11,/);

      const after = new Accounts(store, { scrypt: TEST_SCRYPT });
      await after.sessions.login({ email: user.email, password: PASSWORD }, '10.0.0.1');
      expect((await store.findUserByEmail(user.email))!.passwordHash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);
      await after.sessions.login({ email: user.email, password: PASSWORD }, '10.0.0.1');
    } finally {
      await store.close();
    }
  });
});
