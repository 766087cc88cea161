/**
 * Drafts of the initiative form, the logic without the database: what a
 * draft holds, how an edit of a recorded initiative applies to it, and the
 * saver that writes a draft as the user types.
 */
import type { Initiative, InitiativeContact } from '../../model/initiatives.ts';
import { EDITABLE_INITIATIVE_FIELDS } from '../../model/initiatives/fields.ts';
import { cleanDraft, emptyDraft, type InitiativeDraft } from '../../model/initiatives/validation.ts';
import { deepEqual, editField } from '../../model/merge.ts';

/** One draft on the device: a new initiative being typed, or the edit of a recorded one. */
export interface DraftRecord {
  /** The initiative's id: chosen when the draft starts, kept when it is recorded. */
  id: string;
  draft: InitiativeDraft;
  /** null: private. */
  workspaceId: string | null;
  /**
   * Set when editing a recorded initiative: its fields when the edit began.
   * Recording then changes only the fields the user changed, so that what
   * another device changed meanwhile is not put back.
   */
  base?: EditableFields;
  createdAt: string;
  updatedAt: string;
}

/** What the form edits of an initiative. */
export type EditableFields = InitiativeDraft & { workspaceId: string | null };

/** What the form edits (src/model/initiatives/fields.ts, `editable`). */
const EDITABLE = EDITABLE_INITIATIVE_FIELDS as readonly (keyof RecordedFields)[];

/** The form's fields of a recorded initiative. */
export function editableFields(initiative: Initiative): EditableFields {
  const fields: EditableFields = {
    ...emptyDraft(),
    workspaceId: initiative.workspaceId,
  };
  for (const key of EDITABLE) {
    const value = initiative[key as keyof Initiative];
    if (value !== undefined) (fields as unknown as Record<string, unknown>)[key] = structuredClone(value);
  }
  return fields;
}

/** A draft that starts as the recorded initiative. */
export function draftOfEdit(initiative: Initiative, now: string): DraftRecord {
  const base = editableFields(initiative);
  const { workspaceId, ...draft } = structuredClone(base);
  return { id: initiative.id, draft, workspaceId, base, createdAt: now, updatedAt: now };
}

export function newDraft(id: string, now: string, workspaceId: string | null = null): DraftRecord {
  return { id, draft: emptyDraft(), workspaceId, createdAt: now, updatedAt: now };
}

/** The form's fields as the collection stores them. */
export type RecordedFields = Omit<EditableFields, 'contact'> & { contact?: InitiativeContact };

/** The fields to record, as the collection stores them (texts trimmed, empty optional fields left out). */
export function recordedFields(record: DraftRecord): RecordedFields {
  const clean = cleanDraft(record.draft);
  return { ...clean, contact: clean.contact, workspaceId: record.workspaceId };
}

/**
 * The initiative once the edit is applied: each field the user changed
 * (compared with `base`) takes the draft's value; the others keep the
 * current value, which another device may have changed since the edit began.
 * A field changed on both sides takes the draft's value and keeps the other
 * in `conflicts`. Without a base, every field takes the draft's value.
 */
export function applyEdit(
  current: Initiative,
  record: DraftRecord,
  changes: { rev: string; updatedAt: string },
): Initiative {
  const next = recordedFields(record);
  const base = record.base && recordedFields({ ...record, draft: record.base, workspaceId: record.base.workspaceId });
  let result = current;
  for (const key of EDITABLE) {
    if (base && deepEqual(base[key], next[key])) continue;
    // A field changed both here and elsewhere: the edit wins, the other version is kept beside it.
    result = editField(
      result as never,
      key,
      base ? base[key] : result[key as keyof Initiative],
      next[key],
      // Not yet the edit's time: each kept version is dated by the document it came from.
      current.updatedAt,
    );
  }
  return { ...result, status: 'enregistree', ...changes };
}

/** Whether the draft holds anything typed: an untouched form is not worth a draft. */
export function isBlank(draft: InitiativeDraft): boolean {
  return deepEqual(cleanDraft(draft), cleanDraft(emptyDraft()));
}

/** JSON as a local document stores it: no `undefined` anywhere. */
export function toJsonValue<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A write that failed because the device is full (IndexedDB's QuotaExceededError, however wrapped). */
export function isQuotaError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown): boolean => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return false;
    seen.add(value);
    const record = value as { name?: unknown; message?: unknown; code?: unknown };
    if (record.name === 'QuotaExceededError' || record.code === 22) return true;
    if (typeof record.message === 'string' && /quota/i.test(record.message)) return true;
    const nested = value as {
      cause?: unknown;
      inner?: unknown;
      error?: unknown;
      parameters?: unknown;
      errors?: unknown;
    };
    const children = [nested.cause, nested.inner, nested.error, nested.parameters];
    if (Array.isArray(nested.errors)) children.push(...nested.errors);
    if (nested.parameters && typeof nested.parameters === 'object') {
      children.push(...Object.values(nested.parameters as Record<string, unknown>));
    }
    return children.some(visit);
  };
  return visit(error);
}

export type SaveState =
  | { state: 'idle' }
  | { state: 'waiting' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  | { state: 'failed'; quota: boolean; error: unknown };

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Writes the latest value some time after the last change (debounced), one
 * write at a time; `flush` writes at once (the page is being hidden, or the
 * form is being recorded). A failed write is tried again with the next change
 * or flush, and reported meanwhile: the value stays in memory.
 */
export class DraftSaver<T> {
  private latest: { value: T } | undefined;
  private timer: unknown;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (value: T) => Promise<void>,
    private readonly onState: (state: SaveState) => void = () => undefined,
    private readonly delayMs = 400,
    private readonly timers: Timers = browserTimers,
  ) {}

  /** A new value: written once nothing changed for `delayMs`. */
  schedule(value: T): void {
    this.latest = { value };
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => void this.flush(), this.delayMs);
    this.onState({ state: 'waiting' });
  }

  /** Writes what waits, now; resolves once it is written (or failed). */
  flush(): Promise<void> {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(async () => {
      const pending = this.latest;
      if (!pending) return;
      this.latest = undefined;
      this.onState({ state: 'saving' });
      try {
        await this.write(pending.value);
        this.onState(this.latest ? { state: 'waiting' } : { state: 'saved', at: Date.now() });
      } catch (error) {
        // Kept for the next try, unless something newer came meanwhile.
        this.latest ??= pending;
        this.onState({ state: 'failed', quota: isQuotaError(error), error });
      }
    });
    return this.writing;
  }

  /** Forgets what waits (the draft was recorded or deleted). */
  cancel(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    this.latest = undefined;
  }

  get pending(): boolean {
    return this.latest !== undefined;
  }
}
