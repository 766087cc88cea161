import { describe, expect, it } from 'vitest';
import type { Initiative } from '../../model/initiatives.ts';
import { emptyDraft } from '../../model/initiatives/validation.ts';
import {
  applyEdit,
  draftOfEdit,
  DraftSaver,
  isBlank,
  isQuotaError,
  newDraft,
  type SaveState,
  type Timers,
} from './drafts.ts';

const initiative: Initiative = {
  id: 'i1',
  ownerId: 'u1',
  workspaceId: 'w1',
  rev: 'r1',
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  status: 'enregistree',
  title: 'Un tiers-lieu au village',
  description: 'Un lieu ouvert le samedi pour les associations du canton.',
  commune: { code: '35236', name: 'Redon', departement: '35', year: 2026 },
  needs: ['faire-alliance'],
  actorFamilies: [],
  organisations: '',
  sdgs: [11],
  sdg17Targets: [],
  stage: 'experimentation',
  photos: [],
  authorName: 'Alix',
};

function manualTimers(): Timers & { fire(): void; count(): number } {
  let pending: (() => void) | undefined;
  let handles = 0;
  return {
    set(callback) {
      pending = callback;
      return ++handles;
    },
    clear() {
      pending = undefined;
    },
    fire() {
      const callback = pending;
      pending = undefined;
      callback?.();
    },
    count: () => (pending ? 1 : 0),
  };
}

describe('the draft saver', () => {
  it('writes the latest value once typing pauses, not at every keystroke', async () => {
    const written: string[] = [];
    const timers = manualTimers();
    const saver = new DraftSaver<string>(async (v) => void written.push(v), undefined, 400, timers);
    saver.schedule('U');
    saver.schedule('Un');
    saver.schedule('Un t');
    expect(written).toEqual([]);
    timers.fire();
    await saver.flush();
    expect(written).toEqual(['Un t']);
  });

  it('writes at once when asked (the page is hidden), and only what changed since', async () => {
    const written: string[] = [];
    const timers = manualTimers();
    const saver = new DraftSaver<string>(async (v) => void written.push(v), undefined, 400, timers);
    saver.schedule('a');
    await saver.flush();
    expect(timers.count()).toBe(0);
    await saver.flush();
    expect(written).toEqual(['a']);
  });

  it('keeps a value that could not be written (device full) and writes it at the next try', async () => {
    const states: SaveState['state'][] = [];
    let full = true;
    const written: string[] = [];
    const saver = new DraftSaver<string>(
      async (v) => {
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        written.push(v);
      },
      (s) => {
        states.push(s.state);
        if (s.state === 'failed') expect(s.quota).toBe(true);
      },
      400,
      manualTimers(),
    );
    saver.schedule('texte');
    await saver.flush();
    expect(states).toEqual(['waiting', 'saving', 'failed']);
    expect(saver.pending).toBe(true);
    full = false;
    await saver.flush();
    expect(written).toEqual(['texte']);
    expect(states.at(-1)).toBe('saved');
  });

  it('never writes two values at once, and the last one typed wins', async () => {
    const written: string[] = [];
    let release: () => void = () => undefined;
    const saver = new DraftSaver<string>(
      (v) =>
        new Promise<void>((resolve) => {
          release = () => {
            written.push(v);
            resolve();
          };
        }),
      undefined,
      400,
      manualTimers(),
    );
    saver.schedule('a');
    const first = saver.flush();
    await Promise.resolve();
    saver.schedule('ab');
    const second = saver.flush();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await first;
    await new Promise((r) => setTimeout(r, 0));
    release();
    await second;
    expect(written).toEqual(['a', 'ab']);
  });
});

describe('editing a recorded initiative', () => {
  it('changes only the fields the user changed: what another device changed meanwhile stays', () => {
    const record = draftOfEdit(initiative, '2026-11-25T10:00:00.000Z');
    record.draft.title = 'Un tiers-lieu au village, ouvert aussi le mercredi';
    // Meanwhile another device changed the stage and the needs.
    const current: Initiative = {
      ...initiative,
      stage: 'deploiement',
      needs: ['faire-alliance', 'definir-sa-strategie'],
    };
    const next = applyEdit(current, record, { rev: 'r2', updatedAt: '2026-11-25T11:00:00.000Z' });
    expect(next).toMatchObject({
      title: 'Un tiers-lieu au village, ouvert aussi le mercredi',
      stage: 'deploiement',
      needs: ['faire-alliance', 'definir-sa-strategie'],
      rev: 'r2',
      updatedAt: '2026-11-25T11:00:00.000Z',
      ownerId: 'u1',
      authorName: 'Alix',
      createdAt: initiative.createdAt,
    });
  });

  it('keeps the other version of a field changed both here and on another device', () => {
    const record = draftOfEdit(initiative, '2026-11-25T10:00:00.000Z');
    record.draft.title = 'Un tiers-lieu au village, ouvert aussi le mercredi';
    record.draft.stage = 'deploiement';
    const current: Initiative = {
      ...initiative,
      title: 'Le tiers-lieu de la gare',
      stage: 'essaimage',
      updatedAt: '2026-11-25T10:30:00.000Z',
    };
    const next = applyEdit(current, record, { rev: 'r2', updatedAt: '2026-11-25T11:00:00.000Z' });
    expect(next).toMatchObject({ title: 'Un tiers-lieu au village, ouvert aussi le mercredi', stage: 'deploiement' });
    // Each kept version dated by the document it came from.
    expect(next.conflicts).toEqual([
      { field: 'title', value: 'Le tiers-lieu de la gare', at: '2026-11-25T10:30:00.000Z' },
      { field: 'stage', value: 'essaimage', at: '2026-11-25T10:30:00.000Z' },
    ]);
    expect(next.updatedAt).toBe('2026-11-25T11:00:00.000Z');
  });

  it('removes an optional field emptied, and moves the initiative to another group', () => {
    const record = draftOfEdit(initiative, '2026-11-25T10:00:00.000Z');
    record.draft.stage = undefined;
    record.draft.commune = undefined;
    record.workspaceId = null;
    const next = applyEdit(initiative, record, { rev: 'r2', updatedAt: '2026-11-25T11:00:00.000Z' });
    expect('stage' in next).toBe(false);
    expect('commune' in next).toBe(false);
    expect(next.workspaceId).toBeNull();
  });

  it('adds a contact with its consent and retention, trimmed', () => {
    const record = draftOfEdit(initiative, '2026-11-25T10:00:00.000Z');
    record.draft.contact = { name: ' Lou ', email: '', consentAt: '2026-11-25', retainUntil: '2028-11-25' };
    const next = applyEdit(initiative, record, { rev: 'r2', updatedAt: '2026-11-25T11:00:00.000Z' });
    expect(next.contact).toEqual({ name: 'Lou', consentAt: '2026-11-25', retainUntil: '2028-11-25' });
  });
});

describe('drafts', () => {
  it('an untouched form is blank; anything typed is not', () => {
    expect(isBlank(emptyDraft())).toBe(true);
    expect(isBlank({ ...emptyDraft(), title: '   ' })).toBe(true);
    expect(isBlank({ ...emptyDraft(), needs: ['faire-alliance'] })).toBe(false);
    expect(newDraft('x', '2026-11-25T10:00:00.000Z').workspaceId).toBeNull();
  });

  it('recognise a full device, however the database wrapped the error', () => {
    const quota = new DOMException('…', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'RxError', parameters: { error: quota } })).toBe(true);
    expect(isQuotaError(Object.assign(new Error('Dexie'), { inner: quota }))).toBe(true);
    expect(isQuotaError(new Error('AbortError'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });
});
