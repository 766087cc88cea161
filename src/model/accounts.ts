/** Accounts and groups (« espaces ») as client and server both see them. */

export type Role = 'owner' | 'member';

/** One of the user's groups, as `GET /me` lists it. */
export interface WorkspaceSummary {
  id: string;
  name: string;
  role: Role;
}
