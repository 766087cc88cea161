import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-server.ts';
import { call, ownerWithWorkspace, register } from './test-client.ts';

const CODE = /^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/;
const NOT_FOUND = { error: 'not_found', message: expect.any(String) };
const FORBIDDEN = { error: 'forbidden', message: expect.any(String) };
const UNKNOWN_INVITE = { error: 'unknown_invite', message: expect.any(String) };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

/** An owner, a workspace, a member who joined it, and a stranger. */
async function group() {
  const { owner, workspace } = await ownerWithWorkspace(server);
  const member = await register(server, 'Membre');
  const stranger = await register(server, 'Inconnu');
  const joined = await call(server, 'POST', '/workspaces/join', {
    token: member.token,
    body: { inviteCode: workspace.inviteCode },
  });
  expect(joined.status).toBe(200);
  return { owner, workspace, member, stranger };
}

describe('POST /workspaces', () => {
  it('creates a workspace owned by the caller, with an invite code easy to read aloud', async () => {
    const owner = await register(server);
    const answer = await call(server, 'POST', '/workspaces', {
      token: owner.token,
      body: { name: '  Atelier de Lyon ' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({
      id: expect.any(String),
      name: 'Atelier de Lyon',
      role: 'owner',
      inviteCode: expect.stringMatching(CODE),
    });
    const me = await call(server, 'GET', '/me', { token: owner.token });
    expect(me.body.workspaces).toEqual([{ id: answer.body.id, name: 'Atelier de Lyon', role: 'owner' }]);
  });

  it.each([
    ['a missing name', {}],
    ['a blank name', { name: ' \t ' }],
    ['a name over 80 characters', { name: 'n'.repeat(81) }],
    ['a name that is not text', { name: { fr: 'Atelier' } }],
    ['a name with a line break', { name: 'Atelier\nde Lyon' }],
  ])('answers 400 invalid_input to %s', async (_, body) => {
    const { token } = await register(server);
    const answer = await call(server, 'POST', '/workspaces', { token, body });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: 'invalid_input', message: expect.any(String) });
  });

  it('stores HTML in a name as the same text', async () => {
    const name = '<img src=x onerror="alert(1)"> Groupe & co';
    const { owner, workspace } = await ownerWithWorkspace(server, name);
    expect(workspace.name).toBe(name);
    expect((await call(server, 'GET', `/workspaces/${workspace.id}`, { token: owner.token })).body.name).toBe(name);
    const member = await register(server);
    const joined = await call(server, 'POST', '/workspaces/join', {
      token: member.token,
      body: { inviteCode: workspace.inviteCode },
    });
    expect(joined.body.name).toBe(name);
  });
});

describe('POST /workspaces/join', () => {
  it('makes the caller a member', async () => {
    const { owner, workspace } = await ownerWithWorkspace(server);
    const member = await register(server);
    const answer = await call(server, 'POST', '/workspaces/join', {
      token: member.token,
      body: { inviteCode: workspace.inviteCode },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ id: workspace.id, name: workspace.name, role: 'member' });
    expect((await call(server, 'GET', '/me', { token: member.token })).body.workspaces).toEqual([answer.body]);
    const seen = await call(server, 'GET', `/workspaces/${workspace.id}`, { token: owner.token });
    expect(seen.body.members).toEqual([
      { id: owner.user.id, displayName: 'Propriétaire', role: 'owner' },
      { id: member.user.id, displayName: 'Camille', role: 'member' },
    ]);
  });

  it('accepts the code as people type it: any case, spaces, hyphens or dashes, or none', async () => {
    const { workspace } = await ownerWithWorkspace(server);
    const plain = workspace.inviteCode.replace('-', '');
    for (const typed of [
      plain.toLowerCase(),
      ` ${plain.slice(0, 4)} ${plain.slice(4)} `,
      `${plain.slice(0, 4)}–${plain.slice(4)}`,
      plain.split('').join('-'),
    ]) {
      const { token } = await register(server);
      const answer = await call(server, 'POST', '/workspaces/join', { token, body: { inviteCode: typed } });
      expect(answer.status, typed).toBe(200);
      expect(answer.body.id).toBe(workspace.id);
    }
  });

  it('is harmless twice, and leaves the owner an owner', async () => {
    const { owner, workspace, member } = await group();
    const again = await call(server, 'POST', '/workspaces/join', {
      token: member.token,
      body: { inviteCode: workspace.inviteCode },
    });
    expect(again.body).toEqual({ id: workspace.id, name: workspace.name, role: 'member' });
    const ownerJoins = await call(server, 'POST', '/workspaces/join', {
      token: owner.token,
      body: { inviteCode: workspace.inviteCode },
    });
    expect(ownerJoins.status).toBe(200);
    expect(ownerJoins.body.role).toBe('owner');
    const seen = await call(server, 'GET', `/workspaces/${workspace.id}`, { token: owner.token });
    expect(seen.body.members.map((m: any) => m.role)).toEqual(['owner', 'member']);
  });

  it.each([['ABCD-EFGH'], ['hello'], [''], ['0000-1111']])(
    'answers 404 unknown_invite to the code %j',
    async (inviteCode) => {
      const { token } = await register(server);
      const answer = await call(server, 'POST', '/workspaces/join', { token, body: { inviteCode } });
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual(UNKNOWN_INVITE);
    },
  );

  it('answers 400 invalid_input without a code, and 401 without a token', async () => {
    const { token } = await register(server);
    const missing = await call(server, 'POST', '/workspaces/join', { token, body: { code: 'ABCD-EFGH' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('invalid_input');
    const anonymous = await call(server, 'POST', '/workspaces/join', { body: { inviteCode: 'ABCD-EFGH' } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error).toBe('unauthenticated');
  });
});

describe('GET /workspaces/:id', () => {
  it('shows a member the workspace and its members, without the invite code', async () => {
    const { owner, workspace, member } = await group();
    const answer = await call(server, 'GET', `/workspaces/${workspace.id}`, { token: member.token });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: workspace.id,
      name: workspace.name,
      role: 'member',
      members: [
        { id: owner.user.id, displayName: 'Propriétaire', role: 'owner' },
        { id: member.user.id, displayName: 'Membre', role: 'member' },
      ],
    });
  });

  it('shows the owner the invite code too', async () => {
    const { owner, workspace } = await group();
    const answer = await call(server, 'GET', `/workspaces/${workspace.id}`, { token: owner.token });
    expect(answer.body).toMatchObject({ role: 'owner', inviteCode: workspace.inviteCode });
  });

  it("answers 404 to another user's workspace, exactly as to one that does not exist", async () => {
    const { workspace, stranger } = await group();
    const other = await call(server, 'GET', `/workspaces/${workspace.id}`, { token: stranger.token });
    const none = await call(server, 'GET', `/workspaces/${crypto.randomUUID()}`, { token: stranger.token });
    expect(other.status).toBe(404);
    expect(other.body).toEqual(NOT_FOUND);
    expect(none.status).toBe(404);
    expect(none.body).toEqual(other.body);
  });

  it('answers 401 without a token', async () => {
    const { workspace } = await group();
    expect((await call(server, 'GET', `/workspaces/${workspace.id}`)).status).toBe(401);
  });
});

describe('POST /workspaces/:id/invite', () => {
  it('gives the owner a new code; the old one stops working at once', async () => {
    const { owner, workspace } = await group();
    const answer = await call(server, 'POST', `/workspaces/${workspace.id}/invite`, { token: owner.token });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ inviteCode: expect.stringMatching(CODE) });
    expect(answer.body.inviteCode).not.toBe(workspace.inviteCode);

    const late = await register(server);
    const old = await call(server, 'POST', '/workspaces/join', {
      token: late.token,
      body: { inviteCode: workspace.inviteCode },
    });
    expect(old.status).toBe(404);
    expect(old.body).toEqual(UNKNOWN_INVITE);
    const fresh = await call(server, 'POST', '/workspaces/join', {
      token: late.token,
      body: { inviteCode: answer.body.inviteCode },
    });
    expect(fresh.status).toBe(200);
    const seen = await call(server, 'GET', `/workspaces/${workspace.id}`, { token: owner.token });
    expect(seen.body.inviteCode).toBe(answer.body.inviteCode);
  });

  it('answers 403 forbidden to a member and 404 not_found to a stranger', async () => {
    const { workspace, member, stranger } = await group();
    const byMember = await call(server, 'POST', `/workspaces/${workspace.id}/invite`, { token: member.token });
    expect(byMember.status).toBe(403);
    expect(byMember.body).toEqual(FORBIDDEN);
    const byStranger = await call(server, 'POST', `/workspaces/${workspace.id}/invite`, { token: stranger.token });
    expect(byStranger.status).toBe(404);
    expect(byStranger.body).toEqual(NOT_FOUND);
    expect((await call(server, 'POST', `/workspaces/${workspace.id}/invite`)).status).toBe(401);
  });
});

describe('DELETE /workspaces/:id/members/:userId', () => {
  it('removes a member, who loses access at once', async () => {
    const { owner, workspace, member } = await group();
    const removed = await call(server, 'DELETE', `/workspaces/${workspace.id}/members/${member.user.id}`, {
      token: owner.token,
    });
    expect(removed.status).toBe(204);
    const seen = await call(server, 'GET', `/workspaces/${workspace.id}`, { token: member.token });
    expect(seen.status).toBe(404);
    expect(seen.body).toEqual(NOT_FOUND);
    expect((await call(server, 'GET', '/me', { token: member.token })).body.workspaces).toEqual([]);
    expect((await call(server, 'GET', `/workspaces/${workspace.id}`, { token: owner.token })).body.members).toEqual([
      { id: owner.user.id, displayName: 'Propriétaire', role: 'owner' },
    ]);
    // Removing again is harmless (a retry after a lost answer).
    const again = await call(server, 'DELETE', `/workspaces/${workspace.id}/members/${member.user.id}`, {
      token: owner.token,
    });
    expect(again.status).toBe(204);
  });

  it('keeps a removed member out once the owner rotates the code', async () => {
    const { owner, workspace, member } = await group();
    await call(server, 'DELETE', `/workspaces/${workspace.id}/members/${member.user.id}`, { token: owner.token });
    await call(server, 'POST', `/workspaces/${workspace.id}/invite`, { token: owner.token });
    const back = await call(server, 'POST', '/workspaces/join', {
      token: member.token,
      body: { inviteCode: workspace.inviteCode },
    });
    expect(back.status).toBe(404);
  });

  it('does not let the owner remove themself', async () => {
    const { owner, workspace } = await group();
    const answer = await call(server, 'DELETE', `/workspaces/${workspace.id}/members/${owner.user.id}`, {
      token: owner.token,
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual(FORBIDDEN);
    expect((await call(server, 'GET', `/workspaces/${workspace.id}`, { token: owner.token })).body.role).toBe('owner');
  });

  it('answers 403 forbidden to a member and 404 not_found to a stranger', async () => {
    const { owner, workspace, member, stranger } = await group();
    const path = `/workspaces/${workspace.id}/members/${owner.user.id}`;
    const byMember = await call(server, 'DELETE', path, { token: member.token });
    expect(byMember.status).toBe(403);
    expect(byMember.body).toEqual(FORBIDDEN);
    const byStranger = await call(server, 'DELETE', `/workspaces/${workspace.id}/members/${member.user.id}`, {
      token: stranger.token,
    });
    expect(byStranger.status).toBe(404);
    expect(byStranger.body).toEqual(NOT_FOUND);
    expect((await call(server, 'DELETE', path)).status).toBe(401);
    expect((await call(server, 'GET', `/workspaces/${workspace.id}`, { token: member.token })).status).toBe(200);
  });
});

describe('guessing invite codes', () => {
  let limited: TestServer | undefined;
  afterEach(async () => {
    await limited?.close();
    limited = undefined;
  });

  it('answers 429 after 10 wrong codes from a user, whom joining a known code again does not help', async () => {
    const s = (limited = await startTestServer());
    const { workspace } = await ownerWithWorkspace(s);
    const guesser = await register(s);
    const join = (token: string, inviteCode: string) =>
      call(s, 'POST', '/workspaces/join', { token, body: { inviteCode } });
    for (let i = 0; i < 9; i++) expect((await join(guesser.token, `ZZZZ-ZZ${i + 2}Z`)).status).toBe(404);
    expect((await join(guesser.token, workspace.inviteCode)).status).toBe(200);
    expect((await join(guesser.token, 'ZZZZ-ZZZZ')).status).toBe(404);
    const blocked = await join(guesser.token, workspace.inviteCode);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({ error: 'too_many_requests', message: expect.any(String) });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);

    const other = await register(s);
    expect((await join(other.token, workspace.inviteCode)).status).toBe(200);
  });
});
