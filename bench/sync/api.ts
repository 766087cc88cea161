/** The HTTP calls of SYNC-PROTOCOL.md the sync bench needs, over fetch. */
import type { Annotation } from '../../src/model/annotations.ts';

export interface Session {
  token: string;
  user: { id: string; displayName: string };
}

const REQUEST_TIMEOUT_MS = 30_000;

export class Api {
  private accounts = 0;
  constructor(readonly base: string) {}

  async call<T = unknown>(
    path: string,
    init: { method?: string; token?: string; body?: unknown; expect?: number } = {},
  ): Promise<T> {
    const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
    const response = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    const expected = init.expect ?? 200;
    if (response.status !== expected) {
      throw new Error(`${method} ${path}: HTTP ${response.status} (expected ${expected}): ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }

  register(name: string): Promise<Session> {
    return this.call<Session>('/auth/register', {
      body: { email: `banc-${++this.accounts}@exemple.fr`, password: 'mot-de-passe-solide', displayName: name },
      expect: 201,
    });
  }

  /** Pushes rows as RxDB's replication does; fails on a conflict, which the bench never expects. */
  async push(session: Session, documents: Annotation[]): Promise<void> {
    const conflicts = await this.call<unknown[]>('/replication/annotations/push', {
      token: session.token,
      body: documents.map((newDocumentState) => ({ newDocumentState })),
    });
    if (conflicts.length > 0) throw new Error(`push: ${conflicts.length} unexpected conflicts`);
  }
}

const NOW = '2026-11-25T10:00:00.000Z';

/** An annotation of usual size: a quote with its context, its position and a short note. */
export function annotation(
  owner: Session,
  id: string,
  workspaceId: string | null = null,
): Annotation & { _deleted: false } {
  return {
    id,
    ownerId: owner.user.id,
    workspaceId,
    rev: '1-bench',
    createdAt: NOW,
    updatedAt: NOW,
    resourceId: 'kit-faire-alliance',
    target: {
      blockId: 'etapes',
      quote: {
        exact: 'réunir les acteurs économiques du territoire autour d’un besoin partagé',
        prefix: 'La première étape consiste à ',
        suffix: ', puis à formaliser leurs engagements.',
      },
      position: { start: 1200, end: 1272 },
    },
    color: 'jaune',
    note: 'À relire avant l’atelier : exemples en montagne, voir avec la communauté de communes.',
    _deleted: false,
  };
}
