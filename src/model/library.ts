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
}

export interface Webinar extends LibraryDocBase {
  number: number;
  date: string;
  title: string;
  needs: NeedId[];
  replayUrl: string;
  summary: string;
}

export interface GlossaryTerm extends LibraryDocBase {
  term: string;
  aliases: string[];
  related: string[];
}

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

function librarySchema(title: string, properties: Record<string, unknown>, required: string[], indexes: string[] = []) {
  return {
    title,
    version: 0,
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
  },
  ['type', 'title', 'summary', 'needs', 'step', 'actors', 'maturity', 'published'],
);

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
  ['number', 'date', 'title', 'needs', 'replayUrl', 'summary'],
);

export const glossaryTermSchema = librarySchema(
  'glossary term',
  {
    term: text(200),
    aliases: { type: 'array', items: text(200) },
    related: { type: 'array', items: idProperty },
  },
  ['term', 'aliases', 'related'],
);
