import type { Block } from '../library.ts';
import { WORKSHOP_LIMITS, type AgendaStep } from './workshop.ts';

/**
 * The agenda: a kit's level-2 sections become steps, each with a duration
 * and a question; then the facilitator reorders, removes, renames and adds.
 * The suggested question is our own wording, to be rewritten for the room.
 */

export const DEFAULT_STEP_MINUTES = 15;

export function suggestedQuestion(sectionTitle: string): string {
  return `« ${sectionTitle} » : qu’est-ce que cela veut dire chez nous ?`;
}

/** One step per level-2 heading of the kit, in order (at most the schema's limit). */
export function agendaFromKit(blocks: readonly Block[], makeId: (index: number) => string = stepId): AgendaStep[] {
  return blocks
    .filter((b) => b.kind === 'heading' && b.level === 2)
    .slice(0, WORKSHOP_LIMITS.steps)
    .map((heading, index) => ({
      id: makeId(index),
      title: heading.text.slice(0, WORKSHOP_LIMITS.stepTitleMax),
      question: suggestedQuestion(heading.text).slice(0, WORKSHOP_LIMITS.questionMax),
      minutes: DEFAULT_STEP_MINUTES,
      sectionId: heading.id,
    }));
}

/** Step ids: short and unique within a workshop. */
export function stepId(index: number): string {
  return `etape-${index + 1}-${Math.random().toString(36).slice(2, 8)}`;
}

export function moveStep(steps: readonly AgendaStep[], index: number, by: -1 | 1): AgendaStep[] {
  const target = index + by;
  if (index < 0 || index >= steps.length || target < 0 || target >= steps.length) return [...steps];
  const next = [...steps];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function removeStep(steps: readonly AgendaStep[], index: number): AgendaStep[] {
  return steps.filter((_, i) => i !== index);
}

export function updateStep(steps: readonly AgendaStep[], index: number, change: Partial<AgendaStep>): AgendaStep[] {
  return steps.map((step, i) => (i === index ? { ...step, ...change, id: step.id } : step));
}

export function addStep(steps: readonly AgendaStep[], id: string = stepId(steps.length)): AgendaStep[] {
  if (steps.length >= WORKSHOP_LIMITS.steps) return [...steps];
  return [...steps, { id, title: 'Nouvelle étape', question: '', minutes: DEFAULT_STEP_MINUTES }];
}

export function plannedMinutes(steps: readonly AgendaStep[]): number {
  return steps.reduce((sum, s) => sum + s.minutes, 0);
}

/** What is wrong with an agenda before the workshop can be saved, in French. */
export function agendaProblems(steps: readonly AgendaStep[]): string[] {
  const problems: string[] = [];
  if (steps.length === 0) problems.push('Ajoutez au moins une étape.');
  if (steps.length > WORKSHOP_LIMITS.steps) problems.push(`Au plus ${WORKSHOP_LIMITS.steps} étapes.`);
  steps.forEach((step, i) => {
    if (!step.title.trim()) problems.push(`Étape ${i + 1} : donnez-lui un titre.`);
    if (!Number.isInteger(step.minutes) || step.minutes < 1 || step.minutes > WORKSHOP_LIMITS.minutesMax) {
      problems.push(`Étape ${i + 1} : durée entre 1 et ${WORKSHOP_LIMITS.minutesMax} minutes.`);
    }
  });
  return problems;
}
