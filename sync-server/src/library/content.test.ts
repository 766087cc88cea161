import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEED_IDS } from '../../../src/model/vocabulary.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import { importLibrary } from './importer.ts';

/** The library we ship: every file valid, and the promised content there. */
describe('the shipped library', async () => {
  const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'it-content-')), 'app.sqlite'));
  const report = await importLibrary(store, new URL('../../library', import.meta.url).pathname);
  const docs = async (collection: string) =>
    (await store.readChanges(collection, undefined, 500)).map((d) => JSON.parse(d.body) as Record<string, any>);
  const words = (doc: Record<string, any>) =>
    (doc.blocks as { text: string }[])
      .map((b) => b.text)
      .join(' ')
      .split(/\s+/)
      .filter(Boolean).length;

  it('imports without a rejected file', () => {
    expect(report.errors).toEqual([]);
  });

  it('has the seven needs, each introducing the three steps', async () => {
    const needs = await docs('needs');
    expect(needs.map((n) => n.id).sort()).toEqual([...NEED_IDS].sort());
    expect(needs.map((n) => n.order).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('has five practical kits of at least 1,500 words, with ids on every block', async () => {
    const kits = (await docs('resources')).filter((r) => r.type === 'kit');
    expect(kits).toHaveLength(5);
    for (const kit of kits) {
      expect(words(kit), kit.id).toBeGreaterThanOrEqual(1500);
      const ids = (kit.blocks as { id: string }[]).map((b) => b.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('has at least 20 other resources covering every need, step and actor family', async () => {
    const others = (await docs('resources')).filter((r) => r.type !== 'kit');
    expect(others.length).toBeGreaterThanOrEqual(20);
    expect(new Set(others.flatMap((r) => r.needs)).size).toBe(7);
    expect(new Set(others.map((r) => r.step)).size).toBe(3);
    expect(new Set(others.flatMap((r) => r.actors)).size).toBe(4);
    expect(new Set(others.map((r) => r.type))).toEqual(
      new Set(['publication', 'note-prospective', 'rapport', 'fiche', 'modele']),
    );
  });

  it('has the practical tools a mayor asked for: templates, short kits, contacts, legal guide, « Depuis 2019 »', async () => {
    const resources = await docs('resources');
    expect(
      resources
        .filter((r) => r.type === 'modele')
        .map((r) => r.id)
        .sort(),
    ).toEqual([
      'modele-charte-d-alliance',
      'modele-convention-de-pret',
      'modele-guide-d-entretien',
      'modele-invitation-premiere-rencontre',
      'modele-questionnaire-d-evaluation',
    ]);
    const ids = new Set(resources.map((r) => r.id));
    for (const id of [
      'kits-en-90-minutes',
      'qui-peut-vous-aider',
      'guide-juridique-associations-entreprises',
      'depuis-2019',
    ])
      expect(ids, id).toContain(id);
    // One short version per kit, each a section of its own.
    const short = resources.find((r) => r.id === 'kits-en-90-minutes')!;
    const sections = (short.blocks as { kind: string; level?: number }[]).filter(
      (b) => b.kind === 'heading' && b.level === 2,
    );
    expect(sections.length).toBeGreaterThanOrEqual(resources.filter((r) => r.type === 'kit').length);
  });

  it('has the twelve webinars of 2019 on their dates', async () => {
    const webinars = await docs('webinars');
    expect(webinars.map((w) => w.date).sort()).toEqual([
      '2019-01-17',
      '2019-02-21',
      '2019-03-21',
      '2019-04-18',
      '2019-05-16',
      '2019-06-20',
      '2019-07-18',
      '2019-08-29',
      '2019-09-19',
      '2019-10-17',
      '2019-11-21',
      '2019-12-19',
    ]);
  });

  it('offers printable media with every kit, and ships no unused media file', async () => {
    const resources = await docs('resources');
    for (const kit of resources.filter((r) => r.type === 'kit')) expect(kit.media?.length, kit.id).toBeGreaterThan(0);
    const used = new Set(resources.flatMap((r) => (r.media ?? []).map((m: { file: string }) => m.file)));
    expect([...used].sort()).toEqual(readdirSync(new URL('../../library/media', import.meta.url)).sort());
  });

  it('has a glossary of at least 30 terms', async () => {
    expect((await docs('glossary')).length).toBeGreaterThanOrEqual(30);
  });
});
