import {
  ACTOR_FAMILY_IDS,
  MATURITY_IDS,
  NEED_IDS,
  RESOURCE_TYPE_IDS,
  SLUG_PATTERN,
  STEP_IDS,
  type ActorFamilyId,
  type MaturityId,
  type NeedId,
  type ResourceTypeId,
  type StepId,
} from './vocabulary.ts';

/**
 * The published library: four pull-only collections. Documents are produced
 * by the server's importer from Markdown; every heading and paragraph is a
 * block with a stable id so that annotations can anchor to it.
 */

export const BLOCK_KINDS = ['heading', 'paragraph', 'list', 'table', 'quote', 'code', 'rule'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface Block {
  id: string;
  kind: BlockKind;
  /** Heading level (2–6); absent for other kinds. */
  level?: number;
  /** Rendered HTML from the library's own Markdown (raw HTML is refused at import). */
  html: string;
  /** Plain text, for search and annotation anchoring. */
  text: string;
}

interface LibraryDocBase {
  id: string;
  blocks: Block[];
  /** Hash of the source file: changes exactly when the content changes. */
  contentHash: string;
}

export interface Need extends LibraryDocBase {
  order: number;
  title: string;
  summary: string;
  webinars: string[];
}

/** A file that goes with a text (worksheet, diagram), downloadable for offline use. */
export interface MediaFile {
  file: string;
  title: string;
  type: string;
  bytes: number;
  sha256: string;
}

export const MEDIA_TYPES: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  pdf: 'application/pdf',
};

/** Where a media file is served; the hash in the path makes it immutable. */
export function mediaUrl(media: Pick<MediaFile, 'file' | 'sha256'>): string {
  return `/api/v1/library/media/${media.sha256}/${media.file}`;
}

export interface Resource extends LibraryDocBase {
  type: ResourceTypeId;
  title: string;
  summary: string;
  needs: NeedId[];
  step: StepId;
  actors: ActorFamilyId[];
  maturity: MaturityId;
  published: string;
  duration?: string;
  media?: MediaFile[];
}

export interface Webinar extends LibraryDocBase {
  number: number;
  date: string;
  title: string;
  needs: NeedId[];
  /** That session's own replay, when one is known; never a shared home page. */
  replayUrl?: string;
  summary: string;
}

export interface GlossaryTerm extends LibraryDocBase {
  term: string;
  aliases: string[];
  related: string[];
}

export const MEDIA_FILE_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*\\.(?:svg|png|jpg|webp|pdf)$';

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;
const idProperty = { type: 'string', maxLength: 64, minLength: 1, pattern: SLUG_PATTERN } as const;
const datePattern = '^\\d{4}-\\d{2}-\\d{2}$';
const enumList = (values: readonly string[]) =>
  ({ type: 'array', items: { type: 'string', enum: [...values] }, uniqueItems: true }) as const;

const blocksProperty = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'kind', 'html', 'text'],
    properties: {
      id: { type: 'string', minLength: 1, maxLength: 128 },
      kind: { type: 'string', enum: [...BLOCK_KINDS] },
      level: { type: 'integer', minimum: 1, maximum: 6 },
      html: { type: 'string' },
      text: { type: 'string' },
    },
  },
} as const;

function librarySchema(
  title: string,
  properties: Record<string, unknown>,
  required: string[],
  indexes: string[] = [],
  version = 0,
) {
  return {
    title,
    version,
    primaryKey: 'id',
    type: 'object',
    additionalProperties: false,
    properties: {
      id: idProperty,
      blocks: blocksProperty,
      contentHash: { type: 'string', maxLength: 64 },
      ...properties,
    },
    required: ['id', 'blocks', 'contentHash', ...required],
    indexes,
  } as const;
}

export const needSchema = librarySchema(
  'need',
  {
    order: { type: 'integer', minimum: 1, maximum: 99, multipleOf: 1 },
    title: text(200),
    summary: text(1000),
    webinars: { type: 'array', items: idProperty },
  },
  ['order', 'title', 'summary', 'webinars'],
);

export const resourceSchema = librarySchema(
  'resource',
  {
    type: { type: 'string', enum: [...RESOURCE_TYPE_IDS] },
    title: text(200),
    summary: text(1000),
    needs: { ...enumList(NEED_IDS), minItems: 1 },
    step: { type: 'string', enum: [...STEP_IDS] },
    actors: { ...enumList(ACTOR_FAMILY_IDS), minItems: 1 },
    maturity: { type: 'string', enum: [...MATURITY_IDS] },
    published: { type: 'string', pattern: datePattern },
    duration: text(100),
    media: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['file', 'title', 'type', 'bytes', 'sha256'],
        properties: {
          file: { type: 'string', pattern: MEDIA_FILE_PATTERN, maxLength: 100 },
          title: text(200),
          type: { type: 'string', enum: Object.values(MEDIA_TYPES) },
          bytes: { type: 'integer', minimum: 0 },
          sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
        },
      },
    },
  },
  ['type', 'title', 'summary', 'needs', 'step', 'actors', 'maturity', 'published'],
  [],
  1,
);

/** Version 1 added the type `modele`: a version-0 document is valid as it is. */
export const resourceMigrationStrategies = { 1: (doc: Resource) => doc };

export const webinarSchema = librarySchema(
  'webinar',
  {
    number: { type: 'integer', minimum: 1, maximum: 99 },
    date: { type: 'string', pattern: datePattern },
    title: text(200),
    needs: { ...enumList(NEED_IDS), minItems: 1 },
    replayUrl: { type: 'string', pattern: '^https?://', maxLength: 500 },
    summary: text(1000),
  },
  ['number', 'date', 'title', 'needs', 'summary'],
  [],
  1,
);

/** Version 1 made `replayUrl` optional: a version-0 document is valid as it is. */
export const webinarMigrationStrategies = { 1: (doc: Webinar) => doc };

export const glossaryTermSchema = librarySchema(
  'glossary term',
  {
    term: text(200),
    aliases: { type: 'array', items: text(200) },
    related: { type: 'array', items: idProperty },
  },
  ['term', 'aliases', 'related'],
);

/** For each block, the level-2 section it is in: its heading's index (-1 before the first) and title. */
export function blockSections(blocks: readonly Block[]): { key: number; title: string }[] {
  let section = { key: -1, title: 'Introduction' };
  return blocks.map((block, index) => {
    if (block.kind === 'heading' && block.level === 2) section = { key: index, title: block.text };
    return section;
  });
}

/** Block id → title of its level-2 section (a subsection's blocks belong to their level-2 section). */
export function sectionTitles(blocks: readonly Block[]): Map<string, string> {
  const sections = blockSections(blocks);
  return new Map(blocks.map((block, index) => [block.id, sections[index]!.title]));
}
