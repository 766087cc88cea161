import { afterEach, describe, expect, it } from 'vitest';
import { guestIdOf, newGuestToken } from '../../../src/model/workshops/guest.ts';
import { dotsId } from '../../../src/model/workshops/contribution.ts';
import { sampleContribution, sampleWorkshop } from '../../../src/model/workshops/fixtures.ts';
import { call, ownerWithWorkspace, register } from '../accounts/test-client.ts';
import { startTestServer, type TestServer } from '../test-server.ts';

let server: TestServer;
afterEach(() => server?.close());

const ID = 'atelier-abcd2345';
const guestHeader = (token: string) => ({ authorization: `Guest ${token}` });

async function setUp(options: Parameters<typeof startTestServer>[0] = {}) {
  server = await startTestServer(options);
  const { owner, workspace } = await ownerWithWorkspace(server, 'Atelier mobilité');
  const workshop = { ...sampleWorkshop({ ownerId: owner.user.id, workspaceId: workspace.id }), _deleted: false };
  delete (workshop as { authorName?: string }).authorName;
  const pushed = await call(server, 'POST', '/replication/workshops/push', {
    token: owner.token,
    body: [{ newDocumentState: workshop }],
  });
  expect(pushed).toMatchObject({ status: 200, body: [] });
  return { owner, workspace, workshop };
}

async function join(code = 'abcd-2345', token = newGuestToken()) {
  const answer = await call(server, 'POST', '/workshops/join', { body: { code, guestToken: token } });
  return { answer, token, guestId: await guestIdOf(token) };
}

function entry(guestId: string, workspaceId: string, id: string, change: Record<string, unknown> = {}) {
  return { ...sampleContribution(id, { ownerId: guestId, workspaceId }), _deleted: false, ...change };
}

const pushAs = (headers: Record<string, string>, rows: unknown[], workshopId = ID) =>
  call(server, 'POST', `/workshops/${workshopId}/replication/contributions/push`, {
    headers,
    body: rows.map((newDocumentState) => ({ newDocumentState })),
  });

describe('workshop guests', () => {
  it('join by code, post under their own id, read the wall, and nothing else', async () => {
    const { owner, workspace } = await setUp();
    expect((await join('ZZZZ-ZZZZ')).answer.status).toBe(404);
    const bad = await call(server, 'POST', '/workshops/join', { body: { code: 'ABCD2345', guestToken: 'court' } });
    expect(bad.status).toBe(400);

    const guest = await join();
    expect(guest.answer.status).toBe(200);
    expect(guest.answer.body).toMatchObject({ workshopId: ID, guestId: guest.guestId });
    expect(guest.answer.body.workshop.title).toBe('Atelier mobilité à Saint-Flour');
    const headers = guestHeader(guest.token);

    expect(await pushAs(headers, [entry(guest.guestId, workspace.id, 'c1')])).toMatchObject({ status: 200, body: [] });
    // Someone else's id, another group, another workshop: refused.
    expect((await pushAs(headers, [entry(owner.user.id, workspace.id, 'c2')])).status).toBe(403);
    expect((await pushAs(headers, [entry(guest.guestId, 'autre-groupe', 'c3')])).status).toBe(403);
    expect((await pushAs(headers, [entry(guest.guestId, workspace.id, 'c4')], 'atelier-zzzzzzzz')).status).toBe(404);
    // Without a valid credential, nobody learns whether a workshop exists.
    const unknown = { authorization: `Guest ${newGuestToken()}` };
    for (const id of [ID, 'atelier-zzzzzzzz']) {
      expect(
        (await call(server, 'GET', `/workshops/${id}/replication/contributions/pull`, { headers: unknown })).status,
      ).toBe(401);
    }
    // A contribution without text: the model's rule, on the server too.
    expect((await pushAs(headers, [entry(guest.guestId, workspace.id, 'c5', { text: ' ' })])).status).toBe(400);

    const wall = await call(server, 'GET', `/workshops/${ID}/replication/contributions/pull`, { headers });
    expect(wall.body.documents.map((d: { id: string }) => d.id)).toEqual(['c1']);
    const workshops = await call(server, 'GET', `/workshops/${ID}/replication/workshops/pull`, { headers });
    expect(workshops.body.documents.map((d: { id: string }) => d.id)).toEqual([ID]);
    const checkpoint = encodeURIComponent(JSON.stringify(wall.body.checkpoint));
    const again = await call(
      server,
      'GET',
      `/workshops/${ID}/replication/contributions/pull?checkpoint=${checkpoint}`,
      {
        headers,
      },
    );
    expect(again.body).toEqual({ documents: [], checkpoint: wall.body.checkpoint });

    // The group's other routes stay closed to a guest.
    expect((await call(server, 'GET', '/replication/contributions/pull', { headers })).status).toBe(401);
    expect((await call(server, 'GET', `/replication/annotations/pull`, { headers })).status).toBe(401);
    // The facilitator sees the guest's contribution through the group's replication.
    const pulled = await call(server, 'GET', '/replication/contributions/pull', { token: owner.token });
    expect(pulled.body.documents.map((d: { id: string }) => d.id)).toEqual(['c1']);
    // An account outside the group is told the workshop does not exist.
    const stranger = await register(server, 'Inconnu');
    expect(
      (await call(server, 'GET', `/workshops/${ID}/replication/contributions/pull`, { token: stranger.token })).status,
    ).toBe(404);
  });

  it('keeps dots within the limit and refuses new contributions once the workshop is over', async () => {
    const { owner, workspace, workshop } = await setUp();
    const guest = await join();
    const headers = guestHeader(guest.token);
    await pushAs(headers, [entry(guest.guestId, workspace.id, 'c1')]);
    const dots = (count: number) => ({
      id: dotsId(ID, guest.guestId),
      ownerId: guest.guestId,
      workspaceId: workspace.id,
      rev: `${count}-a`,
      createdAt: '2026-12-03T19:00:00.000Z',
      updatedAt: '2026-12-03T19:00:00.000Z',
      workshopId: ID,
      kind: 'dots',
      dots: [{ contributionId: 'c1', count }],
      _deleted: false,
    });
    const over = await pushAs(headers, [dots(4)]);
    expect(over).toMatchObject({ status: 400, body: { error: 'invalid_document' } });
    expect(over.body.message).toContain('au plus 3 gommettes');
    expect((await pushAs(headers, [dots(3)])).status).toBe(200);

    const closed = { ...workshop, status: 'termine', rev: '2-b' };
    const finished = await call(server, 'POST', '/replication/workshops/push', {
      token: owner.token,
      body: [{ assumedMasterState: workshop, newDocumentState: closed }],
    });
    expect(finished).toMatchObject({ status: 200, body: [] });
    const late = await pushAs(headers, [entry(guest.guestId, workspace.id, 'c2')]);
    expect(late).toMatchObject({ status: 403, body: { error: 'workshop_closed' } });
    expect(late.body.message).toContain('terminé');
    // The facilitator's device still brings what it collected by QR code during the workshop.
    const pooled = await pushAs({ authorization: `Bearer ${owner.token}` }, [entry(guest.guestId, workspace.id, 'c3')]);
    expect(pooled).toMatchObject({ status: 200, body: [] });
  });

  it('follows the wall live, limits guest writes, and lets access expire', async () => {
    const { workspace } = await setUp({ workshopLimits: { writesPerAddress: { max: 2, windowMs: 60_000 } } });
    const guest = await join();
    const headers = guestHeader(guest.token);
    const abort = new AbortController();
    const stream = await fetch(`${server.url}/api/v1/workshops/${ID}/replication/stream`, {
      headers,
      signal: abort.signal,
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    await pushAs(headers, [entry(guest.guestId, workspace.id, 'live-1')]);
    let received = '';
    while (!received.includes('live-1')) received += new TextDecoder().decode((await reader.read()).value);
    expect(received).toContain('"collection":"contributions"');
    abort.abort();

    expect((await pushAs(headers, [entry(guest.guestId, workspace.id, 'c2')])).status).toBe(200);
    const limited = await pushAs(headers, [entry(guest.guestId, workspace.id, 'c3')]);
    expect(limited).toMatchObject({ status: 429, body: { error: 'too_many_requests' } });
    expect(limited.headers.get('retry-after')).toBeTruthy();
  });

  it('ends a guest access when it expires', async () => {
    await setUp({ workshopLimits: { guestAccessMs: 1 } });
    const guest = await join();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const wall = await call(server, 'GET', `/workshops/${ID}/replication/contributions/pull`, {
      headers: guestHeader(guest.token),
    });
    expect(wall).toMatchObject({ status: 401, body: { error: 'unauthenticated' } });
  });
});
