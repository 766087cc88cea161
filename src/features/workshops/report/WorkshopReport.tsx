import { CONTRIBUTION_KIND_LABELS } from '../../../model/workshops/contribution.ts';
import { formatMinutes, formatStartsAt, plural } from '../../../model/workshops/report/format.ts';
import type {
  ChartRow,
  ReportContribution,
  ReportLabels,
  WorkshopReport as Report,
} from '../../../model/workshops/report/report.ts';
import { BarChart } from '../../../ui/BarChart.tsx';
import './report.css';

function details(c: ReportContribution, labels: ReportLabels): string {
  const parts = [CONTRIBUTION_KIND_LABELS[c.kind], ...c.needs.map((need) => labels.needs[need])];
  if (c.actorFamily) parts.push(labels.actorFamilies[c.actorFamily]);
  if (c.group) parts.push(`groupe « ${c.group} »`);
  if (c.duplicates > 0) parts.push(plural(c.duplicates, 'doublon regroupé', 'doublons regroupés'));
  return parts.join(' · ');
}

function Contribution({ c, labels }: { c: ReportContribution; labels: ReportLabels }) {
  return (
    <>
      <span className="report-text">{c.text}</span>{' '}
      <span className="report-dots">{plural(c.dots, 'gommette', 'gommettes')}</span>
      <br />
      <span className="report-details">{details(c, labels)}</span>
    </>
  );
}

const describe = (what: string, rows: readonly ChartRow[]) =>
  `Nombre de contributions ${what} : ${rows.map((r) => `${r.label}, ${r.count}`).join(' ; ')}.`;

/** The report after a workshop, as a page that prints as the handout (report.css has its print rules). */
export function WorkshopReport({ report, labels }: { report: Report; labels: ReportLabels }) {
  return (
    <article className="workshop-report" aria-labelledby="compte-rendu-titre">
      <h1 id="compte-rendu-titre">Compte rendu : {report.title}</h1>
      <p className="report-meta">{[formatStartsAt(report.startsAt), report.place].filter(Boolean).join(' · ')}</p>
      <dl className="report-figures">
        <div>
          <dt>Participants</dt>
          <dd>{report.participants}</dd>
        </div>
        <div>
          <dt>Contributions</dt>
          <dd>{report.contributions}</dd>
        </div>
        <div>
          <dt>Gommettes</dt>
          <dd>{report.dots}</dd>
        </div>
      </dl>

      <section aria-labelledby="report-deroule">
        <h2 id="report-deroule">Déroulé</h2>
        <table className="report-agenda">
          <caption>Durée prévue et durée réelle de chaque étape (pauses déduites)</caption>
          <thead>
            <tr>
              <th scope="col">Étape</th>
              <th scope="col">Durée prévue</th>
              <th scope="col">Durée réelle</th>
            </tr>
          </thead>
          <tbody>
            {report.agenda.map((row) => (
              <tr key={row.stepId}>
                <th scope="row">{row.title}</th>
                <td>{formatMinutes(row.plannedMinutes)}</td>
                <td>{formatMinutes(row.actualMinutes)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td>{formatMinutes(report.plannedMinutes)}</td>
              <td>{formatMinutes(report.actualMinutes)}</td>
            </tr>
          </tfoot>
        </table>
      </section>

      {report.top.length > 0 && (
        <section aria-labelledby="report-top">
          <h2 id="report-top">Les contributions les plus soutenues</h2>
          <ol className="report-list">
            {report.top.map((c) => (
              <li key={c.id}>
                <Contribution c={c} labels={labels} />
              </li>
            ))}
          </ol>
        </section>
      )}

      <section aria-labelledby="report-graphiques">
        <h2 id="report-graphiques">En chiffres</h2>
        <BarChart
          id="par-besoin"
          title="Contributions par besoin"
          description={describe('par besoin', report.byNeed)}
          rows={report.byNeed}
          columns={['Besoin', 'Contributions']}
        />
        <BarChart
          id="par-famille"
          title="Contributions par famille d’acteurs"
          description={describe('par famille d’acteurs', report.byActorFamily)}
          rows={report.byActorFamily}
          columns={['Famille d’acteurs', 'Contributions']}
        />
        <BarChart
          id="par-type"
          title="Contributions par type"
          description={describe('par type', report.byKind)}
          rows={report.byKind}
          columns={['Type', 'Contributions']}
        />
      </section>

      <section aria-labelledby="report-etapes">
        <h2 id="report-etapes">Contributions par étape</h2>
        {report.steps.map((step) => (
          <section key={step.stepId} className="report-step" aria-labelledby={`etape-${step.stepId}`}>
            <h3 id={`etape-${step.stepId}`}>{step.title}</h3>
            {step.question && <p className="report-question">{step.question}</p>}
            {step.contributions.length === 0 ? (
              <p className="muted">Aucune contribution.</p>
            ) : (
              <ul className="report-list">
                {step.contributions.map((c) => (
                  <li key={c.id}>
                    <Contribution c={c} labels={labels} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </section>

      <section aria-labelledby="report-initiatives">
        <h2 id="report-initiatives">Initiatives enregistrées</h2>
        {report.initiatives.length === 0 ? (
          <p className="muted">Aucune initiative enregistrée depuis cet atelier.</p>
        ) : (
          <ul className="report-list">
            {report.initiatives.map((initiative) => (
              <li key={initiative.initiativeId}>
                {initiative.title}
                {initiative.contributionText && (
                  <span className="report-details"> (issue de « {initiative.contributionText} »)</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="report-privacy muted">
        Ce compte rendu ne contient aucun nom de participant : seules les contributions et leurs gommettes y figurent.
      </p>
    </article>
  );
}
