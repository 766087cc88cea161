import { SLUG_PATTERN } from './vocabulary.ts';
import type { ConflictingVersion } from './merge.ts';

/**
 * What every user document carries (SYNC-PROTOCOL.md, Documents): its id,
 * made on the device; its author; its group, or null for private; a `rev`
 * changed on every write; and the versions kept by the no-loss merge.
 */
export const USER_ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$';

/** 2026-11-25T17:00:00.000Z */
export const ISO_DATE_TIME = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:\\d{2})$';

/** The fields every user document carries, as `userDocumentProperties` declares them. */
export interface UserDocument {
  id: string;
  ownerId: string;
  /** The group the document belongs to (its members see it), or null for private. */
  workspaceId: string | null;
  rev: string;
  createdAt: string;
  updatedAt: string;
  /** Versions kept by the no-loss merge, until someone chooses. */
  conflicts?: ConflictingVersion[];
}

export const userDocumentProperties = {
  id: { type: 'string', minLength: 1, maxLength: 64, pattern: USER_ID_PATTERN },
  ownerId: { type: 'string', minLength: 1, maxLength: 64 },
  workspaceId: { type: ['string', 'null'], maxLength: 64 },
  rev: { type: 'string', minLength: 1, maxLength: 64 },
  createdAt: { type: 'string', pattern: ISO_DATE_TIME, maxLength: 40 },
  updatedAt: { type: 'string', pattern: ISO_DATE_TIME, maxLength: 40 },
  conflicts: {
    type: 'array',
    maxItems: 50,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['field', 'value', 'at'],
      properties: {
        field: { type: 'string', maxLength: 64 },
        value: {},
        at: { type: 'string', maxLength: 40 },
      },
    },
  },
} as const;

const USER_REQUIRED = ['id', 'ownerId', 'workspaceId', 'rev', 'createdAt', 'updatedAt'];

/** The JSON schema of a user collection, shared by the client and the server. */
export function userSchema(title: string, properties: Record<string, unknown>, required: string[]) {
  return {
    title,
    version: 0,
    primaryKey: 'id',
    type: 'object',
    additionalProperties: false,
    properties: { ...userDocumentProperties, ...properties },
    required: [...USER_REQUIRED, ...required],
  } as const;
}

export const slugProperty = { type: 'string', minLength: 1, maxLength: 64, pattern: SLUG_PATTERN } as const;
