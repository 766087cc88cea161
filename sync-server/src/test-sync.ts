/**
 * A small sync client over HTTP for the tests that run several server
 * processes (not a test file itself): register, push, pull, follow a stream.
 */
export interface Session {
  token: string;
  user: { id: string; displayName: string };
}

export interface Reply {
  status: number;
  body: any;
}

export async function request(
  base: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<Reply> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

let accounts = 0;
export async function signUp(base: string, name: string): Promise<Session> {
  const email = `${name.toLowerCase()}-${++accounts}-${Date.now()}@exemple.fr`;
  const reply = await request(base, '/auth/register', {
    body: { email, password: 'mot-de-passe-solide', displayName: name },
  });
  if (reply.status !== 201) throw new Error(`register: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body as Session;
}

export function annotation(owner: Session, id: string, patch: Record<string, unknown> = {}) {
  return {
    id,
    ownerId: owner.user.id,
    workspaceId: null,
    rev: '1-a',
    createdAt: '2026-11-25T10:00:00.000Z',
    updatedAt: '2026-11-25T10:00:00.000Z',
    resourceId: 'kit-essai',
    target: { blockId: 'etapes' },
    color: 'jaune',
    note: `Note ${id}`,
    _deleted: false,
    ...patch,
  };
}

/** Pushes new documents; resolves with the reply (200 and no conflicts when written). */
export function pushNew(base: string, session: Session, docs: object[], collection = 'annotations'): Promise<Reply> {
  return request(base, `/replication/${collection}/push`, {
    token: session.token,
    body: docs.map((doc) => ({ newDocumentState: doc })),
  });
}

export async function pullPage(
  base: string,
  session: Session,
  checkpoint: unknown,
  limit = 100,
  collection = 'annotations',
): Promise<{ documents: { id: string }[]; checkpoint: unknown }> {
  const query = `limit=${limit}${checkpoint == null ? '' : `&checkpoint=${encodeURIComponent(JSON.stringify(checkpoint))}`}`;
  const reply = await request(base, `/replication/${collection}/pull?${query}`, { token: session.token });
  if (reply.status !== 200) throw new Error(`pull: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body;
}

/** Pulls from `checkpoint` until caught up, as a client does. */
export async function pullAll(
  base: string,
  session: Session,
  checkpoint: unknown = null,
  collection = 'annotations',
): Promise<{ ids: string[]; checkpoint: unknown }> {
  const ids: string[] = [];
  for (;;) {
    const page = await pullPage(base, session, checkpoint, 100, collection);
    ids.push(...page.documents.map((d) => d.id));
    checkpoint = page.checkpoint;
    if (page.documents.length < 100) return { ids, checkpoint };
  }
}

/**
 * The `data:` messages of a Server-Sent Events body, one per call, parsed as
 * JSON; 'END' once the server has closed the stream (or the read failed).
 */
export function sseMessages(body: ReadableStream): () => Promise<unknown> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return async () => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (event.startsWith('data: ')) return JSON.parse(event.slice(6));
        continue;
      }
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
      if (done) return 'END';
      buffer += value;
    }
  };
}

/**
 * Asks for the event stream at `path` (under /api/v1) and says how it was
 * answered: its status, the error body when refused, and when open its next
 * message (`next`) and how to close it.
 */
export async function tryStream(base: string, path: string, token?: string) {
  const abort = new AbortController();
  const response = await fetch(`${base}/api/v1${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: abort.signal,
  });
  if (response.status !== 200) return { status: response.status, body: await response.json(), close() {} };
  const next = sseMessages(response.body!);
  return { status: 200, body: undefined, next, close: () => abort.abort() };
}

/** An event stream of a user's annotations; `next()` gives the next message, or 'END' when the server closed it. */
export async function openStream(base: string, session: Session) {
  const abort = new AbortController();
  const response = await fetch(`${base}/api/v1/replication/annotations/stream`, {
    headers: { authorization: `Bearer ${session.token}` },
    signal: abort.signal,
  });
  if (response.status !== 200) throw new Error(`stream: ${response.status}`);
  const next = sseMessages(response.body!) as () => Promise<any>;
  /** Waits for a message carrying the document `id`. */
  const waitFor = async (id: string): Promise<void> => {
    for (;;) {
      const message = await next();
      if (message === 'END') throw new Error(`stream ended before ${id} arrived`);
      if (message.documents?.some((d: { id: string }) => d.id === id)) return;
    }
  };
  return { next, waitFor, close: () => abort.abort() };
}

/** Polls `condition` until it holds (a condition, never a fixed wait). */
export async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
