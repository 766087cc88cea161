import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';

/**
 * Rules the shipped library keeps, checked by content-rules.test.ts: our
 * own words (never 12 words in a row from the 2019 deck), a replay link
 * only when it is that session's own, links and media that resolve, and
 * every glossary term a kit relies on defined.
 */

export interface LibrarySource {
  /** Path relative to the library folder, e.g. `kits/kit-faire-alliance.md`. */
  path: string;
  folder: string;
  id: string;
  data: Record<string, unknown>;
  body: string;
}

export function readLibrarySources(libraryDir: string): LibrarySource[] {
  const sources: LibrarySource[] = [];
  for (const folder of readdirSync(libraryDir, { withFileTypes: true })) {
    if (!folder.isDirectory() || folder.name === 'media') continue;
    for (const file of readdirSync(join(libraryDir, folder.name)).filter((f) => f.endsWith('.md'))) {
      const { data, content } = matter(readFileSync(join(libraryDir, folder.name, file), 'utf8'));
      const path = `${folder.name}/${file}`;
      sources.push({ path, folder: folder.name, id: file.replace(/\.md$/, ''), data, body: content });
    }
  }
  return sources;
}

/** Lowercase words without accents, apostrophes or punctuation: how two texts are compared. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Passages of at least `length` words that `text` shares with `reference` (shingles of the deck), merged into runs. */
export function sharedPassages(text: string, reference: Set<string>, length = 12): string[] {
  const list = words(text);
  const runs: [number, number][] = [];
  for (let i = 0; i + length <= list.length; i++) {
    if (!reference.has(list.slice(i, i + length).join(' '))) continue;
    const last = runs.at(-1);
    if (last && i <= last[1]) last[1] = i + length;
    else runs.push([i, i + length]);
  }
  return runs.map(([start, end]) => list.slice(start, end).join(' '));
}

export function shingles(text: string, length = 12): Set<string> {
  const list = words(text);
  const set = new Set<string>();
  for (let i = 0; i + length <= list.length; i++) set.add(list.slice(i, i + length).join(' '));
  return set;
}

/** The 2019 deck, when the workshop folder next to the repository holds it (it is not part of the repository). */
export function readSourceDeck(repoRoot: string): { dir: string; text: string } | undefined {
  const dir = process.env.SEED_DIR ?? join(repoRoot, '../shared/seed');
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  if (files.length === 0) return undefined;
  return { dir, text: files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n') };
}

/** Every text a reader sees in a file: the body and the front matter's strings. */
export function visibleText(source: LibrarySource): string {
  const fields = ['title', 'summary', 'term', 'duration']
    .map((key) => source.data[key])
    .filter((v) => typeof v === 'string');
  return [...fields, source.body].join('\n');
}

/** Links written in the Markdown: `[text](target)`. */
export function markdownLinks(body: string): string[] {
  return [...body.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
}
