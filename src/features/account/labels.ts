import type { Role } from '../../model/accounts.ts';

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'propriétaire',
  member: 'membre',
};
