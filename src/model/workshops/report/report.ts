/**
 * The report handed out after a workshop, computed from the workshop, its
 * contributions and dots: the agenda as run, contributions by step with
 * their dots, the top-ranked, counts by need, actor family and kind, the
 * initiatives recorded, the number of participants. No personal data: the
 * names participants may have typed are left out.
 */
import { ACTOR_FAMILY_IDS, type ActorFamilyId, NEED_IDS, type NeedId } from '../../vocabulary.ts';
import { groupOf, needsOf } from '../board.ts';
import {
  CONTRIBUTION_KIND_LABELS,
  CONTRIBUTION_KINDS,
  type ContributionKind,
  isContribution,
  type WorkshopEntry,
} from '../contribution.ts';
import { countDots, participantCount, ranked } from '../dots.ts';
import { agendaAsRun } from '../run.ts';
import type { Workshop, WorkshopStatus } from '../workshop.ts';

/** The French labels of the vocabularies (src/i18n/fr.ts), passed in so this module has no UI dependency. */
export interface ReportLabels {
  needs: Readonly<Record<NeedId, string>>;
  actorFamilies: Readonly<Record<ActorFamilyId, string>>;
}

export interface ReportContribution {
  id: string;
  kind: ContributionKind;
  text: string;
  stepId: string;
  dots: number;
  needs: NeedId[];
  actorFamily?: ActorFamilyId;
  /** The board group it is in. */
  group?: string;
  /** Duplicates folded into it. */
  duplicates: number;
  createdAt: string;
}

export interface AgendaRow {
  stepId: string;
  title: string;
  plannedMinutes: number;
  /** Minutes actually spent (pauses left out), every time it ran; null when never run. */
  actualMinutes: number | null;
}

export interface ReportStep {
  stepId: string;
  title: string;
  question: string;
  contributions: ReportContribution[];
}

export interface ChartRow {
  id: string;
  label: string;
  count: number;
}

export interface ReportInitiative {
  initiativeId: string;
  title: string;
  contributionText?: string;
}

export interface WorkshopReport {
  title: string;
  startsAt: string;
  place?: string;
  status: WorkshopStatus;
  participants: number;
  contributions: number;
  dots: number;
  agenda: AgendaRow[];
  plannedMinutes: number;
  actualMinutes: number;
  steps: ReportStep[];
  top: ReportContribution[];
  byNeed: ChartRow[];
  byActorFamily: ChartRow[];
  byKind: ChartRow[];
  initiatives: ReportInitiative[];
}

export interface ReportInput {
  workshop: Workshop;
  entries: readonly WorkshopEntry[];
  labels: ReportLabels;
  /** When the report is made: a step still running counts until then. */
  now: string;
  /** Titles of the initiatives on this device, by id. */
  initiativeTitle?(id: string): string | undefined;
  /** How many make the top (those with at least one dot). */
  topCount?: number;
}

export const NO_NEED = 'sans-besoin';
export const NO_FAMILY = 'sans-famille';
export const OTHER_STEP = 'autre-etape';

function agenda(workshop: Workshop, now: string): AgendaRow[] {
  const spent = new Map<string, number>();
  for (const run of agendaAsRun(workshop, now)) spent.set(run.stepId, (spent.get(run.stepId) ?? 0) + run.actualMinutes);
  const planned = workshop.steps.map((step) => ({
    stepId: step.id,
    title: step.title,
    plannedMinutes: step.minutes,
    actualMinutes: spent.get(step.id) ?? null,
  }));
  const removed = [...spent].filter(([id]) => !workshop.steps.some((step) => step.id === id));
  return [
    ...planned,
    ...removed.map(([stepId, minutes]) => ({
      stepId,
      title: 'Étape retirée',
      plannedMinutes: 0,
      actualMinutes: minutes,
    })),
  ];
}

function chart<T extends string>(
  ids: readonly T[],
  labels: Readonly<Record<T, string>>,
  counts: Map<string, number>,
  none?: [string, string],
): ChartRow[] {
  const rows = ids.map((id) => ({ id: id as string, label: labels[id], count: counts.get(id) ?? 0 }));
  if (none && (counts.get(none[0]) ?? 0) > 0) rows.push({ id: none[0], label: none[1], count: counts.get(none[0])! });
  return rows;
}

function tally(keys: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export function buildReport(input: ReportInput): WorkshopReport {
  const { workshop, labels, now } = input;
  const { board } = workshop;
  const live = input.entries.filter(
    (entry) => entry.workshopId === workshop.id && !(entry as { _deleted?: boolean })._deleted,
  );
  const contributions = live.filter(isContribution);
  const counts = countDots(live, workshop.dotsPerParticipant, board.merges);
  const standing: ReportContribution[] = ranked(contributions, counts, board.merges).map(({ contribution, dots }) => ({
    id: contribution.id,
    kind: contribution.kind,
    text: contribution.text,
    stepId: contribution.stepId,
    dots,
    needs: needsOf(board, contribution),
    actorFamily: contribution.actorFamily,
    group: groupOf(board, contribution.id)?.title,
    duplicates: board.merges.filter((m) => m.into === contribution.id).length,
    createdAt: contribution.createdAt,
  }));
  const byStep = (stepId: string) =>
    standing.filter((c) => c.stepId === stepId).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const known = new Set(workshop.steps.map((s) => s.id));
  const elsewhere = standing.filter((c) => !known.has(c.stepId));
  const steps: ReportStep[] = workshop.steps.map((step) => ({
    stepId: step.id,
    title: step.title,
    question: step.question,
    contributions: byStep(step.id),
  }));
  if (elsewhere.length > 0) {
    steps.push({ stepId: OTHER_STEP, title: 'Étape retirée', question: '', contributions: elsewhere });
  }
  const rows = agenda(workshop, now);
  const byText = new Map(contributions.map((c) => [c.id, c.text]));
  return {
    title: workshop.title,
    startsAt: workshop.startsAt,
    place: workshop.place?.name,
    status: workshop.status,
    participants: participantCount(live),
    contributions: standing.length,
    dots: [...counts.values()].reduce((a, b) => a + b, 0),
    agenda: rows,
    plannedMinutes: workshop.steps.reduce((sum, step) => sum + step.minutes, 0),
    actualMinutes: rows.reduce((sum, row) => sum + (row.actualMinutes ?? 0), 0),
    steps,
    top: standing.filter((c) => c.dots > 0).slice(0, input.topCount ?? 5),
    byNeed: chart(NEED_IDS, labels.needs, tally(standing.flatMap((c) => (c.needs.length > 0 ? c.needs : [NO_NEED]))), [
      NO_NEED,
      'Besoin non précisé',
    ]),
    byActorFamily: chart(
      ACTOR_FAMILY_IDS,
      labels.actorFamilies,
      tally(standing.map((c) => c.actorFamily ?? NO_FAMILY)),
      [NO_FAMILY, 'Famille non précisée'],
    ),
    byKind: chart(CONTRIBUTION_KINDS, CONTRIBUTION_KIND_LABELS, tally(standing.map((c) => c.kind))),
    initiatives: board.initiatives.map((link) => ({
      initiativeId: link.initiativeId,
      title: input.initiativeTitle?.(link.initiativeId) ?? 'Initiative (titre non disponible sur cet appareil)',
      contributionText: byText.get(link.contributionId),
    })),
  };
}
