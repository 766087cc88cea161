import { NEED_IDS, type NeedId } from './vocabulary.ts';
import { ISO_DATE_TIME, USER_ID_PATTERN } from './user-document-schema.ts';

/**
 * "Donner mon avis": the platform's evaluation survey. An inbox document:
 * sent, never served back; anonymous allowed (ownerId null). Participants
 * of a workshop are invited to it at the end: their answer then names the
 * workshop and says how useful it was.
 */
export interface Feedback {
  id: string;
  ownerId: string | null;
  createdAt: string;
  /** Usefulness of the resources of each need rated, 1 (pas utile) to 5 (très utile). */
  usefulness: { need: NeedId; score: number }[];
  missing: string;
  comment: string;
  /** The workshop the survey was answered after (its id, see workshops/code.ts). */
  workshopId?: string;
  /** How useful that workshop was, 1 (pas utile) to 5 (indispensable). */
  workshopScore?: number;
}

/** Scores of the survey, 1 to 5, with their French labels. */
export const FEEDBACK_SCORES = [
  [1, 'Pas utile'],
  [2, 'Peu utile'],
  [3, 'Utile'],
  [4, 'Très utile'],
  [5, 'Indispensable'],
] as const;

export const feedbackSchema = {
  title: 'feedback',
  version: 1,
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
    workshopId: { type: 'string', minLength: 1, maxLength: 64, pattern: USER_ID_PATTERN },
    workshopScore: { type: 'integer', minimum: 1, maximum: 5 },
  },
  required: ['id', 'ownerId', 'createdAt', 'usefulness', 'missing', 'comment'],
} as const;

/** Version 1 added the workshop the answer is about (optional): a version-0 document is valid as it is. */
export const feedbackMigrationStrategies = { 1: (doc: Feedback) => doc };
