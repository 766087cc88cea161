import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { LIBRARY_COLLECTIONS } from '../../../src/model/collections.ts';
import type { Block } from '../../../src/model/library.ts';
import type { Store } from '../store/store.ts';
import { linkGlossaryTerms } from './glossary-links.ts';
import { MediaError, readMedia } from './media.ts';
import { FOLDERS, LibraryFileError, parseLibraryFile, type ParsedFile } from './parse.ts';

export interface ImportReport {
  written: number;
  unchanged: number;
  deleted: number;
  errors: { path: string; reason: string }[];
}

const DELETED_HASH = 'deleted';

/**
 * Publishes the library folder into the store. Idempotent: an unchanged
 * file writes nothing. A malformed file is reported and its last good
 * version keeps being served; a removed file becomes a tombstone.
 */
export async function importLibrary(store: Store, dir: string): Promise<ImportReport> {
  const report: ImportReport = { written: 0, unchanged: 0, deleted: 0, errors: [] };
  const parsed: ParsedFile[] = [];
  const rejectedIds = new Set<string>();
  for (const path of await listMarkdownFiles(dir)) {
    try {
      parsed.push(await withMedia(dir, parseLibraryFile(path, await readFile(join(dir, path), 'utf8'))));
    } catch (error) {
      const reason =
        error instanceof LibraryFileError ? error.reason : error instanceof MediaError ? error.message : String(error);
      report.errors.push({ path, reason });
      rejectedIds.add(`${FOLDERS[path.split('/')[0]!]}/${path.replace(/^.*\/|\.md$/g, '')}`);
    }
  }
  for (const file of checkReferences(parsed, report)) rejectedIds.add(`${file.collection}/${file.id}`);
  const accepted = parsed.filter((f) => !rejectedIds.has(`${f.collection}/${f.id}`));
  findDuplicates(accepted, report, rejectedIds);
  const published = withGlossaryLinks(accepted);

  for (const { name } of LIBRARY_COLLECTIONS) {
    const stored = await store.readHashes(name);
    const files = published.filter((f) => f.collection === name && !rejectedIds.has(`${name}/${f.id}`));
    const rows = files
      .filter((f) => stored.get(f.id) !== f.hash)
      .map((f) => ({ id: f.id, hash: f.hash, body: JSON.stringify({ ...f.document, _deleted: false }) }));
    report.unchanged += files.length - rows.length;
    report.written += rows.length;
    const present = new Set(files.map((f) => f.id));
    for (const [id, hash] of stored) {
      if (present.has(id) || hash === DELETED_HASH || rejectedIds.has(`${name}/${id}`)) continue;
      const previous = await store.readDocument(name, id);
      const body = { ...(previous ? (JSON.parse(previous.body) as object) : { id }), _deleted: true };
      rows.push({ id, hash: DELETED_HASH, body: JSON.stringify(body) });
      report.deleted += 1;
    }
    if (rows.length > 0) await store.write(name, rows);
  }
  return report;
}

/** Adds the size, type and hash of the media a text refers to; they are part of its version. */
async function withMedia(dir: string, file: ParsedFile): Promise<ParsedFile> {
  if (file.media.length === 0) return file;
  const media = await Promise.all(file.media.map((ref) => readMedia(dir, ref)));
  const hash = createHash('sha256')
    .update(file.hash)
    .update(media.map((m) => m.sha256).join(','))
    .digest('hex');
  return { ...file, hash, document: { ...file.document, media, contentHash: hash } };
}

/**
 * Links glossary terms in every other text. A text's published version then
 * depends on the glossary too, so its hash does.
 */
function withGlossaryLinks(files: ParsedFile[]): ParsedFile[] {
  const glossary = files
    .filter((f) => f.collection === 'glossary')
    .map((f) => ({ id: f.id, term: f.document.term as string, aliases: f.document.aliases as string[] }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const fingerprint = createHash('sha256').update(JSON.stringify(glossary)).digest('hex');
  return files.map((file) => {
    if (file.collection === 'glossary') return file;
    const hash = createHash('sha256').update(file.hash).update(fingerprint).digest('hex');
    const blocks = linkGlossaryTerms(file.document.blocks as Block[], glossary);
    return { ...file, hash, document: { ...file.document, blocks, contentHash: hash } };
  });
}

async function listMarkdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.md') && e.parentPath !== dir)
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Files that name a webinar or glossary term that does not exist. */
function checkReferences(files: ParsedFile[], report: ImportReport): ParsedFile[] {
  const ids = (collection: string) => new Set(files.filter((f) => f.collection === collection).map((f) => f.id));
  const webinars = ids('webinars');
  const terms = ids('glossary');
  const broken: ParsedFile[] = [];
  for (const file of files) {
    const refs =
      file.collection === 'needs'
        ? { list: file.document.webinars as string[], known: webinars, what: 'webinaire' }
        : file.collection === 'glossary'
          ? { list: file.document.related as string[], known: terms, what: 'terme du glossaire' }
          : undefined;
    const missing = refs?.list.find((id) => !refs.known.has(id));
    if (refs && missing) {
      report.errors.push({ path: pathOf(file), reason: `${refs.what} inconnu « ${missing} »` });
      broken.push(file);
    }
  }
  return broken;
}

/** kits/ and resources/ feed one collection: an id may appear only once. */
function findDuplicates(files: ParsedFile[], report: ImportReport, rejected: Set<string>): void {
  const seen = new Set<string>();
  for (const file of files) {
    const key = `${file.collection}/${file.id}`;
    if (seen.has(key)) {
      report.errors.push({ path: pathOf(file), reason: `identifiant « ${file.id} » déjà utilisé` });
      rejected.add(key);
    }
    seen.add(key);
  }
}

function pathOf(file: ParsedFile): string {
  const folder =
    file.collection === 'resources' ? (file.document.type === 'kit' ? 'kits' : 'resources') : file.collection;
  return `${folder}/${file.id}.md`;
}
