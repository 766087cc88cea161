import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstValueFrom, filter } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../sync-server/src/test-server.ts';
import type { AppDatabase } from '../database.ts';
import { openTestDatabase } from '../test-database.ts';
import { libraryProgress, replicateLibrary } from './library.ts';

let server: TestServer;
let db: AppDatabase;

beforeEach(async () => {
  server = await startTestServer();
  db = await openTestDatabase('library-test');
});
afterEach(async () => {
  await db.close();
  await server.close();
});

/** A fetch that records glossary pulls and can be made to fail, like a dropped connection. */
function flakyFetch() {
  const state = { pulls: [] as string[], failPullsAfter: Infinity };
  const doFetch: typeof fetch = async (input, init) => {
    const url = String(input);
    if (url.includes('/glossary/pull?')) {
      if (state.pulls.length >= state.failPullsAfter) throw new TypeError('Failed to fetch');
      state.pulls.push(url);
    }
    return fetch(url, init);
  };
  return { state, doFetch };
}

const total = async () =>
  (await Promise.all(Object.values(db.collections).map((c) => c.count().exec()))).reduce((a, b) => a + b, 0);

describe('library replication', () => {
  it('downloads every published document into the local database', async () => {
    const { doFetch } = flakyFetch();
    const replications = replicateLibrary(db, { baseUrl: server.url, fetch: doFetch, batchSize: 2 });
    await Promise.all(replications.map((r) => r.awaitInitialReplication()));
    expect(await total()).toBe(4);
    const kit = await db.resources.findOne('kit-essai').exec();
    expect(kit?.title).toBe('Kit d’essai');
    expect(kit?.blocks.length).toBeGreaterThan(3);
    await Promise.all(replications.map((r) => r.cancel()));
  });

  it('downloads what the opened screen shows before the rest', async () => {
    const pulls: string[] = [];
    const doFetch: typeof fetch = (input, init) => {
      const name = /replication\/(\w+)\/pull/.exec(String(input))?.[1];
      if (name) pulls.push(name);
      return fetch(String(input), init);
    };
    const replications = replicateLibrary(db, { baseUrl: server.url, fetch: doFetch, first: ['resources'] });
    await Promise.all(replications.map((r) => r.awaitInitialReplication()));
    expect(pulls[0]).toBe('resources');
    for (const other of ['needs', 'webinars', 'glossary']) expect(pulls.indexOf(other)).toBeGreaterThan(0);
    await Promise.all(replications.map((r) => r.cancel()));
  });

  it('resumes an interrupted first download from its checkpoint', async () => {
    // A library big enough to need several pulls: many glossary terms.
    const source = readFileSync(join(server.libraryDir, 'glossary/alliance.md'), 'utf8');
    for (let i = 0; i < 9; i++) {
      writeFileSync(join(server.libraryDir, `glossary/terme-${i}.md`), source.replace(/alliance/g, `terme-${i}`));
    }
    await server.importLibraryAsCli();

    const net = flakyFetch();
    net.state.failPullsAfter = 3; // the network drops after three pulls of the glossary
    const replications = replicateLibrary(db, { baseUrl: server.url, fetch: net.doFetch, batchSize: 2, retryMs: 100 });
    const glossary = replications[3]!;
    await firstValueFrom(glossary.error$);
    const pulledBeforeDrop = net.state.pulls.length;
    expect(pulledBeforeDrop).toBe(3);

    net.state.failPullsAfter = Infinity; // the network is back: the next retry goes through
    await glossary.awaitInSync();
    expect(await db.glossary.count().exec()).toBe(10);
    const afterDrop = net.state.pulls.slice(pulledBeforeDrop);
    // It carries on from the last checkpoint instead of starting over…
    const checkpointAfterDrop = new URL(afterDrop[0]!).searchParams.get('checkpoint');
    expect(JSON.parse(checkpointAfterDrop!)).toEqual({ seq: expect.any(Number) });
    // …so only the four missing terms travel: two pulls of two, and at most one empty pull.
    expect(afterDrop.length).toBeLessThanOrEqual(3);
    await Promise.all(replications.map((r) => r.cancel()));
  });

  it('receives a content change live, without reloading', async () => {
    const replications = replicateLibrary(db, { baseUrl: server.url });
    await Promise.all(replications.map((r) => r.awaitInitialReplication()));
    const kit = join(server.libraryDir, 'kits/kit-essai.md');
    writeFileSync(kit, readFileSync(kit, 'utf8').replace("Kit d'essai", 'Kit revu sur le serveur'));
    await server.importLibraryAsCli();
    const updated = await firstValueFrom(
      db.resources.findOne('kit-essai').$.pipe(filter((doc) => doc?.title === 'Kit revu sur le serveur')),
    );
    expect(updated?.title).toBe('Kit revu sur le serveur');
    await Promise.all(replications.map((r) => r.cancel()));
  });

  it('tells how much of the library is on the device, and remembers once it is whole', async () => {
    const net = flakyFetch();
    net.state.failPullsAfter = 0; // the glossary cannot come
    const replications = replicateLibrary(db, { baseUrl: server.url, fetch: net.doFetch, retryMs: 100 });
    const progress$ = libraryProgress(db, replications);
    expect(await firstValueFrom(progress$.pipe(filter((p) => p.partsDone === 3)))).toEqual({
      partsDone: 3,
      partsTotal: 4,
      complete: false,
    });
    net.state.failPullsAfter = Infinity;
    expect(await firstValueFrom(progress$.pipe(filter((p) => p.complete)))).toEqual({
      partsDone: 4,
      partsTotal: 4,
      complete: true,
    });
    await firstValueFrom(db.getLocal$('library-complete').pipe(filter(Boolean)));
    await Promise.all(replications.map((r) => r.cancel()));

    // A later visit without any network still knows its library is whole.
    const offline = replicateLibrary(db, {
      baseUrl: server.url,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      retryMs: 100,
    });
    expect((await firstValueFrom(libraryProgress(db, offline).pipe(filter((p) => p.complete)))).partsDone).toBe(4);
    await Promise.all(offline.map((r) => r.cancel()));
  });
});
