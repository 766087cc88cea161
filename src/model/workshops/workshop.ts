import { communeProperty, type InitiativeCommune } from '../initiatives.ts';
import {
  ISO_DATE_TIME,
  slugProperty,
  userSchema,
  USER_ID_PATTERN,
  type UserDocument,
} from '../user-document-schema.ts';
import { NEED_IDS, type NeedId } from '../vocabulary.ts';
import { DISPLAY_NAME_MAX } from '../accounts.ts';

/**
 * A workshop (atelier) run in a hall: prepared on the facilitator's device,
 * its agenda made from a kit, then run live (current step, timer, wall) and
 * reported on. One document per workshop, in the facilitator's group; the
 * participants' contributions and dots are documents of `contributions`.
 */

export const WORKSHOP_STATUSES = ['preparation', 'en-cours', 'termine'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];

export const WORKSHOP_LIMITS = {
  titleMax: 200,
  steps: 30,
  stepTitleMax: 200,
  questionMax: 1000,
  minutesMax: 240,
  dotsMax: 20,
  /** Board entries (merges, tags) and groups. */
  boardEntries: 1000,
  groups: 60,
} as const;

/** One step of the agenda: what the room works on, for how long, with which question. */
export interface AgendaStep {
  /** Stable within the workshop (contributions name their step by it). */
  id: string;
  title: string;
  question: string;
  /** Planned duration. */
  minutes: number;
  /** The kit section it was made from (its heading's block id), if any. */
  sectionId?: string;
}

/** When a step was actually run, for the report's « agenda as run ». */
export interface StepRun {
  stepId: string;
  startedAt: string;
  endedAt?: string;
  /** Seconds spent paused during this step. */
  pausedSeconds: number;
}

/** The live state the projector, the controls and the phones follow. */
export interface WorkshopRun {
  /** Index in `steps` of the step shown now. */
  stepIndex: number;
  /** When the current step started (absent before the workshop starts). */
  stepStartedAt?: string;
  /** Set while the timer is paused. */
  pausedAt?: string;
  /** Seconds paused during the current step, pauses already ended. */
  pausedSeconds: number;
  /** Minutes added to the current step's duration. */
  extraMinutes: number;
  wallVisible: boolean;
  /** The contribution shown large on the projector. */
  highlightedId?: string;
  /** Every step started, in order (a step run twice appears twice). */
  log: StepRun[];
}

/** A duplicate folded into another contribution: its dots count for the one it joins. */
export interface BoardMerge {
  from: string;
  into: string;
}

export interface BoardGroup {
  id: string;
  title: string;
  contributionIds: string[];
}

/** Needs and SDGs the facilitator gives a contribution on the board. */
export interface BoardTag {
  contributionId: string;
  needs: NeedId[];
  sdgs: number[];
}

/** A contribution turned into a recorded initiative. */
export interface BoardInitiative {
  contributionId: string;
  initiativeId: string;
}

export interface Board {
  merges: BoardMerge[];
  groups: BoardGroup[];
  tags: BoardTag[];
  initiatives: BoardInitiative[];
}

/** `workspaceId`: the group the workshop belongs to; its members see it and its contributions. */
export interface Workshop extends UserDocument {
  title: string;
  /** Local date and time, `YYYY-MM-DDTHH:mm`. */
  startsAt: string;
  place?: InitiativeCommune;
  /** The kit the agenda was made from. */
  kitId?: string;
  /** Short code typed by participants (canonical form, see code.ts); the id is derived from it. */
  code: string;
  /** How many dots each participant may give. */
  dotsPerParticipant: number;
  status: WorkshopStatus;
  steps: AgendaStep[];
  run: WorkshopRun;
  board: Board;
  authorName?: string;
}

const STEP_ID = { type: 'string', minLength: 1, maxLength: 32, pattern: USER_ID_PATTERN } as const;
const DOC_ID = { type: 'string', minLength: 1, maxLength: 64, pattern: USER_ID_PATTERN } as const;
const TIME = { type: 'string', pattern: ISO_DATE_TIME, maxLength: 40 } as const;
const idList = (maxItems: number) => ({ type: 'array', maxItems, items: DOC_ID }) as const;

export const workshopSchema = userSchema(
  'workshop',
  {
    title: { type: 'string', minLength: 1, maxLength: WORKSHOP_LIMITS.titleMax },
    startsAt: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$', maxLength: 16 },
    place: communeProperty,
    kitId: slugProperty,
    code: { type: 'string', pattern: '^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$' },
    dotsPerParticipant: { type: 'integer', minimum: 0, maximum: WORKSHOP_LIMITS.dotsMax },
    status: { type: 'string', enum: [...WORKSHOP_STATUSES] },
    steps: {
      type: 'array',
      minItems: 1,
      maxItems: WORKSHOP_LIMITS.steps,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'question', 'minutes'],
        properties: {
          id: STEP_ID,
          title: { type: 'string', minLength: 1, maxLength: WORKSHOP_LIMITS.stepTitleMax },
          question: { type: 'string', maxLength: WORKSHOP_LIMITS.questionMax },
          minutes: { type: 'integer', minimum: 1, maximum: WORKSHOP_LIMITS.minutesMax },
          sectionId: { type: 'string', minLength: 1, maxLength: 128 },
        },
      },
    },
    run: {
      type: 'object',
      additionalProperties: false,
      required: ['stepIndex', 'pausedSeconds', 'extraMinutes', 'wallVisible', 'log'],
      properties: {
        stepIndex: { type: 'integer', minimum: 0, maximum: WORKSHOP_LIMITS.steps - 1 },
        stepStartedAt: TIME,
        pausedAt: TIME,
        pausedSeconds: { type: 'integer', minimum: 0, maximum: 366 * 86400 },
        extraMinutes: { type: 'integer', minimum: 0, maximum: WORKSHOP_LIMITS.minutesMax },
        wallVisible: { type: 'boolean' },
        highlightedId: DOC_ID,
        log: {
          type: 'array',
          maxItems: 200,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['stepId', 'startedAt', 'pausedSeconds'],
            properties: {
              stepId: STEP_ID,
              startedAt: TIME,
              endedAt: TIME,
              pausedSeconds: { type: 'integer', minimum: 0, maximum: 366 * 86400 },
            },
          },
        },
      },
    },
    board: {
      type: 'object',
      additionalProperties: false,
      required: ['merges', 'groups', 'tags', 'initiatives'],
      properties: {
        merges: {
          type: 'array',
          maxItems: WORKSHOP_LIMITS.boardEntries,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['from', 'into'],
            properties: { from: DOC_ID, into: DOC_ID },
          },
        },
        groups: {
          type: 'array',
          maxItems: WORKSHOP_LIMITS.groups,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'title', 'contributionIds'],
            properties: {
              id: STEP_ID,
              title: { type: 'string', minLength: 1, maxLength: 200 },
              contributionIds: idList(WORKSHOP_LIMITS.boardEntries),
            },
          },
        },
        tags: {
          type: 'array',
          maxItems: WORKSHOP_LIMITS.boardEntries,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['contributionId', 'needs', 'sdgs'],
            properties: {
              contributionId: DOC_ID,
              needs: { type: 'array', maxItems: 7, uniqueItems: true, items: { type: 'string', enum: [...NEED_IDS] } },
              sdgs: {
                type: 'array',
                maxItems: 17,
                uniqueItems: true,
                items: { type: 'integer', minimum: 1, maximum: 17 },
              },
            },
          },
        },
        initiatives: {
          type: 'array',
          maxItems: WORKSHOP_LIMITS.boardEntries,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['contributionId', 'initiativeId'],
            properties: { contributionId: DOC_ID, initiativeId: DOC_ID },
          },
        },
      },
    },
    authorName: { type: 'string', maxLength: DISPLAY_NAME_MAX },
  },
  ['title', 'startsAt', 'code', 'dotsPerParticipant', 'status', 'steps', 'run', 'board'],
);

export const EMPTY_BOARD: Board = { merges: [], groups: [], tags: [], initiatives: [] };

export const NOT_STARTED: WorkshopRun = {
  stepIndex: 0,
  pausedSeconds: 0,
  extraMinutes: 0,
  wallVisible: true,
  log: [],
};

/** French labels of a workshop's status. */
export const WORKSHOP_STATUS_LABELS: Readonly<Record<WorkshopStatus, string>> = {
  preparation: 'En préparation',
  'en-cours': 'En cours',
  termine: 'Terminé',
};
