/**
 * Exports of recorded initiatives: CSV for a spreadsheet, JSON for another
 * tool. Pure functions; the page turns their string into a download.
 */
import type { Initiative, InitiativeStage } from '../initiatives.ts';
import type { ActorFamilyId, NeedId } from '../vocabulary.ts';
import { CONTACT_FIELDS, INITIATIVE_FIELDS } from './fields.ts';
import { INITIATIVE_STAGE_LABELS } from './labels.ts';
import { sdg17TargetLabel, sdgLabel } from './sdgs.ts';
import { CSV_LIST, csvDateTime, csvFile } from '../csv.ts';

/** The French labels of the vocabularies (src/i18n/fr.ts), passed in so this module has no UI dependency. */
export interface CsvLabels {
  needs: Readonly<Record<NeedId, string>>;
  actorFamilies: Readonly<Record<ActorFamilyId, string>>;
  stages?: Readonly<Record<InitiativeStage, string>>;
  /** The name of a group (workspace) by id; the id is written when it gives none. */
  workspace?: (id: string) => string | undefined;
  /** Time zone of the « Créée le » and « Modifiée le » columns; the device's by default. */
  timeZone?: string;
}

const F = INITIATIVE_FIELDS;
const C = CONTACT_FIELDS;
const HEADERS = [
  F.title.label,
  F.description.label,
  F.commune.label,
  'Code INSEE',
  'Département',
  F.needs.label,
  F.actorFamilies.label,
  F.organisations.label,
  F.sdgs.label,
  F.sdg17Targets.label,
  F.stage.label,
  F.startDate.label,
  C.name.label,
  C.email.label,
  C.phone.label,
  C.consentAt.label,
  C.retainUntil.label,
  F.photos.label,
  F.workspaceId.label,
  F.authorName.label,
  'Créée le',
  'Modifiée le',
  'Identifiant',
];

function row(initiative: Initiative, labels: CsvLabels): (string | number | undefined)[] {
  const stages = labels.stages ?? INITIATIVE_STAGE_LABELS;
  const { contact, commune } = initiative;
  const group = initiative.workspaceId
    ? (labels.workspace?.(initiative.workspaceId) ?? initiative.workspaceId)
    : 'Privée (non partagée)';
  return [
    initiative.title,
    initiative.description,
    commune?.name,
    commune?.code,
    commune?.departement,
    initiative.needs.map((need) => labels.needs[need] ?? need).join(CSV_LIST),
    initiative.actorFamilies.map((family) => labels.actorFamilies[family] ?? family).join(CSV_LIST),
    initiative.organisations,
    [...initiative.sdgs]
      .sort((a, b) => a - b)
      .map((sdg) => sdgLabel(sdg) ?? `ODD ${sdg}`)
      .join(CSV_LIST),
    initiative.sdg17Targets.map((target) => sdg17TargetLabel(target) ?? target).join(CSV_LIST),
    initiative.stage && (stages[initiative.stage] ?? initiative.stage),
    initiative.startDate,
    contact?.name,
    contact?.email,
    contact?.phone,
    contact?.consentAt,
    contact?.retainUntil,
    initiative.photos.length,
    group,
    initiative.authorName,
    csvDateTime(initiative.createdAt, labels.timeZone),
    csvDateTime(initiative.updatedAt, labels.timeZone),
    initiative.id,
  ];
}

/**
 * The initiatives as a CSV file for a French spreadsheet: UTF-8 with a BOM,
 * « ; » between cells, CRLF after each line, a header line in French, lists
 * within a cell separated by « ; » (hence quoted).
 */
export function toCsv(initiatives: readonly Initiative[], labels: CsvLabels): string {
  return csvFile(
    HEADERS,
    initiatives.map((initiative) => row(initiative, labels)),
  );
}

/** The fields of the sync machinery, meaningless outside the app. */
const INTERNAL_FIELDS = new Set<string>(['rev', 'conflicts']);

/** The initiatives as indented JSON, without the sync machinery's fields. */
export function toJson(initiatives: readonly Initiative[]): string {
  const clean = initiatives.map((initiative) =>
    Object.fromEntries(Object.entries(initiative).filter(([key]) => !INTERNAL_FIELDS.has(key))),
  );
  return `${JSON.stringify(clean, null, 2)}\n`;
}
