import { userSchema, USER_ID_PATTERN, type UserDocument } from '../user-document-schema.ts';
import { ACTOR_FAMILY_IDS, NEED_IDS, type ActorFamilyId, type NeedId } from '../vocabulary.ts';
import { DISPLAY_NAME_MAX } from '../accounts.ts';

/**
 * What participants give a workshop, one collection for two kinds of
 * documents, each written by one participant only (no two people ever edit
 * the same document):
 * - a contribution (an idea, a need, an actor to involve, a resource, a local
 *   initiative) posted during a step;
 * - the participant's dots (`kind: 'dots'`): one document per participant
 *   and workshop, with a deterministic id (see `dotsId`), listing how many
 *   dots they put on which contribution.
 */

export const CONTRIBUTION_KINDS = ['idee', 'besoin', 'acteur', 'ressource', 'initiative'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export const CONTRIBUTION_KIND_LABELS: Readonly<Record<ContributionKind, string>> = {
  idee: 'Idée',
  besoin: 'Besoin',
  acteur: 'Acteur à associer',
  ressource: 'Ressource',
  initiative: 'Initiative locale',
};

export const CONTRIBUTION_TEXT_MAX = 500;
/** Different contributions one participant's dots may name. */
export const DOTS_ENTRIES_MAX = 20;

/** `ownerId`: an account's id, or a guest's (`guest-…`, see guest.ts); `workspaceId`: the workshop's group. */
interface ParticipantDocument extends UserDocument {
  workshopId: string;
  /** Optional name given by the participant. */
  authorName?: string;
}

export interface Contribution extends ParticipantDocument {
  kind: ContributionKind;
  /** The agenda step it was posted in. */
  stepId: string;
  text: string;
  need?: NeedId;
  actorFamily?: ActorFamilyId;
}

export interface DotsOnContribution {
  contributionId: string;
  count: number;
}

export interface ParticipantDots extends ParticipantDocument {
  kind: 'dots';
  dots: DotsOnContribution[];
}

export type WorkshopEntry = Contribution | ParticipantDots;

export function isContribution(entry: WorkshopEntry): entry is Contribution {
  return entry.kind !== 'dots';
}

export function isDots(entry: WorkshopEntry): entry is ParticipantDots {
  return entry.kind === 'dots';
}

/** The id of a participant's dots document in a workshop: the same on every device, so it merges once. */
export function dotsId(workshopId: string, ownerId: string): string {
  return `dots-${workshopId}-${ownerId}`.slice(0, 64);
}

const DOC_ID = { type: 'string', minLength: 1, maxLength: 64, pattern: USER_ID_PATTERN } as const;

/**
 * One schema for both kinds (a JSON schema with alternatives would not suit
 * RxDB's indexes); what depends on the kind is checked by `entryProblems`,
 * on the device and on the server.
 */
export const contributionSchema = {
  ...userSchema(
    'workshop contribution',
    {
      workshopId: DOC_ID,
      kind: { type: 'string', enum: [...CONTRIBUTION_KINDS, 'dots'] },
      stepId: { type: 'string', minLength: 1, maxLength: 32, pattern: USER_ID_PATTERN },
      text: { type: 'string', maxLength: CONTRIBUTION_TEXT_MAX },
      need: { type: 'string', enum: [...NEED_IDS] },
      actorFamily: { type: 'string', enum: [...ACTOR_FAMILY_IDS] },
      dots: {
        type: 'array',
        maxItems: DOTS_ENTRIES_MAX,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['contributionId', 'count'],
          properties: { contributionId: DOC_ID, count: { type: 'integer', minimum: 1, maximum: 20 } },
        },
      },
      authorName: { type: 'string', maxLength: DISPLAY_NAME_MAX },
    },
    ['workshopId', 'kind'],
  ),
  indexes: ['workshopId'],
} as const;

/**
 * What the schema cannot say: a contribution has a step and a text, dots
 * have a list and nothing else. French messages; empty when valid.
 */
export function entryProblems(entry: WorkshopEntry): string[] {
  const problems: string[] = [];
  if (isDots(entry)) {
    const raw = entry as unknown as Record<string, unknown>;
    if (!Array.isArray(raw.dots)) problems.push('Les gommettes doivent être une liste.');
    if (raw.text !== undefined || raw.stepId !== undefined) problems.push('Les gommettes ne portent pas de texte.');
    if (entry.id !== dotsId(entry.workshopId, entry.ownerId)) problems.push('Identifiant de gommettes inattendu.');
    const ids = (entry.dots ?? []).map((d) => d.contributionId);
    if (new Set(ids).size !== ids.length) problems.push('Une contribution apparaît deux fois dans les gommettes.');
  } else {
    if (!entry.stepId) problems.push('Une contribution appartient à une étape.');
    if (!entry.text?.trim()) problems.push('Écrivez votre contribution.');
    if ((entry as unknown as Record<string, unknown>).dots !== undefined) {
      problems.push('Une contribution ne porte pas de gommettes.');
    }
  }
  return problems;
}
