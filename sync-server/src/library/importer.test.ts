import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-server.ts';
import { importLibrary } from './importer.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const kitPath = () => join(server.libraryDir, 'kits/kit-essai.md');
const stored = async (collection: string, id: string) => {
  const doc = await server.store.readDocument(collection, id);
  return doc && { seq: doc.seq, body: JSON.parse(doc.body) as Record<string, unknown> };
};

describe('importLibrary', () => {
  it('writes nothing when no file changed', async () => {
    const before = await server.store.lastSeq();
    const report = await importLibrary(server.store, server.libraryDir);
    expect(report).toEqual({ written: 0, unchanged: 4, deleted: 0, errors: [] });
    expect(await server.store.lastSeq()).toBe(before);
  });

  it('publishes a changed file as a new version, and only that file', async () => {
    const old = await stored('resources', 'kit-essai');
    writeFileSync(kitPath(), readFileSync(kitPath(), 'utf8').replace("Kit d'essai", "Kit d'essai, revu"));
    const report = await importLibrary(server.store, server.libraryDir);
    expect(report).toMatchObject({ written: 1, unchanged: 3, errors: [] });
    const now = await stored('resources', 'kit-essai');
    expect(now!.seq).toBeGreaterThan(old!.seq);
    expect(now!.body.title).toBe('Kit d’essai, revu');
  });

  it('rejects a malformed file with its path and keeps serving the last good version', async () => {
    const old = await stored('resources', 'kit-essai');
    writeFileSync(kitPath(), readFileSync(kitPath(), 'utf8').replace('maturity: debutant', 'maturity: expert'));
    const report = await importLibrary(server.store, server.libraryDir);
    expect(report.errors).toEqual([{ path: 'kits/kit-essai.md', reason: expect.stringMatching(/maturity/) }]);
    expect(report.deleted).toBe(0);
    expect(await stored('resources', 'kit-essai')).toEqual(old);
  });

  it('rejects a need that names an unknown webinar', async () => {
    const path = join(server.libraryDir, 'needs/qualifier-l-innovation.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('webinaire-2019-02-21]', 'webinaire-2030-01-01]'));
    const report = await importLibrary(server.store, server.libraryDir);
    expect(report.errors).toEqual([
      { path: 'needs/qualifier-l-innovation.md', reason: 'webinaire inconnu « webinaire-2030-01-01 »' },
    ]);
  });

  it('turns a removed file into a tombstone, once', async () => {
    rmSync(kitPath());
    expect(await importLibrary(server.store, server.libraryDir)).toMatchObject({ deleted: 1, written: 0 });
    expect((await stored('resources', 'kit-essai'))!.body).toMatchObject({
      id: 'kit-essai',
      type: 'kit',
      _deleted: true,
    });
    expect(await importLibrary(server.store, server.libraryDir)).toMatchObject({ deleted: 0, written: 0 });
  });

  it('links glossary terms in the texts, and republishes them when the glossary changes', async () => {
    const blocks = (await stored('resources', 'kit-essai'))!.body.blocks as { html: string }[];
    expect(blocks.some((b) => b.html.includes('data-term="alliance"'))).toBe(false);
    const glossary = join(server.libraryDir, 'glossary/alliance.md');
    writeFileSync(glossary, readFileSync(glossary, 'utf8').replace('aliases: [alliances]', 'aliases: [case]'));
    expect(await importLibrary(server.store, server.libraryDir)).toMatchObject({ written: 4, errors: [] });
    const relinked = (await stored('resources', 'kit-essai'))!.body.blocks as { html: string; text: string }[];
    expect(relinked.find((b) => b.html.includes('data-term="alliance"'))?.text).toContain('une case à cocher');
  });
});

describe('library media', () => {
  it('publishes a text with the size, type and hash of its media', async () => {
    const kit = await stored('resources', 'kit-essai');
    expect(kit!.body.media).toEqual([
      {
        file: 'schema-essai.svg',
        title: "Schéma d'essai",
        type: 'image/svg+xml',
        bytes: expect.any(Number),
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
  });

  it('serves a media file by its hash, cached for good, and nothing by another hash', async () => {
    const [media] = (await stored('resources', 'kit-essai'))!.body.media as { sha256: string }[];
    const response = await fetch(`${server.url}/api/v1/library/media/${media!.sha256}/schema-essai.svg`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toContain('Essai');
    const stale = await fetch(`${server.url}/api/v1/library/media/${'0'.repeat(64)}/schema-essai.svg`);
    expect(stale.status).toBe(404);
    expect(await stale.json()).toMatchObject({ error: 'not_found' });
  });

  it('republishes the text when a media file changes, and refuses an SVG with a script', async () => {
    const media = join(server.libraryDir, 'media/schema-essai.svg');
    writeFileSync(media, readFileSync(media, 'utf8').replace('Essai', 'Essai 2'));
    expect(await importLibrary(server.store, server.libraryDir)).toMatchObject({ written: 1, errors: [] });
    writeFileSync(media, readFileSync(media, 'utf8').replace('</svg>', '<script>alert(1)</script></svg>'));
    expect((await importLibrary(server.store, server.libraryDir)).errors).toEqual([
      { path: 'kits/kit-essai.md', reason: expect.stringContaining('SVG refusé') },
    ]);
  });

  it('rejects a text whose media file is missing', async () => {
    rmSync(join(server.libraryDir, 'media/schema-essai.svg'));
    expect((await importLibrary(server.store, server.libraryDir)).errors).toEqual([
      { path: 'kits/kit-essai.md', reason: 'média introuvable : media/schema-essai.svg' },
    ]);
  });
});
