import type { Role } from './api.ts';

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'propriétaire',
  member: 'membre',
};
