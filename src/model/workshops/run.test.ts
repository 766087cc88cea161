import { describe, expect, it } from 'vitest';
import { sampleWorkshop } from './fixtures.ts';
import {
  agendaAsRun,
  extend,
  finish,
  formatTimer,
  nextStep,
  pause,
  previousStep,
  resume,
  startWorkshop,
  timerAt,
} from './run.ts';
import type { Workshop } from './workshop.ts';

const at = (minutes: number, seconds = 0) => new Date(Date.UTC(2026, 11, 3, 18, 30 + minutes, seconds)).toISOString();
const apply = (w: Workshop, change: Pick<Workshop, 'run' | 'status'>): Workshop => ({ ...w, ...change });

describe('running the agenda', () => {
  it('counts down, pauses, extends and logs the agenda as run', () => {
    let w = apply(sampleWorkshop(), startWorkshop(sampleWorkshop(), at(0)));
    expect(w.status).toBe('en-cours');
    expect(timerAt(w, at(4)).remaining).toBe(6 * 60);
    w = apply(w, pause(w, at(4)));
    expect(timerAt(w, at(9))).toMatchObject({ remaining: 6 * 60, paused: true });
    w = apply(w, resume(w, at(9)));
    w = apply(w, extend(w, 5));
    expect(timerAt(w, at(10)).remaining).toBe(10 * 60);
    w = apply(w, nextStep(w, at(20)));
    expect(w.run.stepIndex).toBe(1);
    expect(timerAt(w, at(51)).remaining).toBe(-60);
    expect(formatTimer(-60)).toBe('-1:00');
    expect(formatTimer(605)).toBe('10:05');
    w = apply(w, nextStep(w, at(52))); // the last step stays the last, restarted
    w = apply(w, previousStep(w, at(53)));
    w = apply(w, finish(w, at(60)));
    expect(w.status).toBe('termine');
    const asRun = agendaAsRun(w, at(70));
    expect(asRun.map((s) => [s.stepId, s.plannedMinutes, s.actualMinutes])).toEqual([
      ['accueil', 10, 15],
      ['idees', 30, 32],
      ['idees', 30, 1],
      ['accueil', 10, 7],
    ]);
  });

  it('shows the full time before the start and ignores a pause before it', () => {
    const w = sampleWorkshop();
    expect(timerAt(w, at(0))).toEqual({ remaining: 600, total: 600, paused: false, started: false });
    expect(pause(w, at(0))).toBe(w);
  });
});
