/**
 * Exports of recorded initiatives: CSV for a spreadsheet, JSON for another
 * tool. Pure functions; the page turns their string into a download.
 */
import type { Initiative, InitiativeStage } from '../initiatives.ts';
import type { ActorFamilyId, NeedId } from '../vocabulary.ts';
import { INITIATIVE_STAGE_LABELS, INITIATIVE_STATUS_LABELS } from './labels.ts';
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

const HEADERS = [
  'Titre',
  'Description',
  'Commune',
  'Code INSEE',
  'Département',
  'Besoins',
  'Familles d’acteurs',
  'Organisations',
  'ODD',
  'Cibles ODD 17',
  'Stade',
  'Date de début',
  'Contact',
  'E-mail du contact',
  'Téléphone du contact',
  'Consentement du contact le',
  'Contact à supprimer le',
  'Photos',
  'Groupe',
  'Auteur',
  'Statut',
  'Créée le',
  'Modifiée le',
  'Identifiant',
] as const;

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
    INITIATIVE_STATUS_LABELS[initiative.status] ?? initiative.status,
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
