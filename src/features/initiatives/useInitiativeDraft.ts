import { useEffect, useState } from 'react';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import type { AppDatabase } from '../../db/database.ts';
import type { Initiative } from '../../model/initiatives.ts';
import { deleteDraft, recordInitiative, saveDraft } from './commands.ts';
import { DraftSaver, isBlank, type DraftRecord, type SaveState } from './drafts.ts';

/**
 * One draft being edited: the latest value, its writing to the device as
 * the user types, and its end (recorded or discarded), after which nothing
 * writes the draft back.
 */
class DraftEditor {
  private latest: DraftRecord;
  private stored: boolean;
  private closed = false;
  private readonly saver: DraftSaver<DraftRecord>;

  constructor(
    private readonly db: AppDatabase,
    initial: DraftRecord,
    resumed: boolean,
    onState: (state: SaveState) => void,
  ) {
    this.latest = initial;
    this.stored = resumed;
    this.saver = new DraftSaver<DraftRecord>(async (value) => {
      if (this.closed) return;
      await saveDraft(db, value);
      this.stored = true;
    }, onState);
  }

  get current(): DraftRecord {
    return this.latest;
  }

  /** The new value, or undefined when the draft is closed. */
  update(change: (record: DraftRecord) => DraftRecord): DraftRecord | undefined {
    if (this.closed) return undefined;
    const next = change(this.latest);
    this.latest = next;
    // An untouched new form is not worth a draft.
    if (this.stored || next.base || !isBlank(next.draft) || next.workspaceId !== null) this.saver.schedule(next);
    return next;
  }

  flush(): Promise<void> {
    return this.saver.flush();
  }

  async record(): Promise<Initiative> {
    await this.saver.flush();
    this.closed = true; // no draft written behind the recording's back
    this.saver.cancel();
    try {
      return await recordInitiative(this.db, this.latest);
    } catch (error) {
      this.closed = false;
      this.saver.schedule(this.latest);
      throw error;
    }
  }

  async discard(): Promise<void> {
    this.closed = true;
    this.saver.cancel();
    await deleteDraft(this.db, this.latest.id);
  }
}

export interface InitiativeDraftState {
  record: DraftRecord;
  saveState: SaveState;
  /** Applies a change; the draft is written on the device ~400 ms after the last one. */
  update(change: (record: DraftRecord) => DraftRecord): void;
  /** Writes the draft now. */
  flush(): Promise<void>;
  /** « Enregistrer » once the draft is valid: writes the initiative, the draft goes. */
  save(): Promise<Initiative>;
  discard(): Promise<void>;
}

/**
 * The form's draft: in memory for the screen, and on the device as the user
 * types (debounced), at once when the page is hidden or left, so that a crash
 * or a closed tab loses nothing.
 */
export function useInitiativeDraft(initial: DraftRecord, resumed: boolean): InitiativeDraftState {
  const { db } = useDatabase();
  const [record, setRecord] = useState(initial);
  const [saveState, setSaveState] = useState<SaveState>(
    resumed ? { state: 'saved', at: Date.parse(initial.updatedAt) } : { state: 'idle' },
  );
  const [editor] = useState(() => new DraftEditor(db, initial, resumed, setSaveState));

  useEffect(() => {
    // Hidden: written now. Visible again: a write that failed (device full) is tried again.
    const flush = () => void editor.flush();
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('pagehide', flush);
      flush(); // leaving the form inside the app
    };
  }, [editor]);

  return {
    record,
    saveState,
    update(change) {
      const next = editor.update(change);
      if (next) setRecord(next);
    },
    flush: () => editor.flush(),
    save: () => editor.record(),
    discard: () => editor.discard(),
  };
}
