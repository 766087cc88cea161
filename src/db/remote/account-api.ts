import { serverFetch } from '../network.ts';
import type { Role, WorkspaceSummary } from '../../model/accounts.ts';
import type { Session } from '../session.ts';
import { messageFor, NETWORK_MESSAGE } from './api-errors.ts';

/**
 * The typed client of the Accounts and Workspaces routes of SYNC-PROTOCOL.md.
 * Every failure is an `ApiError` with a French `message` ready to show;
 * a network failure is `{status: 0, code: 'network'}`.
 */

export type User = Session['user'];

export interface Credentials {
  email: string;
  password: string;
}

export interface Registration extends Credentials {
  displayName: string;
}

export interface Member {
  id: string;
  displayName: string;
  role: Role;
}

export interface Workspace extends WorkspaceSummary {
  members: Member[];
  /** `XXXX-XXXX`; our server adds it for the owner (an addition to the protocol, so it may be absent). */
  inviteCode?: string;
}

export interface CreatedWorkspace extends WorkspaceSummary {
  inviteCode: string;
}

export interface Me {
  user: User;
  workspaces: WorkspaceSummary[];
}

/** What a route needs to know who is calling: the session's token. */
export type Auth = Pick<Session, 'token'>;

export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const API_BASE = '/api/v1';
/** A request that hangs this long (a captive portal, one bar of signal) counts as no network. */
const TIMEOUT_MS = 20_000;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  auth?: Auth;
  body?: unknown;
}

async function request<T>(path: string, { method = 'GET', auth, body }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (auth) headers.authorization = `Bearer ${auth.token}`;
  let response: Response;
  try {
    response = await serverFetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok && payload !== undefined) return payload as T;
  const fields = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const code = response.ok ? 'unexpected' : typeof fields.error === 'string' ? fields.error : 'unexpected';
  const serverMessage = typeof fields.message === 'string' ? fields.message : undefined;
  const retryHeader = response.headers.get('retry-after');
  const retryAfter = retryHeader === null ? undefined : Number(retryHeader);
  throw new ApiError(response.status, code, messageFor(response.status, code, serverMessage, retryAfter), retryAfter);
}

const workspacePath = (id: string) => `/workspaces/${encodeURIComponent(id)}`;

export const register = (input: Registration) => request<Session>('/auth/register', { method: 'POST', body: input });

export const login = (input: Credentials) => request<Session>('/auth/login', { method: 'POST', body: input });

export const logout = (auth: Auth) => request<void>('/auth/logout', { method: 'POST', auth });

export const me = (auth: Auth) => request<Me>('/me', { auth });

export const createWorkspace = (auth: Auth, name: string) =>
  request<CreatedWorkspace>('/workspaces', { method: 'POST', auth, body: { name } });

export const joinWorkspace = (auth: Auth, inviteCode: string) =>
  request<WorkspaceSummary>('/workspaces/join', { method: 'POST', auth, body: { inviteCode } });

export const getWorkspace = (auth: Auth, id: string) => request<Workspace>(workspacePath(id), { auth });

export const rotateInvite = (auth: Auth, id: string) =>
  request<{ inviteCode: string }>(`${workspacePath(id)}/invite`, { method: 'POST', auth });

export const removeMember = (auth: Auth, id: string, userId: string) =>
  request<void>(`${workspacePath(id)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE', auth });

/** Whatever was thrown, as something the UI can show. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(
    0,
    'local',
    'Une erreur inattendue est survenue sur cet appareil. Rechargez la page et réessayez.',
  );
}
