import type { AgendaStep, Workshop, WorkshopRun } from './workshop.ts';

/**
 * Running the agenda: pure transitions of the live state, given the time
 * (ISO strings). The projector and the phones compute the timer from the
 * state and their own clock, so nothing ticks over the network.
 */

type Runnable = Pick<Workshop, 'steps' | 'run' | 'status'>;
type Changed = Pick<Workshop, 'run' | 'status'>;

const seconds = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

function closeCurrent(run: WorkshopRun, now: string): WorkshopRun['log'] {
  const log = [...run.log];
  const last = log.at(-1);
  if (last && !last.endedAt) {
    const paused = run.pausedSeconds + (run.pausedAt ? seconds(run.pausedAt, now) : 0);
    log[log.length - 1] = { ...last, endedAt: now, pausedSeconds: paused };
  }
  return log;
}

/** Shows step `index` and starts its timer. */
export function goToStep(workshop: Runnable, index: number, now: string): Changed {
  const step = workshop.steps[index];
  if (!step) return { run: workshop.run, status: workshop.status };
  const log = closeCurrent(workshop.run, now);
  log.push({ stepId: step.id, startedAt: now, pausedSeconds: 0 });
  return {
    status: 'en-cours',
    run: {
      ...workshop.run,
      stepIndex: index,
      stepStartedAt: now,
      pausedAt: undefined,
      pausedSeconds: 0,
      extraMinutes: 0,
      highlightedId: undefined,
      log: log.slice(-200),
    },
  };
}

export function startWorkshop(workshop: Runnable, now: string): Changed {
  return goToStep(workshop, workshop.run.stepStartedAt ? workshop.run.stepIndex : 0, now);
}

export function nextStep(workshop: Runnable, now: string): Changed {
  return goToStep(workshop, Math.min(workshop.run.stepIndex + 1, workshop.steps.length - 1), now);
}

export function previousStep(workshop: Runnable, now: string): Changed {
  return goToStep(workshop, Math.max(workshop.run.stepIndex - 1, 0), now);
}

export function pause(workshop: Runnable, now: string): Changed {
  if (workshop.run.pausedAt || !workshop.run.stepStartedAt) return workshop;
  return { status: workshop.status, run: { ...workshop.run, pausedAt: now } };
}

export function resume(workshop: Runnable, now: string): Changed {
  const { pausedAt } = workshop.run;
  if (!pausedAt) return workshop;
  return {
    status: workshop.status,
    run: { ...workshop.run, pausedAt: undefined, pausedSeconds: workshop.run.pausedSeconds + seconds(pausedAt, now) },
  };
}

export function extend(workshop: Runnable, minutes: number): Changed {
  const extraMinutes = Math.min(240, Math.max(0, workshop.run.extraMinutes + minutes));
  return { status: workshop.status, run: { ...workshop.run, extraMinutes } };
}

/** Ends the workshop: the last step's time is closed; contributions are refused from now on. */
export function finish(workshop: Runnable, now: string): Changed {
  return {
    status: 'termine',
    run: { ...workshop.run, pausedAt: undefined, log: closeCurrent(workshop.run, now) },
  };
}

export function currentStep(workshop: Pick<Workshop, 'steps' | 'run'>): AgendaStep | undefined {
  return workshop.steps[workshop.run.stepIndex] ?? workshop.steps[0];
}

export interface TimerState {
  /** Seconds left (negative once over time). */
  remaining: number;
  total: number;
  paused: boolean;
  started: boolean;
}

export function timerAt(workshop: Pick<Workshop, 'steps' | 'run'>, now: string): TimerState {
  const step = currentStep(workshop);
  const total = ((step?.minutes ?? 0) + workshop.run.extraMinutes) * 60;
  const { stepStartedAt, pausedAt, pausedSeconds } = workshop.run;
  if (!stepStartedAt) return { remaining: total, total, paused: false, started: false };
  const until = pausedAt ?? now;
  const elapsed = seconds(stepStartedAt, until) - pausedSeconds;
  return { remaining: total - Math.max(0, elapsed), total, paused: Boolean(pausedAt), started: true };
}

/** `12:05`, `-1:30` once over time. */
export function formatTimer(remaining: number): string {
  const sign = remaining < 0 ? '-' : '';
  const abs = Math.abs(remaining);
  return `${sign}${Math.floor(abs / 60)}:${String(abs % 60).padStart(2, '0')}`;
}

/** The agenda as run: for each step started, planned and actual minutes (pauses left out). */
export function agendaAsRun(workshop: Pick<Workshop, 'steps' | 'run'>, now: string) {
  return workshop.run.log.map((entry) => {
    const step = workshop.steps.find((s) => s.id === entry.stepId);
    const end = entry.endedAt ?? now;
    const active = Math.max(0, seconds(entry.startedAt, end) - entry.pausedSeconds);
    return {
      stepId: entry.stepId,
      title: step?.title ?? 'Étape retirée',
      plannedMinutes: step?.minutes ?? 0,
      actualMinutes: Math.round(active / 60),
      startedAt: entry.startedAt,
      endedAt: entry.endedAt,
    };
  });
}
