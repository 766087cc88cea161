/**
 * What another screen may open the initiative form with (a workshop's board
 * turning a contribution into an initiative): the first fields, filled in,
 * for the person to check and complete. It travels in the browser history
 * (route state), so it is read back as untrusted input: only known fields,
 * known vocabulary, bounded lengths.
 */
import type { InitiativeCommune } from '../initiatives.ts';
import { ACTOR_FAMILY_IDS, NEED_IDS, type ActorFamilyId, type NeedId } from '../vocabulary.ts';
import { isSdgNumber } from './sdgs.ts';
import { DESCRIPTION_MAX, TITLE_MAX, type InitiativeDraft } from './validation.ts';

export interface InitiativeSeed {
  title: string;
  description: string;
  commune?: InitiativeCommune;
  needs: NeedId[];
  actorFamilies: ActorFamilyId[];
  sdgs: number[];
  /** The group the initiative is shared with; absent: private. */
  workspaceId?: string;
  /** Where the seed comes from, said above the form (« la contribution … de l'atelier … »). */
  origin?: string;
}

/** The key of the seed in the route state of `/initiatives/nouvelle`. */
export const INITIATIVE_SEED_STATE = 'initiativeSeed';

const text = (value: unknown, max: number) => (typeof value === 'string' ? [...value].slice(0, max).join('') : '');
const listOf = <T>(value: unknown, accept: (item: unknown) => item is T): T[] =>
  Array.isArray(value) ? [...new Set(value.filter(accept))] : [];
const isNeed = (v: unknown): v is NeedId => (NEED_IDS as readonly unknown[]).includes(v);
const isActorFamily = (v: unknown): v is ActorFamilyId => (ACTOR_FAMILY_IDS as readonly unknown[]).includes(v);

function communeOf(value: unknown): InitiativeCommune | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const c = value as Record<string, unknown>;
  if (typeof c.code !== 'string' || !/^(?:\d{5}|2[AB]\d{3})$/.test(c.code)) return undefined;
  if (typeof c.name !== 'string' || typeof c.departement !== 'string' || typeof c.year !== 'number') return undefined;
  return { code: c.code, name: c.name.slice(0, 120), departement: c.departement.slice(0, 3), year: c.year };
}

/** The seed in a route state, or undefined when there is none or it is not one. */
export function readInitiativeSeed(state: unknown): InitiativeSeed | undefined {
  if (!state || typeof state !== 'object') return undefined;
  const value = (state as Record<string, unknown>)[INITIATIVE_SEED_STATE];
  if (!value || typeof value !== 'object') return undefined;
  const s = value as Record<string, unknown>;
  const seed: InitiativeSeed = {
    title: text(s.title, TITLE_MAX),
    description: text(s.description, DESCRIPTION_MAX),
    needs: listOf(s.needs, isNeed),
    actorFamilies: listOf(s.actorFamilies, isActorFamily),
    sdgs: listOf<number>(s.sdgs, isSdgNumber).sort((a, b) => a - b),
  };
  const commune = communeOf(s.commune);
  if (commune) seed.commune = commune;
  if (typeof s.workspaceId === 'string' && s.workspaceId.length > 0) seed.workspaceId = s.workspaceId.slice(0, 64);
  if (typeof s.origin === 'string' && s.origin.length > 0) seed.origin = text(s.origin, 300);
  return seed;
}

/** A new form's draft with the seed's fields filled in. */
export function seededDraft(draft: InitiativeDraft, seed: InitiativeSeed): InitiativeDraft {
  return {
    ...draft,
    title: seed.title,
    description: seed.description,
    needs: [...seed.needs],
    actorFamilies: [...seed.actorFamilies],
    sdgs: [...seed.sdgs],
    ...(seed.commune ? { commune: { ...seed.commune } } : {}),
  };
}
