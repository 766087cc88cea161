/** The report as Markdown, to paste in a document or a message. */
import { escapeBlock, escapeInline } from '../../markdown-escape.ts';
import { CONTRIBUTION_KIND_LABELS } from '../contribution.ts';
import { formatMinutes, formatStartsAt, plural } from './format.ts';
import type { ChartRow, ReportContribution, ReportLabels, WorkshopReport } from './report.ts';

const cell = (text: string) => escapeInline(text);

function table(headers: [string, string, ...string[]], rows: string[][]): string[] {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ];
}

function chartTable(title: string, heading: string, rows: readonly ChartRow[]): string[] {
  return [
    `## ${title}`,
    '',
    ...table(
      [heading, 'Contributions'],
      rows.map((r) => [cell(r.label), String(r.count)]),
    ),
    '',
  ];
}

function details(c: ReportContribution, labels: ReportLabels): string {
  const parts = [CONTRIBUTION_KIND_LABELS[c.kind]];
  parts.push(...c.needs.map((need) => labels.needs[need]));
  if (c.actorFamily) parts.push(labels.actorFamilies[c.actorFamily]);
  if (c.group) parts.push(`groupe « ${c.group} »`);
  if (c.duplicates > 0) parts.push(plural(c.duplicates, 'doublon regroupé', 'doublons regroupés'));
  parts.push(plural(c.dots, 'gommette', 'gommettes'));
  return parts.map(escapeInline).join(' · ');
}

/** A contribution as a list item: its text (kept as typed, never as markup), then its details in italics. */
function item(prefix: string, c: ReportContribution, labels: ReportLabels): string[] {
  const [first = '', ...rest] = escapeBlock(c.text).split('\n');
  return [`${prefix}${first}`, ...rest.map((line) => `   ${line}`), `   *${details(c, labels)}*`];
}

export function reportToMarkdown(report: WorkshopReport, labels: ReportLabels): string {
  const lines: string[] = [`# Compte rendu : ${cell(report.title)}`, ''];
  lines.push(
    `*${[formatStartsAt(report.startsAt), report.place]
      .filter(Boolean)
      .map((t) => cell(t!))
      .join(' · ')}*`,
    '',
  );
  lines.push(
    `${plural(report.participants, 'participant', 'participants')} · ${plural(report.contributions, 'contribution', 'contributions')} · ${plural(report.dots, 'gommette', 'gommettes')}`,
    '',
  );
  lines.push('## Déroulé', '');
  lines.push(
    ...table(
      ['Étape', 'Durée prévue', 'Durée réelle'],
      [
        ...report.agenda.map((row) => [
          cell(row.title),
          formatMinutes(row.plannedMinutes),
          formatMinutes(row.actualMinutes),
        ]),
        ['**Total**', formatMinutes(report.plannedMinutes), formatMinutes(report.actualMinutes)],
      ],
    ),
    '',
  );
  if (report.top.length > 0) {
    lines.push('## Les contributions les plus soutenues', '');
    report.top.forEach((c, i) => lines.push(...item(`${i + 1}. `, c, labels)));
    lines.push('');
  }
  lines.push('## Contributions par étape', '');
  for (const step of report.steps) {
    lines.push(`### ${cell(step.title)}`, '');
    if (step.question) lines.push(`> ${escapeInline(step.question)}`, '');
    if (step.contributions.length === 0) lines.push('Aucune contribution.', '');
    else lines.push(...step.contributions.flatMap((c) => item('- ', c, labels)), '');
  }
  lines.push(...chartTable('Contributions par besoin', 'Besoin', report.byNeed));
  lines.push(...chartTable('Contributions par famille d’acteurs', 'Famille d’acteurs', report.byActorFamily));
  lines.push(...chartTable('Contributions par type', 'Type', report.byKind));
  lines.push('## Initiatives enregistrées', '');
  if (report.initiatives.length === 0) lines.push('Aucune initiative enregistrée depuis cet atelier.', '');
  for (const initiative of report.initiatives) {
    const from = initiative.contributionText ? ` (issue de « ${escapeInline(initiative.contributionText)} »)` : '';
    lines.push(`- ${cell(initiative.title)}${from}`);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
