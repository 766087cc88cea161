import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import { Ajv, type ValidateFunction } from 'ajv';
import { COLLECTIONS, type CollectionName } from '../../../src/model/collections.ts';
import { MEDIA_FILE_PATTERN } from '../../../src/model/library.ts';
import { SLUG_PATTERN, STEP_IDS } from '../../../src/model/vocabulary.ts';
import { markdownToBlocks } from './markdown.ts';
import { typesetText } from './typography.ts';

/** Bump when the importer's output changes, so every document is republished. */
const IMPORTER_VERSION = '3';

/** Which collection each folder of the library feeds. */
export const FOLDERS: Partial<Record<string, CollectionName>> = {
  needs: 'needs',
  kits: 'resources',
  resources: 'resources',
  webinars: 'webinars',
  glossary: 'glossary',
};

export interface MediaRef {
  file: string;
  title: string;
}

export interface ParsedFile {
  collection: CollectionName;
  id: string;
  document: Record<string, unknown> & { id: string };
  hash: string;
  /** Files of media/ the text refers to; the importer reads them. */
  media: MediaRef[];
}

export class LibraryFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path} : ${reason}`);
  }
}

const ajv = new Ajv({ allErrors: false, strict: false });
const validators = new Map<string, ValidateFunction>(COLLECTIONS.map((c) => [c.name, ajv.compile(c.schema)]));

const STEP_HEADINGS: Record<(typeof STEP_IDS)[number], string> = {
  comprendre: 'Comprendre',
  's-approprier': "S'approprier",
  agir: 'Agir',
};

/**
 * Parses one library file (path relative to the library folder, e.g.
 * `kits/kit-x.md`) into the document the clients pull. Throws a
 * LibraryFileError that names the file and the reason.
 */
export function parseLibraryFile(path: string, source: string): ParsedFile {
  const fail = (reason: string): never => {
    throw new LibraryFileError(path, reason);
  };
  const match = /^([a-z]+)\/([^/]+)\.md$/.exec(path);
  if (!match) return fail('fichier hors des dossiers de la bibliothèque (needs, kits, resources, webinars, glossary)');
  const [, folder, fileId] = match as unknown as [string, string, string];
  const collection = FOLDERS[folder] ?? fail(`dossier inconnu « ${folder} »`);
  if (!new RegExp(SLUG_PATTERN).test(fileId) || fileId.length > 64) {
    fail('le nom du fichier doit être un identifiant (minuscules, chiffres, tirets, 64 caractères au plus)');
  }

  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source, {
      engines: { javascript: () => fail('en-tête JavaScript interdit'), js: () => fail('en-tête JavaScript interdit') },
    });
  } catch (error) {
    if (error instanceof LibraryFileError) throw error;
    return fail(`en-tête YAML illisible : ${(error as Error).message.split('\n')[0]}`);
  }
  const { media: rawMedia, ...front } = normaliseDates(parsed.data) as Record<string, unknown>;
  if (Object.keys(front).length === 0) fail("pas d'en-tête (front matter) entre deux lignes ---");
  const media = parseMediaRefs(rawMedia, collection, fail);
  if (front.id !== fileId) fail(`l'id « ${String(front.id)} » doit être égal au nom du fichier « ${fileId} »`);
  if (folder === 'kits' && front.type !== 'kit') fail('un fichier de kits/ doit avoir « type: kit »');
  if (folder === 'resources' && front.type === 'kit') fail('les kits vont dans le dossier kits/');

  let blocks;
  try {
    blocks = markdownToBlocks(parsed.content);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (blocks.length === 0) fail('le corps du texte est vide');
  if (collection === 'needs') {
    for (const heading of Object.values(STEP_HEADINGS)) {
      if (!blocks.some((b) => b.kind === 'heading' && b.level === 2 && b.text === typesetText(heading))) {
        fail(`section « ## ${heading} » manquante`);
      }
    }
  }

  const hash = createHash('sha256').update(IMPORTER_VERSION).update(source).digest('hex');
  const document = { ...front, ...typesetFields(front), id: fileId, blocks, contentHash: hash };
  const validate = validators.get(collection)!;
  if (!validate(document)) {
    const error = validate.errors?.[0];
    const where = error?.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'en-tête';
    const extra =
      error?.params && 'additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : '';
    const allowed =
      error?.params && 'allowedValues' in error.params
        ? ` : ${(error.params.allowedValues as string[]).join(', ')}`
        : '';
    fail(`${where} : ${error?.message ?? 'invalide'}${extra}${allowed}`);
  }
  return { collection, id: fileId, document, hash, media };
}

function parseMediaRefs(raw: unknown, collection: CollectionName, fail: (reason: string) => never): MediaRef[] {
  if (raw === undefined) return [];
  if (collection !== 'resources') return fail('seuls les kits et les ressources ont des médias');
  const pattern = new RegExp(MEDIA_FILE_PATTERN);
  if (!Array.isArray(raw)) return fail('media : une liste de { file, title } est attendue');
  return raw.map((item: unknown, i) => {
    const { file, title, ...rest } = (item ?? {}) as Record<string, unknown>;
    if (typeof file !== 'string' || !pattern.test(file)) {
      fail(`media.${i}.file : un nom de fichier de media/ est attendu (svg, png, jpg, webp ou pdf)`);
    }
    if (typeof title !== 'string' || title.length === 0) fail(`media.${i}.title : un titre est attendu`);
    if (Object.keys(rest).length > 0) fail(`media.${i} : champ inconnu (${Object.keys(rest).join(', ')})`);
    return { file: file as string, title: title as string };
  });
}

/** The front-matter texts a reader sees get the same typography as the body. */
function typesetFields(front: Record<string, unknown>): Record<string, string> {
  const shown = ['title', 'summary', 'term'].filter((key) => typeof front[key] === 'string');
  return Object.fromEntries(shown.map((key) => [key, typesetText(front[key] as string)]));
}

/** YAML turns 2019-03-21 into a Date; the schemas want the YYYY-MM-DD text. */
function normaliseDates(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(normaliseDates);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseDates(v)]));
  }
  return value;
}
