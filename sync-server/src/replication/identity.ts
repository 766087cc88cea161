import type { FastifyRequest } from 'fastify';
import type { Accounts } from '../accounts/accounts.ts';

export interface Caller {
  userId: string;
  /** Hash of the request's token, to close its streams when it is revoked. */
  tokenHash: string;
  /** The name the user registered with: the only `authorName` they may put on a document. */
  displayName: string;
}

/** What replication needs to know about the caller and their groups. */
export interface Identity {
  /** The caller; undefined without a token; throws 401 for an unknown or revoked one. */
  callerOf(request: FastifyRequest): Promise<Caller | undefined>;
  workspaceIdsOf(userId: string): Promise<Set<string>>;
  onMembershipChanged(listener: (event: { workspaceId: string; userIds: string[] }) => void): () => void;
  onTokenRevoked(listener: (event: { userId: string; tokenHash: string }) => void): () => void;
}

/** The accounts module, as replication sees it. */
export function accountsIdentity(accounts: Accounts): Identity {
  return {
    async callerOf(request) {
      const session = await accounts.optionalUser(request);
      return (
        session && { userId: session.user.id, tokenHash: session.tokenHash, displayName: session.user.displayName }
      );
    },
    workspaceIdsOf: (userId) => accounts.workspaceIdsOf(userId),
    onMembershipChanged: (listener) => accounts.events.on('membershipChanged', listener),
    onTokenRevoked: (listener) => accounts.events.on('tokenRevoked', listener),
  };
}
