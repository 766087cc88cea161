import { randomUUID } from 'node:crypto';
import { ApiError } from '../errors.ts';
import type { AccountEvents } from './events.ts';
import { check, countAttempt, type Limit } from './attempts.ts';
import { formatInviteCode, newInviteCode, parseInviteCode } from './invite-codes.ts';
import type { AccountStore, Member, Membership, Role } from './store.ts';

export interface WorkspaceSummary {
  id: string;
  name: string;
  role: Role;
}

export interface WorkspaceView extends WorkspaceSummary {
  members: Member[];
  /** Shown to the owner only, as `XXXX-XXXX`. */
  inviteCode?: string;
}

export interface WorkspaceSettings {
  joinPerUser: Limit;
  joinPerAddress: Limit;
  now?: () => number;
}

/** Tries before giving up on finding an unused invite code (a clash is already a one-in-billions event). */
const CODE_TRIES = 5;

const NOT_FOUND = 'Espace de travail introuvable.';

/**
 * Workspaces and their members. A non-member is told a workspace does not
 * exist (404), whatever the route; a member who is not the owner is refused
 * the owner's routes (403).
 */
export class Workspaces {
  constructor(
    private readonly store: AccountStore,
    private readonly events: AccountEvents,
    private readonly settings: WorkspaceSettings,
  ) {}

  async idsOf(userId: string): Promise<Set<string>> {
    return new Set((await this.store.listMemberships(userId)).map((m) => m.workspace.id));
  }

  async listFor(userId: string): Promise<WorkspaceSummary[]> {
    return (await this.store.listMemberships(userId)).map(summary);
  }

  async create(userId: string, name: string): Promise<WorkspaceSummary & { inviteCode: string }> {
    for (let i = 0; i < CODE_TRIES; i++) {
      const workspace = { id: randomUUID(), name, inviteCode: newInviteCode() };
      if (await this.store.createWorkspace(workspace, userId)) {
        return { id: workspace.id, name, role: 'owner', inviteCode: formatInviteCode(workspace.inviteCode) };
      }
    }
    throw new Error('No unused invite code found');
  }

  /**
   * Joins by invite code, typed in any case, with or without spaces and
   * hyphens. Joining again is harmless (the role is kept). Failed codes are
   * limited per user and per client address, and a success does not clear
   * them: joining a known workspace again must not buy more guesses.
   */
  async join(userId: string, typed: string, address: string): Promise<WorkspaceSummary> {
    const forgive = await countAttempt(
      this.store,
      [
        check('join-user', this.settings.joinPerUser, userId),
        check('join-address', this.settings.joinPerAddress, address),
      ],
      (this.settings.now ?? Date.now)(),
    );
    const code = parseInviteCode(typed);
    const workspace = code === undefined ? undefined : await this.store.findWorkspaceByInviteCode(code);
    if (!workspace) throw new ApiError(404, 'unknown_invite', "Ce code d'invitation ne correspond à aucun espace.");
    await forgive();
    const added = await this.store.addMember(workspace.id, userId);
    const membership = await this.store.findMembership(workspace.id, userId);
    if (!membership) throw new ApiError(404, 'unknown_invite', "Ce code d'invitation ne correspond à aucun espace.");
    if (added) this.events.emit('membershipChanged', { workspaceId: workspace.id, userIds: [userId] });
    return summary(membership);
  }

  async view(userId: string, workspaceId: string): Promise<WorkspaceView> {
    const membership = await this.membershipOf(userId, workspaceId);
    const view: WorkspaceView = { ...summary(membership), members: await this.store.listMembers(workspaceId) };
    if (membership.role === 'owner') view.inviteCode = formatInviteCode(membership.workspace.inviteCode);
    return view;
  }

  /** A new invite code; the old one stops working at once. */
  async rotateInvite(userId: string, workspaceId: string): Promise<{ inviteCode: string }> {
    await this.ownerOf(userId, workspaceId);
    for (let i = 0; i < CODE_TRIES; i++) {
      const inviteCode = newInviteCode();
      if (await this.store.setInviteCode(workspaceId, inviteCode)) return { inviteCode: formatInviteCode(inviteCode) };
    }
    throw new Error('No unused invite code found');
  }

  /** Removing someone who is not (or no longer) a member is harmless, so that a retry succeeds. */
  async removeMember(userId: string, workspaceId: string, memberId: string): Promise<void> {
    await this.ownerOf(userId, workspaceId);
    if (memberId === userId) {
      throw new ApiError(403, 'forbidden', 'Le propriétaire ne peut pas se retirer de son propre espace.');
    }
    if (await this.store.removeMember(workspaceId, memberId)) {
      this.events.emit('membershipChanged', { workspaceId, userIds: [memberId] });
    }
  }

  private async membershipOf(userId: string, workspaceId: string): Promise<Membership> {
    const membership = await this.store.findMembership(workspaceId, userId);
    if (!membership) throw new ApiError(404, 'not_found', NOT_FOUND);
    return membership;
  }

  private async ownerOf(userId: string, workspaceId: string): Promise<Membership> {
    const membership = await this.membershipOf(userId, workspaceId);
    if (membership.role !== 'owner') {
      throw new ApiError(403, 'forbidden', "Seul le propriétaire de l'espace peut faire cela.");
    }
    return membership;
  }
}

function summary(membership: Membership): WorkspaceSummary {
  return { id: membership.workspace.id, name: membership.workspace.name, role: membership.role };
}
