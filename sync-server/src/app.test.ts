import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function get(path: string, init?: RequestInit) {
  const response = await fetch(`${server!.url}${path}`, init);
  return { response, status: response.status, body: (await response.json()) as any };
}

describe('the API', () => {
  it('reports health and the collections with their schemas', async () => {
    server = await startTestServer();
    expect((await get('/api/v1/health')).body).toEqual({ ok: true, version: expect.any(String) });
    const { body } = await get('/api/v1/collections');
    expect(body.map((c: any) => [c.name, c.kind, c.schemaVersion])).toEqual([
      ['needs', 'library', 0],
      ['resources', 'library', 1],
      ['webinars', 'library', 1],
      ['glossary', 'library', 0],
      ['annotations', 'user', 0],
      ['initiatives', 'user', 1],
      ['workshops', 'user', 0],
      ['contributions', 'user', 0],
      ['feedback', 'inbox', 1],
    ]);
    expect(body[1].schema.properties.step.enum).toEqual(['comprendre', 's-approprier', 'agir']);
  });

  it('pulls a library collection page by page, without a token', async () => {
    server = await startTestServer();
    const first = await get('/api/v1/replication/resources/pull?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.documents).toHaveLength(1);
    expect(first.body.documents[0]).toMatchObject({ id: 'kit-essai', _deleted: false });
    // The server's share of the pull, read by the sync bench (docs/performance.md).
    expect(first.response.headers.get('server-timing')).toMatch(/^query;dur=\d+\.\d, serialise;dur=\d+\.\d$/);
    const cp = encodeURIComponent(JSON.stringify(first.body.checkpoint));
    const rest = await get(`/api/v1/replication/resources/pull?checkpoint=${cp}`);
    expect(rest.body).toEqual({ documents: [], checkpoint: first.body.checkpoint });
  });

  it('sends a pulled document byte for byte as stored', async () => {
    server = await startTestServer();
    const stored = await server.store.readDocument('glossary', 'alliance');
    const text = await (await fetch(`${server.url}/api/v1/replication/glossary/pull`)).text();
    expect(text).toContain(stored!.body);
  });

  it.each([
    ['/api/v1/replication/resources/pull?checkpoint=%7Bnope', 400, 'bad_checkpoint'],
    ['/api/v1/replication/resources/pull?checkpoint=%7B%22seq%22%3A-1%7D', 400, 'bad_checkpoint'],
    ['/api/v1/replication/resources/pull?limit=501', 400, 'invalid_input'],
    ['/api/v1/replication/nothing/pull', 404, 'unknown_collection'],
    ['/api/v1/nowhere', 404, 'not_found'],
  ])('answers %s with a JSON error', async (path, status, error) => {
    server = await startTestServer();
    const result = await get(path);
    expect(result.status).toBe(status);
    expect(result.body).toEqual({ error, message: expect.any(String) });
  });

  it('refuses a push to a library collection', async () => {
    server = await startTestServer();
    const result = await get('/api/v1/replication/resources/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[]',
    });
    expect(result.status).toBe(403);
    expect(result.body.error).toBe('read_only');
  });

  it('streams a library change made by another process to connected clients', async () => {
    server = await startTestServer();
    const abort = new AbortController();
    const response = await fetch(`${server.url}/api/v1/replication/stream?collections=resources,glossary`, {
      signal: abort.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toContain(': connecté');

    // What `npm run library:import` does: its own connection to the same SQLite file.
    const kit = join(server.libraryDir, 'kits/kit-essai.md');
    writeFileSync(kit, readFileSync(kit, 'utf8').replace("Kit d'essai", 'Kit modifié'));
    await server.importLibraryAsCli();

    let text = '';
    while (!text.includes('\n\n')) text += (await reader.read()).value;
    const message = JSON.parse(text.replace(/^data: /, ''));
    expect(message.collection).toBe('resources');
    expect(message.documents.map((d: any) => [d.id, d.title])).toEqual([['kit-essai', 'Kit modifié']]);
    expect(message.checkpoint).toEqual({ seq: expect.any(Number) });
    abort.abort();
  });

  it('serves the app with caching, compression and security headers', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'it-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><html lang="fr"><title>x</title><main class="page"><p class="muted">Chargement…</p></main></html>',
    );
    writeFileSync(join(dist, 'sw.js'), '// sw');
    writeFileSync(join(dist, 'assets/app-abc123.js'), `console.log(${JSON.stringify('x'.repeat(5000))});`);
    server = await startTestServer({ staticDir: dist });

    const index = await fetch(`${server.url}/`);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const home = await index.clone().text();
    expect(home).toContain('<div data-preview="/"><h1>La bibliothèque');
    // The needs, before the app and the library have arrived.
    expect(home).toMatch(
      /<h2 id="besoins">Partir d'un besoin<\/h2><ul class="grid needs"><li class="card need"><h3><a href="\/besoins\/qualifier-l-innovation">/,
    );
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${server.url}/sw.js`)).headers.get('cache-control')).toBe('no-cache');

    const deepLink = await fetch(`${server.url}/ressources/kit-essai`);
    expect(deepLink.status).toBe(200);
    expect(deepLink.headers.get('cache-control')).toBe('no-cache');
    const page = await deepLink.text();
    expect(page).toContain('lang="fr"');
    // The text's heading is in the page itself, before the app runs.
    expect(page).toContain('<main class="page"><article class="reader" data-preview="/ressources/kit-essai">');
    expect(page).toContain('<h1>Kit d’essai</h1>');
    expect(page).toContain("<title>Kit d’essai — L'innovation territoriale en actions !</title>");
    expect(await (await fetch(`${server.url}/ressources/inconnu`)).text()).toContain(
      '<main class="page"><p class="muted">Chargement…</p></main>',
    );
    // A screen whose top does not depend on the data: its heading and first paragraph, whatever the query.
    const form = await (await fetch(`${server.url}/initiatives/nouvelle?brouillon=abc`)).text();
    expect(form).toContain('<main class="page"><h1>Nouvelle initiative</h1><p class="lead">Tout ce que vous saisissez');
    expect(await (await fetch(`${server.url}/initiatives/abc`)).text()).toContain(
      '<main class="page"><p class="muted">Chargement…</p></main>',
    );

    // A script of an older build is missing, not the app's page.
    const gone = await fetch(`${server.url}/assets/app-old999.js`);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: 'not_found' });

    const asset = await fetch(`${server.url}/assets/app-abc123.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await rawBytes(`${server.url}/assets/app-abc123.js`))).length).toBeGreaterThan(5000);
  });
});

/** Fetch decodes gzip by itself; read the bytes as sent with node:http instead. */
async function rawBytes(url: string): Promise<Uint8Array> {
  const http = await import('node:http');
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks)));
      })
      .on('error', reject);
  });
}
