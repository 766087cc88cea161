import { slugProperty, userSchema, type UserDocument } from './user-document-schema.ts';
import { DISPLAY_NAME_MAX } from './accounts.ts';

/**
 * An annotation's fields that a person types, declared once: the schema
 * below and the note's text areas (features/annotations) take their limits
 * from here.
 */
export const ANNOTATION_FIELDS = {
  note: { label: 'Note', editable: true, maxLength: 20_000 },
} as const;

/** Highlight colours offered when annotating a kit. */
export const ANNOTATION_COLORS = ['jaune', 'vert', 'bleu', 'rose'] as const;
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number];

/**
 * A highlight or a note on a library text, anchored Hypothesis-style: the
 * block's stable id, the quoted text with some context, and its position.
 * A note on a whole section has only the block id.
 */
export interface Annotation extends UserDocument {
  resourceId: string;
  target: {
    blockId: string;
    quote?: { exact: string; prefix: string; suffix: string };
    position?: { start: number; end: number };
  };
  color: AnnotationColor;
  note: string;
  /** Author's display name, for the group view. */
  authorName?: string;
}

export const annotationSchema = userSchema(
  'annotation',
  {
    resourceId: slugProperty,
    target: {
      type: 'object',
      additionalProperties: false,
      required: ['blockId'],
      properties: {
        blockId: { type: 'string', minLength: 1, maxLength: 128 },
        quote: {
          type: 'object',
          additionalProperties: false,
          required: ['exact', 'prefix', 'suffix'],
          properties: {
            exact: { type: 'string', minLength: 1, maxLength: 5000 },
            prefix: { type: 'string', maxLength: 200 },
            suffix: { type: 'string', maxLength: 200 },
          },
        },
        position: {
          type: 'object',
          additionalProperties: false,
          required: ['start', 'end'],
          properties: { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 } },
        },
      },
    },
    color: { type: 'string', enum: [...ANNOTATION_COLORS] },
    note: { type: 'string', maxLength: ANNOTATION_FIELDS.note.maxLength },
    authorName: { type: 'string', maxLength: DISPLAY_NAME_MAX },
  },
  ['resourceId', 'target', 'color', 'note'],
);
