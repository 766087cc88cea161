/** The filters of the initiatives list, kept in the URL so that a filtered list can be shared or reloaded. */
import type { Initiative, InitiativeStage } from '../../model/initiatives.ts';
import { INITIATIVE_STAGES } from '../../model/initiatives.ts';
import { foldFrench } from '../../model/search/french.ts';
import { NEED_IDS, type NeedId } from '../../model/vocabulary.ts';

export const PRIVATE = 'privees';

export interface InitiativeFilters {
  /** Words searched in the title, description, organisations and commune. */
  text?: string;
  need?: NeedId;
  sdg?: number;
  stage?: InitiativeStage;
  /** A commune's name or INSEE code, or a département's number. */
  place?: string;
  /** A workspace id, or PRIVATE. */
  group?: string;
}

const PARAMS = { text: 'q', need: 'besoin', sdg: 'odd', stage: 'stade', place: 'lieu', group: 'groupe' } as const;

export function initiativeFiltersFromParams(params: URLSearchParams): InitiativeFilters {
  const filters: InitiativeFilters = {};
  const text = params.get(PARAMS.text);
  if (text) filters.text = text;
  const need = params.get(PARAMS.need);
  if (need && (NEED_IDS as readonly string[]).includes(need)) filters.need = need as NeedId;
  const sdg = Number(params.get(PARAMS.sdg));
  if (Number.isInteger(sdg) && sdg >= 1 && sdg <= 17) filters.sdg = sdg;
  const stage = params.get(PARAMS.stage);
  if (stage && (INITIATIVE_STAGES as readonly string[]).includes(stage)) filters.stage = stage as InitiativeStage;
  const place = params.get(PARAMS.place);
  if (place) filters.place = place;
  const group = params.get(PARAMS.group);
  if (group) filters.group = group;
  return filters;
}

export function initiativeFiltersToParams(filters: InitiativeFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAMS) as (keyof InitiativeFilters)[]) {
    const value = filters[key];
    if (value !== undefined && value !== '') params.set(PARAMS[key], String(value));
  }
  return params;
}

export function hasFilters(filters: InitiativeFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined && value !== '');
}

const words = (text: string) =>
  foldFrench(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

function matchesPlace(initiative: Initiative, place: string): boolean {
  const commune = initiative.commune;
  if (!commune) return false;
  const query = place.trim();
  if (/^(?:\d{2,3}|2[ab])$/i.test(query)) return commune.departement.toLowerCase() === query.toLowerCase();
  if (/^(?:\d{5}|2[ab]\d{3})$/i.test(query)) return commune.code.toLowerCase() === query.toLowerCase();
  const name = ` ${words(commune.name).join(' ')}`;
  return name.includes(` ${words(query).join(' ')}`);
}

function matchesText(initiative: Initiative, text: string): boolean {
  const haystack = ` ${words(
    [initiative.title, initiative.description, initiative.organisations, initiative.commune?.name ?? ''].join(' '),
  ).join(' ')}`;
  // Every word typed starts a word of the initiative: « tiers lie » finds « tiers-lieu ».
  return words(text).every((word) => haystack.includes(` ${word}`));
}

export function filterInitiatives(initiatives: readonly Initiative[], filters: InitiativeFilters): Initiative[] {
  return initiatives.filter(
    (i) =>
      (!filters.need || i.needs.includes(filters.need)) &&
      (!filters.sdg || i.sdgs.includes(filters.sdg)) &&
      (!filters.stage || i.stage === filters.stage) &&
      (!filters.group || (filters.group === PRIVATE ? i.workspaceId === null : i.workspaceId === filters.group)) &&
      (!filters.place?.trim() || matchesPlace(i, filters.place)) &&
      (!filters.text?.trim() || matchesText(i, filters.text)),
  );
}
