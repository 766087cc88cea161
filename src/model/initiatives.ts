import { CONTACT_FIELDS, INITIATIVE_FIELDS as F, PHOTO_FIELDS, TRIMMED_TEXT } from './initiatives/fields.ts';
import { DISPLAY_NAME_MAX } from './accounts.ts';
import { userSchema, type UserDocument } from './user-document-schema.ts';
import { ACTOR_FAMILY_IDS, NEED_IDS, type ActorFamilyId, type NeedId } from './vocabulary.ts';

/** How far a local initiative has come. */
export const INITIATIVE_STAGES = ['idee', 'experimentation', 'deploiement', 'essaimage'] as const;
export type InitiativeStage = (typeof INITIATIVE_STAGES)[number];

/**
 * Every initiative of the collection is recorded: a draft is a local document
 * of the device (features/initiatives/drafts.ts), never in the collection.
 * The field stays for the documents already stored and sent (schema version 0
 * also allowed « brouillon », which nothing ever wrote).
 */
export const INITIATIVE_STATUSES = ['enregistree'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** Image types the blob routes accept (SYNC-PROTOCOL.md, Blobs). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export const SHA256_PATTERN = '^[0-9a-f]{64}$';

/** An INSEE commune code: 5 digits, or 2A/2B and 3 digits for Corsica. */
export const INSEE_CODE_PATTERN = '^(?:\\d{5}|2[AB]\\d{3})$';

/** A photo of an initiative: its bytes live in the blob store, addressed by their hash. */
export interface InitiativePhoto {
  sha256: string;
  type: PhotoType;
  bytes: number;
  width: number;
  height: number;
  /** Ticked when people are recognisable on it and agreed to be shown. */
  consent: boolean;
  caption?: string;
}

export interface InitiativeCommune {
  /** INSEE code (5 characters, 2A/2B for Corsica). */
  code: string;
  name: string;
  departement: string;
  /** Year of the official list the commune was picked from. */
  year: number;
}

export interface InitiativeContact {
  name: string;
  email?: string;
  phone?: string;
  /** When the person agreed to be recorded (date). */
  consentAt: string;
  /** Date after which the contact must be deleted. */
  retainUntil: string;
}

export interface Initiative extends UserDocument {
  status: InitiativeStatus;
  title: string;
  description: string;
  commune?: InitiativeCommune;
  needs: NeedId[];
  actorFamilies: ActorFamilyId[];
  /** Organisations involved, by actor family. */
  organisations: string;
  /** UN Sustainable Development Goals, 1–17. */
  sdgs: number[];
  /** SDG 17 targets, as "17.1" … "17.19". */
  sdg17Targets: string[];
  stage?: InitiativeStage;
  /** YYYY-MM or YYYY-MM-DD. */
  startDate?: string;
  contact?: InitiativeContact;
  photos: InitiativePhoto[];
  authorName?: string;
}

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

/** A commune from the official list, as stored on an initiative or a workshop. */
export const communeProperty = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name', 'departement', 'year'],
  properties: {
    code: { type: 'string', pattern: INSEE_CODE_PATTERN },
    name: { type: 'string', minLength: 1, maxLength: 120 },
    departement: { type: 'string', minLength: 2, maxLength: 3 },
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
  },
} as const;

/** A text of the schema; `trimmed`: without spaces at either end, as the form records it. */
const text = (field: { minLength?: number; maxLength: number }, trimmed = false) => ({
  type: 'string',
  ...(field.minLength ? { minLength: field.minLength } : {}),
  ...(trimmed ? { pattern: TRIMMED_TEXT } : {}),
  maxLength: field.maxLength,
});
/** A list without repeats; its minimum (at least one need) is the form's rule (validation.ts), not the schema's. */
const list = (field: { maxItems: number }, items: object) => ({
  type: 'array',
  maxItems: field.maxItems,
  uniqueItems: true,
  items,
});

/**
 * Version 1 (schema of `INITIATIVE_FIELDS`): the title and the description
 * have their minimum lengths and no spaces at either end, and the status no
 * « brouillon », as the form always recorded them. What a schema cannot say
 * (calendar dates, one field depending on another) is in
 * initiatives/validation.ts, which the server runs too.
 */
export const initiativeSchema = {
  ...userSchema(
    'initiative',
    {
      status: { type: 'string', enum: [...INITIATIVE_STATUSES] },
      title: text(F.title, true),
      description: text(F.description, true),
      commune: communeProperty,
      needs: list(F.needs, { type: 'string', enum: [...NEED_IDS] }),
      actorFamilies: list(F.actorFamilies, { type: 'string', enum: [...ACTOR_FAMILY_IDS] }),
      organisations: text(F.organisations),
      sdgs: list(F.sdgs, { type: 'integer', minimum: 1, maximum: 17 }),
      sdg17Targets: list(F.sdg17Targets, { type: 'string', pattern: '^17\\.(?:[1-9]|1[0-9])$' }),
      stage: { type: 'string', enum: [...INITIATIVE_STAGES] },
      startDate: { type: 'string', pattern: '^\\d{4}-\\d{2}(?:-\\d{2})?$', maxLength: F.startDate.maxLength },
      contact: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'consentAt', 'retainUntil'],
        properties: {
          name: text(CONTACT_FIELDS.name),
          email: text(CONTACT_FIELDS.email),
          phone: text(CONTACT_FIELDS.phone),
          consentAt: { type: 'string', pattern: DATE, maxLength: 10 },
          retainUntil: { type: 'string', pattern: DATE, maxLength: 10 },
        },
      },
      photos: {
        type: 'array',
        maxItems: F.photos.maxItems,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['sha256', 'type', 'bytes', 'width', 'height', 'consent'],
          properties: {
            sha256: { type: 'string', pattern: SHA256_PATTERN },
            type: { type: 'string', enum: [...PHOTO_TYPES] },
            bytes: { type: 'integer', minimum: 1, maximum: 5 * 1024 * 1024 },
            width: { type: 'integer', minimum: 1, maximum: 20000 },
            height: { type: 'integer', minimum: 1, maximum: 20000 },
            consent: { type: 'boolean' },
            caption: text(PHOTO_FIELDS.caption),
          },
        },
      },
      authorName: { type: 'string', maxLength: DISPLAY_NAME_MAX },
    },
    ['status', 'title', 'description', 'needs', 'actorFamilies', 'organisations', 'sdgs', 'sdg17Targets', 'photos'],
  ),
  version: 1,
} as const;

/** Trimmed, or this placeholder when too short: what version 1 needs of a text that version 0 allowed. */
function atLeast(value: string, min: number, placeholder: string): string {
  const trimmed = value.trim();
  if ([...trimmed].length >= min) return trimmed;
  return trimmed ? `${trimmed} (${placeholder})` : placeholder;
}

/**
 * How a version-0 document of the device becomes version 1. The form always
 * recorded valid initiatives; only a document received from another client
 * (version 0 of the server accepted an empty title) needs more than a
 * trim: its short title or description is completed with a placeholder that
 * says so, and it can be edited from there.
 */
export const initiativeMigrationStrategies = {
  1: (doc: Omit<Initiative, 'status'> & { status: string }): Initiative => ({
    ...doc,
    status: 'enregistree',
    title: atLeast(doc.title, F.title.minLength, 'titre à compléter'),
    description: atLeast(doc.description, F.description.minLength, 'description à compléter'),
  }),
};
