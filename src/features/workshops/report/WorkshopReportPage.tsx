import { useMemo } from 'react';
import { useDatabase } from '../../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../../db/react/hooks.ts';
import { ACTOR_FAMILY_LABELS, NEED_SHORT_LABELS } from '../../../i18n/fr.ts';
import { contributionsCsv } from '../../../model/workshops/report/csv.ts';
import { reportToMarkdown } from '../../../model/workshops/report/markdown.ts';
import { buildReport, type ReportLabels } from '../../../model/workshops/report/report.ts';
import { fileSlug } from '../../../model/workshops/file-name.ts';
import { downloadText } from '../../../ui/download.ts';
import { watchReportData } from './data.ts';
import { WorkshopReport } from './WorkshopReport.tsx';

const LABELS: ReportLabels = { needs: NEED_SHORT_LABELS, actorFamilies: ACTOR_FAMILY_LABELS };

const fileName = (prefix: string, title: string, extension: string) => `${prefix}-${fileSlug(title)}.${extension}`;

/**
 * The report page of a workshop, without its route: the workshop's routes
 * mount it with the workshop's id. Computed on the device from what it holds.
 */
export function WorkshopReportPage({ workshopId }: { workshopId: string }) {
  const { db } = useDatabase();
  const data = useObservable(() => watchReportData(db, workshopId), [db, workshopId]);
  const report = useMemo(
    () =>
      data?.workshop &&
      buildReport({
        workshop: data.workshop,
        entries: data.entries,
        labels: LABELS,
        now: new Date().toISOString(),
        initiativeTitle: (id) => data.initiativeTitles.get(id),
      }),
    [data],
  );
  if (!data) return <p role="status">Chargement du compte rendu…</p>;
  if (!report) return <p>Cet atelier n’est pas sur cet appareil.</p>;

  const title = report.title;
  return (
    <>
      <WorkshopReport report={report} labels={LABELS} />
      <div className="report-actions">
        <button type="button" className="button" onClick={() => window.print()}>
          Imprimer ou enregistrer en PDF
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() =>
            downloadText(
              fileName('compte-rendu', title, 'md'),
              'text/markdown;charset=utf-8',
              reportToMarkdown(report, LABELS),
            )
          }
        >
          Exporter en Markdown
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() =>
            downloadText(
              fileName('contributions', title, 'csv'),
              'text/csv;charset=utf-8',
              contributionsCsv(report, LABELS),
            )
          }
        >
          Exporter les contributions (CSV)
        </button>
      </div>
    </>
  );
}
