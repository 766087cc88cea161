/**
 * What the replication layer listens to, so that open streams follow
 * account changes: a membership change makes the affected users' streams
 * send RESYNC; a revoked token closes the streams opened with it.
 */
export interface AccountEventMap {
  /** `userIds`: the users whose set of workspaces changed (the one who joined, the one removed). */
  membershipChanged: { workspaceId: string; userIds: string[] };
  /** `tokenHash`: SHA-256 hex of the token (see tokens.ts), as a stream may have kept it. */
  tokenRevoked: { userId: string; tokenHash: string };
}

export type AccountEventName = keyof AccountEventMap;
type Listener<E extends AccountEventName> = (event: AccountEventMap[E]) => void;

/**
 * A small typed emitter. Listeners run synchronously after the change is
 * committed; one that throws is reported and does not stop the others, nor
 * turn the request that caused the change into an error.
 */
export class AccountEvents {
  private readonly listeners: { [E in AccountEventName]: Set<Listener<E>> } = {
    membershipChanged: new Set(),
    tokenRevoked: new Set(),
  };

  constructor(private readonly onListenerError: (error: unknown) => void = (error) => console.error(error)) {}

  /** Adds a listener; returns the function that removes it. */
  on<E extends AccountEventName>(name: E, listener: Listener<E>): () => void {
    this.listeners[name].add(listener);
    return () => this.off(name, listener);
  }

  off<E extends AccountEventName>(name: E, listener: Listener<E>): void {
    this.listeners[name].delete(listener);
  }

  emit<E extends AccountEventName>(name: E, event: AccountEventMap[E]): void {
    for (const listener of [...this.listeners[name]] as Listener<E>[]) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
