/** The workshop's contributions as a CSV file for a French spreadsheet (see src/model/csv.ts). */
import { CSV_LIST, csvDateTime, csvFile } from '../../csv.ts';
import { CONTRIBUTION_KIND_LABELS } from '../contribution.ts';
import type { ReportLabels, WorkshopReport } from './report.ts';

const HEADERS = [
  'Étape',
  'Type',
  'Contribution',
  'Besoins',
  'Famille d’acteurs',
  'Gommettes',
  'Doublons regroupés',
  'Groupe',
  'Créée le',
  'Identifiant',
] as const;

export function contributionsCsv(report: WorkshopReport, labels: ReportLabels, timeZone?: string): string {
  const rows = report.steps.flatMap((step) =>
    step.contributions.map((c) => [
      step.title,
      CONTRIBUTION_KIND_LABELS[c.kind],
      c.text,
      c.needs.map((need) => labels.needs[need]).join(CSV_LIST),
      c.actorFamily && labels.actorFamilies[c.actorFamily],
      c.dots,
      c.duplicates,
      c.group,
      csvDateTime(c.createdAt, timeZone),
      c.id,
    ]),
  );
  return csvFile(HEADERS, rows);
}
