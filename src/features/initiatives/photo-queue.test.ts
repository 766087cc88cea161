import 'fake-indexeddb/auto';
import { Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PhotoStore } from '../../db/photo-store.ts';
import { PhotoUploadQueue, type PhotoQueueOptions, type UploadProgress } from './photo-queue.ts';

const SESSION = { token: 'jeton-a', user: { id: 'u1', email: 'a@exemple.fr', displayName: 'A' } };
const hash = (letter: string) => letter.repeat(64);

let store: PhotoStore;
let count = 0;

beforeEach(async () => {
  store = await PhotoStore.open(`photo-queue-test-${++count}`);
});
afterEach(() => store.close());

async function keep(letter: string, bytes = [1, 2, 3]) {
  await store.put({
    sha256: hash(letter),
    type: 'image/jpeg',
    bytes: new Uint8Array(bytes).buffer,
    width: 1,
    height: 1,
  });
}

type Answer = number | 'network';

/** A fake server: answers each PUT with the next status of `answers` (201 once they run out). */
function fakeServer(answers: Answer[] = []) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init! });
    const answer = answers.shift() ?? 201;
    if (answer === 'network') throw new TypeError('Failed to fetch');
    const codes: Record<number, string> = { 400: 'hash_mismatch', 413: 'too_large', 415: 'unsupported_type' };
    return Response.json(answer < 300 ? {} : { error: codes[answer] ?? 'oops', message: 'x' }, { status: answer });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

/** Timers run by hand: `fire()` runs the pending retry. */
function manualTimers() {
  const pending: { callback: () => void; ms: number }[] = [];
  return {
    pending,
    setTimer(callback: () => void, ms: number) {
      const timer = { callback, ms };
      pending.push(timer);
      return timer;
    },
    clearTimer(handle: unknown) {
      const i = pending.indexOf(handle as (typeof pending)[number]);
      if (i >= 0) pending.splice(i, 1);
    },
    fire() {
      pending.shift()?.callback();
    },
  };
}

function queue(options: Partial<PhotoQueueOptions> & Pick<PhotoQueueOptions, 'fetch' | 'wanted'>) {
  const progress: UploadProgress[] = [];
  const q = new PhotoUploadQueue({
    store: async () => store,
    online: () => true,
    retryDelay: (n) => n * 1000,
    ...options,
  });
  q.progress$.subscribe((p) => progress.push(p));
  return { q, progress };
}

const hashes = (calls: { url: string }[]) => calls.map((c) => c.url.split('/').pop()![0]);

describe('the photo upload queue', () => {
  it('sends the photos of recorded initiatives one at a time, with their type and the token, and marks them sent', async () => {
    await keep('a', [1]);
    await keep('b', [2, 2]);
    await keep('c'); // in a draft only: not sent
    const server = fakeServer();
    const { q, progress } = queue({ fetch: server.fetch, wanted: async () => [hash('a'), hash('b')] });
    q.follow(SESSION);
    await q.idle();
    expect(hashes(server.calls)).toEqual(['a', 'b']);
    const first = server.calls[0]!;
    expect(first.url).toBe(`/api/v1/blobs/${hash('a')}`);
    expect(first.init.method).toBe('PUT');
    expect(first.init.headers).toEqual({ 'content-type': 'image/jpeg', authorization: 'Bearer jeton-a' });
    expect(new Uint8Array(first.init.body as ArrayBuffer)).toEqual(new Uint8Array([1]));
    expect((await store.info(hash('a')))!.uploaded).toBe(true);
    expect((await store.info(hash('c')))!.uploaded).toBe(false);
    // « Envoi des photos : 1 sur 2 », then done.
    expect(progress.some((p) => p.done === 1 && p.total === 2)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ done: 0, total: 0, waiting: false });

    // Nothing is sent twice.
    q.kick();
    await q.idle();
    expect(server.calls).toHaveLength(2);
  });

  it('sends nothing while signed out or offline, and everything once online again', async () => {
    await keep('a');
    const server = fakeServer();
    let online = false;
    const { q, progress } = queue({ fetch: server.fetch, wanted: async () => [hash('a')], online: () => online });
    q.kick();
    await q.idle();
    q.follow(SESSION);
    await q.idle();
    expect(server.calls).toHaveLength(0);
    expect(progress.at(-1)!.waiting).toBe(true);
    online = true;
    q.resume();
    await q.idle();
    expect(server.calls).toHaveLength(1);
  });

  it('tries again later after a network failure or a server error, longer and longer apart, and resumes at once when online', async () => {
    await keep('a');
    const server = fakeServer(['network', 503, 500, 201]);
    const timers = manualTimers();
    const { q, progress } = queue({ fetch: server.fetch, wanted: async () => [hash('a')], ...timers });
    q.follow(SESSION);
    await q.idle();
    expect(server.calls).toHaveLength(1);
    expect(timers.pending.map((t) => t.ms)).toEqual([1000]);
    expect(progress.at(-1)).toMatchObject({ waiting: true, total: 1, done: 0 });

    q.kick(); // a kick while waiting for the retry does not hammer the server
    await q.idle();
    expect(server.calls).toHaveLength(1);

    timers.fire();
    await q.idle();
    expect(timers.pending.map((t) => t.ms)).toEqual([2000]);
    timers.fire();
    await q.idle();
    expect(timers.pending.map((t) => t.ms)).toEqual([3000]);

    q.resume(); // the « online » event: no waiting
    await q.idle();
    expect(server.calls).toHaveLength(4);
    expect((await store.info(hash('a')))!.uploaded).toBe(true);
    expect(timers.pending).toEqual([]);
  });

  it('marks a photo refused for good (400, 413, 415) with a French reason, and goes on with the next', async () => {
    for (const letter of 'abcd') await keep(letter);
    const server = fakeServer([415, 413, 400, 201]);
    const { q } = queue({ fetch: server.fetch, wanted: async () => ['a', 'b', 'c', 'd'].map(hash) });
    q.follow(SESSION);
    await q.idle();
    expect(server.calls).toHaveLength(4);
    expect((await store.info(hash('a')))!.failure).toEqual({
      status: 415,
      message: expect.stringMatching(/JPEG, PNG ou WebP/),
    });
    expect((await store.info(hash('b')))!.failure).toEqual({ status: 413, message: expect.stringMatching(/5 Mo/) });
    expect((await store.info(hash('c')))!.failure).toEqual({ status: 400, message: expect.stringMatching(/abîmée/) });
    expect((await store.info(hash('d')))!.uploaded).toBe(true);

    // A refused photo is not sent again.
    q.kick();
    await q.idle();
    expect(server.calls).toHaveLength(4);
  });

  it('stops when the server no longer knows the session, until the next one', async () => {
    await keep('a');
    const server = fakeServer([401]);
    const { q, progress } = queue({ fetch: server.fetch, wanted: async () => [hash('a')] });
    q.follow(SESSION);
    await q.idle();
    expect(progress.at(-1)).toMatchObject({ signInNeeded: true });
    expect((await store.info(hash('a')))!.failure).toBeUndefined();
    q.follow({ ...SESSION, token: 'jeton-b' });
    await q.idle();
    expect(server.calls.map((c) => (c.init.headers as Record<string, string>).authorization)).toEqual([
      'Bearer jeton-a',
      'Bearer jeton-b',
    ]);
    expect((await store.info(hash('a')))!.uploaded).toBe(true);
  });

  it('looks again when an initiative is recorded', async () => {
    const server = fakeServer();
    const recorded = new Subject<void>();
    let wanted: string[] = [];
    const { q } = queue({ fetch: server.fetch, wanted: async () => wanted });
    q.follow(SESSION, [recorded]);
    await q.idle();
    await keep('a');
    wanted = [hash('a')];
    recorded.next();
    await q.idle();
    expect(hashes(server.calls)).toEqual(['a']);
    q.follow(null);
    await keep('b');
    wanted = [hash('a'), hash('b')];
    recorded.next(); // signed out: no longer followed
    await q.idle();
    expect(server.calls).toHaveLength(1);
  });
});
