import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLibraryFile } from './parse.ts';

const fixture = (path: string) =>
  readFileSync(new URL(`../../../tests/fixtures/library/${path}`, import.meta.url), 'utf8');

describe('parseLibraryFile', () => {
  it('turns a kit into a resource document with blocks and stable ids', () => {
    const { collection, document } = parseLibraryFile('kits/kit-essai.md', fixture('kits/kit-essai.md'));
    expect(collection).toBe('resources');
    expect(document).toMatchObject({ id: 'kit-essai', type: 'kit', published: '2019-02-21', step: 'agir' });
    const blocks = document.blocks as { id: string; kind: string; text: string; html: string }[];
    expect(blocks.map((b) => b.kind)).toEqual([
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
      'list',
      'heading',
      'paragraph',
    ]);
    expect(blocks[0]).toMatchObject({ text: 'Une introduction courte & claire.' });
    expect(blocks[0]!.html).toBe('<p>Une introduction <strong>courte</strong> &amp; claire.</p>');
    expect(blocks[4]!.html).toContain(
      '<li class="task"><label><input disabled="" type="checkbox"> une case à cocher</label></li>',
    );
    expect(blocks[1]!.id).toBe('etapes');
    expect(blocks[5]!.id).toBe('pieges-a-eviter');
    expect(blocks[2]!.id).toMatch(/^etapes-[0-9a-f]{8}$/);
    // The same text in another section gets another id; all ids are unique.
    expect(new Set(blocks.map((b) => b.id)).size).toBe(blocks.length);
  });

  it('keeps the other blocks ids when one paragraph is edited', () => {
    const source = fixture('kits/kit-essai.md');
    const before = parseLibraryFile('kits/kit-essai.md', source).document.blocks as { id: string }[];
    const edited = source.replace('Second paragraphe', 'Deuxième paragraphe, réécrit,');
    const after = parseLibraryFile('kits/kit-essai.md', edited).document.blocks as { id: string }[];
    const changed = before.filter((b, i) => b.id !== after[i]!.id);
    expect(changed).toHaveLength(1);
  });

  it('changes the hash exactly when the source changes', () => {
    const source = fixture('glossary/alliance.md');
    const a = parseLibraryFile('glossary/alliance.md', source).hash;
    expect(parseLibraryFile('glossary/alliance.md', source).hash).toBe(a);
    expect(parseLibraryFile('glossary/alliance.md', `${source}\nUne phrase de plus.\n`).hash).not.toBe(a);
  });

  it.each([
    [
      'kits/kit-essai.md',
      fixture('kits/kit-essai.md').replace('step: agir', 'step: foncer'),
      /step : .*comprendre, s-approprier, agir/,
    ],
    [
      'kits/kit-essai.md',
      fixture('kits/kit-essai.md').replace('id: kit-essai', 'id: autre'),
      /doit être égal au nom du fichier/,
    ],
    [
      'kits/kit-essai.md',
      fixture('kits/kit-essai.md').replace('Une introduction', '<script>alert(1)</script>'),
      /HTML brut interdit/,
    ],
    ['kits/kit-essai.md', fixture('kits/kit-essai.md').replace('courte', 'courte <b>gras</b>'), /HTML brut interdit/],
    ['kits/kit-essai.md', 'Pas d’en-tête du tout.', /pas d'en-tête/],
    ['kits/kit-essai.md', '---\nid: [kit-essai\n---\ntexte', /en-tête YAML illisible/],
    ['kits/kit-essai.md', fixture('kits/kit-essai.md').replace('type: kit', 'type: publication'), /type: kit/],
    [
      'needs/qualifier-l-innovation.md',
      fixture('needs/qualifier-l-innovation.md').replace('## Agir', '## Faire'),
      /## Agir/,
    ],
    ['kits/Kit Essai.md', fixture('kits/kit-essai.md'), /nom du fichier/],
    ['autre/kit-essai.md', fixture('kits/kit-essai.md'), /dossier inconnu/],
    [
      'glossary/alliance.md',
      fixture('glossary/alliance.md').replace('term: Alliance', 'term: Alliance\nextra: 1'),
      /additional properties \(extra\)/,
    ],
  ])('rejects a malformed %s with the reason', (path, source, reason) => {
    expect(() => parseLibraryFile(path, source)).toThrow(reason);
  });
});
