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
    expect(now!.body.title).toBe("Kit d'essai, revu");
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
    rmSync(join(server.libraryDir, 'glossary/alliance.md'));
    expect(await importLibrary(server.store, server.libraryDir)).toMatchObject({ deleted: 1, written: 0 });
    expect((await stored('glossary', 'alliance'))!.body).toMatchObject({
      id: 'alliance',
      term: 'Alliance',
      _deleted: true,
    });
    expect(await importLibrary(server.store, server.libraryDir)).toMatchObject({ deleted: 0, written: 0 });
  });
});
