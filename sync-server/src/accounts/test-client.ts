import type { TestServer } from '../test-server.ts';

/** HTTP helpers for the account tests (not a test file itself). */
export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

export async function call(
  server: TestServer,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export const PASSWORD = 'un mot de passe solide';

let counter = 0;

/** Registers a new user with a unique email; returns their token and user. */
export async function register(
  server: TestServer,
  displayName = 'Camille',
): Promise<{ token: string; user: { id: string; email: string; displayName: string } }> {
  counter += 1;
  const email = `user${counter}-${Date.now()}@example.org`;
  const answer = await call(server, 'POST', '/auth/register', { body: { email, password: PASSWORD, displayName } });
  if (answer.status !== 201) throw new Error(`register: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A user who owns a new workspace. */
export async function ownerWithWorkspace(server: TestServer, name = 'Groupe territorial') {
  const owner = await register(server, 'Propriétaire');
  const workspace = (await call(server, 'POST', '/workspaces', { token: owner.token, body: { name } })).body as {
    id: string;
    name: string;
    role: string;
    inviteCode: string;
  };
  return { owner, workspace };
}
