import { NEED_IDS, type NeedId } from './vocabulary.ts';
import { ISO_DATE_TIME, USER_ID_PATTERN } from './user-document-schema.ts';

/**
 * "Donner mon avis": the platform's evaluation survey. An inbox document:
 * sent, never served back; anonymous allowed (ownerId null).
 */
export interface Feedback {
  id: string;
  ownerId: string | null;
  createdAt: string;
  /** Usefulness of the resources of each need rated, 1 (pas utile) to 5 (très utile). */
  usefulness: { need: NeedId; score: number }[];
  missing: string;
  comment: string;
}

export const feedbackSchema = {
  title: 'feedback',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 64, pattern: USER_ID_PATTERN },
    ownerId: { type: ['string', 'null'], maxLength: 64 },
    createdAt: { type: 'string', pattern: ISO_DATE_TIME, maxLength: 40 },
    usefulness: {
      type: 'array',
      maxItems: NEED_IDS.length,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['need', 'score'],
        properties: {
          need: { type: 'string', enum: [...NEED_IDS] },
          score: { type: 'integer', minimum: 1, maximum: 5 },
        },
      },
    },
    missing: { type: 'string', maxLength: 5000 },
    comment: { type: 'string', maxLength: 10000 },
  },
  required: ['id', 'ownerId', 'createdAt', 'usefulness', 'missing', 'comment'],
} as const;
