/**
 * Exports of recorded initiatives: CSV for a spreadsheet, JSON for another
 * tool. Pure functions; the page turns their string into a download.
 */
import type { Initiative, InitiativeStage } from '../initiatives.ts';
import type { ActorFamilyId, NeedId } from '../vocabulary.ts';
import { INITIATIVE_STAGE_LABELS, INITIATIVE_STATUS_LABELS } from './labels.ts';
import { sdg17TargetLabel, sdgLabel } from './sdgs.ts';

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

/**
 * Semicolon: a French Excel splits a CSV file opened by double-click on the
 * list separator of the system's regional settings, which is « ; » in France
 * because « , » is the decimal separator. A comma-separated file would open
 * as a single column. LibreOffice and Google Sheets ask or detect it.
 */
export const CSV_SEPARATOR = ';';
/** RFC 4180 line ends, which Excel expects too. */
const CRLF = '\r\n';
/**
 * Byte order mark: without it Excel reads the file in the system's legacy
 * code page and garbles every accent. (A « sep=; » first line would also tell
 * Excel the separator, but then Excel ignores the BOM: not used.)
 */
const BOM = '\uFEFF';
/** Between the items of a list inside one cell: never in a label, unlike a comma. */
const LIST = ' ; ';

/**
 * Formula injection (« CSV injection »): a spreadsheet runs a cell that starts
 * with = + - or @ as a formula, so text typed in the field, say
 * « =HYPERLINK("http://…") », would act when the export is opened. A leading
 * apostrophe makes the cell text, as OWASP advises; tab and carriage return
 * are on its list too. The cost: a phone number « +33… » shows as « '+33… ».
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, protected against formulas and quoted per RFC 4180 when it has to be. */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
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

/** « 2026-11-25 11:00 »: a form every spreadsheet reads as a date and time, in any locale. */
function dateTime(iso: string, timeZone: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

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
    initiative.needs.map((need) => labels.needs[need] ?? need).join(LIST),
    initiative.actorFamilies.map((family) => labels.actorFamilies[family] ?? family).join(LIST),
    initiative.organisations,
    [...initiative.sdgs]
      .sort((a, b) => a - b)
      .map((sdg) => sdgLabel(sdg) ?? `ODD ${sdg}`)
      .join(LIST),
    initiative.sdg17Targets.map((target) => sdg17TargetLabel(target) ?? target).join(LIST),
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
    dateTime(initiative.createdAt, labels.timeZone),
    dateTime(initiative.updatedAt, labels.timeZone),
    initiative.id,
  ];
}

/**
 * The initiatives as a CSV file for a French spreadsheet: UTF-8 with a BOM,
 * « ; » between cells, CRLF after each line, a header line in French, lists
 * within a cell separated by « ; » (hence quoted).
 */
export function toCsv(initiatives: readonly Initiative[], labels: CsvLabels): string {
  const lines = [HEADERS, ...initiatives.map((initiative) => row(initiative, labels))];
  return BOM + lines.map((cells) => cells.map(csvCell).join(CSV_SEPARATOR) + CRLF).join('');
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
