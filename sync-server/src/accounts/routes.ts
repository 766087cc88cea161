import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Accounts } from './accounts.ts';
import { TooManyRequests } from './attempts.ts';
import { readCredentials, readInviteCode, readRegistration, readWorkspaceName } from './input.ts';

type Params = { Params: { id: string; userId: string } };

/** The Accounts and Workspaces routes of SYNC-PROTOCOL.md. */
export function accountRoutes(app: FastifyInstance, accounts: Accounts): void {
  const { sessions, workspaces } = accounts;

  app.post('/api/v1/auth/register', async (request, reply) => {
    const input = readRegistration(request.body);
    return reply.status(201).send(await announceWait(reply, () => sessions.register(input, request.ip)));
  });

  app.post('/api/v1/auth/login', async (request, reply) => {
    const input = readCredentials(request.body);
    return announceWait(reply, () => sessions.login(input, request.ip));
  });

  app.post('/api/v1/auth/logout', async (request, reply) => {
    await sessions.logout(await accounts.requireUser(request));
    return reply.status(204).send();
  });

  app.get('/api/v1/me', async (request) => {
    const { user } = await accounts.requireUser(request);
    return { user, workspaces: await workspaces.listFor(user.id) };
  });

  app.post('/api/v1/workspaces', async (request, reply) => {
    const { user } = await accounts.requireUser(request);
    const name = readWorkspaceName(request.body);
    return reply.status(201).send(await workspaces.create(user.id, name));
  });

  app.post('/api/v1/workspaces/join', async (request, reply) => {
    const { user } = await accounts.requireUser(request);
    const code = readInviteCode(request.body);
    return announceWait(reply, () => workspaces.join(user.id, code, request.ip));
  });

  app.get<Params>('/api/v1/workspaces/:id', async (request) => {
    const { user } = await accounts.requireUser(request);
    return workspaces.view(user.id, request.params.id);
  });

  app.post<Params>('/api/v1/workspaces/:id/invite', async (request) => {
    const { user } = await accounts.requireUser(request);
    return workspaces.rotateInvite(user.id, request.params.id);
  });

  app.delete<Params>('/api/v1/workspaces/:id/members/:userId', async (request, reply) => {
    const { user } = await accounts.requireUser(request);
    await workspaces.removeMember(user.id, request.params.id, request.params.userId);
    return reply.status(204).send();
  });
}

/** Adds `Retry-After` to a 429 before the error handler writes it. */
async function announceWait<T>(reply: FastifyReply, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof TooManyRequests) reply.header('retry-after', String(error.retryAfterSeconds));
    throw error;
  }
}
