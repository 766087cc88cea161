import type { ConflictingVersion } from './merge.ts';
import { userSchema } from './user-document-schema.ts';
import { ACTOR_FAMILY_IDS, NEED_IDS, type ActorFamilyId, type NeedId } from './vocabulary.ts';

/** How far a local initiative has come. */
export const INITIATIVE_STAGES = ['idee', 'experimentation', 'deploiement', 'essaimage'] as const;
export type InitiativeStage = (typeof INITIATIVE_STAGES)[number];

/** Where a record is in its life on the device: being typed, or saved (waiting to be sent, or sent). */
export const INITIATIVE_STATUSES = ['brouillon', 'enregistree'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** Image types the blob routes accept (SYNC-PROTOCOL.md, Blobs). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export const SHA256_PATTERN = '^[0-9a-f]{64}$';

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

export interface Initiative {
  id: string;
  ownerId: string;
  workspaceId: string | null;
  rev: string;
  createdAt: string;
  updatedAt: string;
  conflicts?: ConflictingVersion[];
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
    code: { type: 'string', pattern: '^(?:\\d{5}|2[AB]\\d{3})$' },
    name: { type: 'string', minLength: 1, maxLength: 120 },
    departement: { type: 'string', minLength: 2, maxLength: 3 },
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
  },
} as const;

export const initiativeSchema = userSchema(
  'initiative',
  {
    status: { type: 'string', enum: [...INITIATIVE_STATUSES] },
    title: { type: 'string', maxLength: 200 },
    description: { type: 'string', maxLength: 20000 },
    commune: communeProperty,
    needs: { type: 'array', maxItems: 7, uniqueItems: true, items: { type: 'string', enum: [...NEED_IDS] } },
    actorFamilies: {
      type: 'array',
      maxItems: 4,
      uniqueItems: true,
      items: { type: 'string', enum: [...ACTOR_FAMILY_IDS] },
    },
    organisations: { type: 'string', maxLength: 2000 },
    sdgs: { type: 'array', maxItems: 17, uniqueItems: true, items: { type: 'integer', minimum: 1, maximum: 17 } },
    sdg17Targets: {
      type: 'array',
      maxItems: 19,
      uniqueItems: true,
      items: { type: 'string', pattern: '^17\\.(?:[1-9]|1[0-9])$' },
    },
    stage: { type: 'string', enum: [...INITIATIVE_STAGES] },
    startDate: { type: 'string', pattern: '^\\d{4}-\\d{2}(?:-\\d{2})?$', maxLength: 10 },
    contact: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'consentAt', 'retainUntil'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 120 },
        email: { type: 'string', maxLength: 200 },
        phone: { type: 'string', maxLength: 40 },
        consentAt: { type: 'string', pattern: DATE, maxLength: 10 },
        retainUntil: { type: 'string', pattern: DATE, maxLength: 10 },
      },
    },
    photos: {
      type: 'array',
      maxItems: 20,
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
          caption: { type: 'string', maxLength: 300 },
        },
      },
    },
    authorName: { type: 'string', maxLength: 80 },
  },
  ['status', 'title', 'description', 'needs', 'actorFamilies', 'organisations', 'sdgs', 'sdg17Targets', 'photos'],
);
