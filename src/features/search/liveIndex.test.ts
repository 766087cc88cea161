import { BehaviorSubject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from '../../db/database.ts';
import { openTestDatabase } from '../../db/test-database.ts';
import { glossaryTerm, h2, p, resource } from '../../model/search/fixtures.ts';
import { LiveSearchIndex, type StoredDocument } from './liveIndex.ts';
import { liveSearchIndex } from './useSearch.ts';

const titles = (live: LiveSearchIndex, query: string) => live.index.search(query).results.map((r) => r.title);

describe('LiveSearchIndex over the local database', () => {
  let db: AppDatabase;

  beforeEach(async () => {
    db = await openTestDatabase('search-test');
  });
  afterEach(async () => {
    await db.close();
  });

  /** Resolves once the index has taken in every change so far. */
  const settled = (live: LiveSearchIndex, check: () => boolean) =>
    vi.waitFor(() => expect(check()).toBe(true), { timeout: 5000, interval: 10 });

  it('indexes every library collection, then follows inserts, edits and deletions', async () => {
    await db.glossary.insert(glossaryTerm({ id: 'alliance', term: 'Alliance', blocks: [p('Un engagement durable.')] }));
    const live = liveSearchIndex(db);
    expect(liveSearchIndex(db)).toBe(live);
    live.start();
    await settled(live, () => live.getSnapshot().ready);
    expect(live.getSnapshot().documents).toBe(1);
    expect(titles(live, 'engagement')).toEqual(['Alliance']);

    const kit = resource({
      id: 'kit-essai',
      type: 'kit',
      title: 'Kit d’essai',
      blocks: [h2('Étapes'), p('Cartographier les acteurs.'), h2('Pour aller plus loin'), p('Lectures.')],
    });
    await db.resources.insert(kit);
    await settled(live, () => live.getSnapshot().documents === 4);
    expect(titles(live, 'cartographier')).toEqual(['Étapes']);

    const version = live.getSnapshot().version;
    const stored = await db.resources.findOne('kit-essai').exec();
    await stored!.incrementalPatch({ blocks: kit.blocks.slice(0, 2) });
    await settled(live, () => live.getSnapshot().version > version);
    expect(live.getSnapshot().documents).toBe(3);
    expect(titles(live, 'lectures')).toEqual([]);

    await (await db.glossary.findOne('alliance').exec())!.remove();
    await settled(live, () => live.getSnapshot().documents === 2);
    expect(titles(live, 'engagement')).toEqual([]);
    live.stop();
  });
});

describe('LiveSearchIndex', () => {
  const stored = (id: string, revision: string, title: string): StoredDocument => ({
    primary: id,
    revision,
    toJSON: () => ({ id, title }),
  });
  const source = {
    collection: 'notes',
    toDocuments: vi.fn((doc: { id: string; title: string }) => [
      { kind: 'note', id: doc.id, source: `notes/${doc.id}`, title: doc.title, text: '', url: `/notes/${doc.id}` },
    ]),
  };

  it('re-indexes only the documents whose revision changed, and tells its listeners', () => {
    const feed = new BehaviorSubject<StoredDocument[]>([stored('a', '1', 'Alliance'), stored('b', '1', 'Besoin')]);
    const other = new BehaviorSubject<StoredDocument[] | null>(null);
    const live = new LiveSearchIndex([
      { source, documents$: feed },
      { source: { ...source, collection: 'others' }, documents$: other as never },
    ]);
    const listener = vi.fn();
    live.subscribe(listener);
    other.complete(); // never emits: the index is not ready
    live.start();
    live.start();
    expect(source.toDocuments).toHaveBeenCalledTimes(2);
    expect(live.getSnapshot()).toMatchObject({ ready: false, documents: 2, version: 1 });
    expect(listener).toHaveBeenCalledTimes(1);

    feed.next([stored('a', '1', 'Alliance'), stored('b', '2', 'Besoins')]);
    expect(source.toDocuments).toHaveBeenCalledTimes(3);
    expect(titles(live, 'besoins')).toEqual(['Besoins']);
    expect(listener).toHaveBeenCalledTimes(2);

    feed.next([stored('a', '1', 'Alliance'), stored('b', '2', 'Besoins')]);
    expect(listener).toHaveBeenCalledTimes(2);

    feed.next([stored('b', '2', 'Besoins')]);
    expect(titles(live, 'alliance')).toEqual([]);
    expect(live.getSnapshot().documents).toBe(1);
    live.stop();
    feed.next([]);
    expect(live.getSnapshot().documents).toBe(1);
  });

  it('indexes a big first load in slices, and is ready once all of it is in', async () => {
    const slow = {
      collection: 'notes',
      toDocuments: (doc: { id: string; title: string }) => {
        const until = performance.now() + 1;
        while (performance.now() < until); // a costly document: 1 ms each
        return source.toDocuments(doc);
      },
    };
    const docs = Array.from({ length: 60 }, (_, i) => stored(`n${i}`, '1', `Note ${i}`));
    const feed = new BehaviorSubject(docs);
    const live = new LiveSearchIndex([{ source: slow, documents$: feed }]);
    live.start();
    expect(live.getSnapshot().ready).toBe(false);
    expect(live.index.size).toBeGreaterThan(0);
    expect(live.index.size).toBeLessThan(60);
    await vi.waitFor(() => expect(live.getSnapshot()).toMatchObject({ ready: true, documents: 60 }), {
      timeout: 10_000,
    });
    expect(live.index.search('note').total).toBe(60);
    feed.next([...docs, ...Array.from({ length: 60 }, (_, i) => stored(`m${i}`, '1', `Note ${i}`))]);
    expect(live.getSnapshot().ready).toBe(true); // still searchable while the rest comes in
    await vi.waitFor(() => expect(live.getSnapshot().documents).toBe(120), { timeout: 10_000 });
    live.stop();
  });

  it('reports a collection that cannot be read', () => {
    const feed = new BehaviorSubject<StoredDocument[]>([]);
    const live = new LiveSearchIndex([{ source, documents$: feed }]);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    live.start();
    feed.error(new Error('database closed'));
    expect(live.getSnapshot().failed).toBe(true);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
