import { useEffect, useRef, useState, type FormEvent, type MouseEvent, type RefObject } from 'react';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { describeSelection } from '../../model/anchoring.ts';
import { ANNOTATION_COLORS, ANNOTATION_FIELDS, type AnnotationColor } from '../../model/annotations.ts';
import { FormError } from '../../ui/FormError.tsx';
import { COLOR_LABELS } from './AnnotationCard.tsx';
import { addHighlight } from './commands.ts';
import { selectedPassage, type SelectedPassage } from './highlighter.ts';
import type { WorkspaceSummary } from '../../model/accounts.ts';
import { GroupOptions } from '../../ui/GroupOptions.tsx';

const NOTE_MAX = ANNOTATION_FIELDS.note.maxLength;

const FIELDS = 'textarea, select, input[type="text"]';

/**
 * Appears when a passage of the text is selected — by mouse, keyboard or a
 * long press — and turns it into a highlight, with a colour and an optional
 * note. The passage is kept as soon as it is selected, so tapping the bar
 * or typing the note cannot lose it.
 */
export function SelectionToolbar({
  resourceId,
  container,
  workspaces,
}: {
  resourceId: string;
  container: RefObject<HTMLElement | null>;
  workspaces: WorkspaceSummary[];
}) {
  const { db } = useDatabase();
  const bar = useRef<HTMLFormElement>(null);
  const [passage, setPassage] = useState<SelectedPassage>();
  const [color, setColor] = useState<AnnotationColor>('jaune');
  const [note, setNote] = useState('');
  const [group, setGroup] = useState('');
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    const onChange = () => {
      if (!container.current) return;
      const selected = selectedPassage(container.current, document.getSelection());
      if (selected) setPassage(selected);
      else if (!bar.current?.contains(document.activeElement)) setPassage(undefined);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [container]);

  if (!passage) return null;
  const quote = passage.text.slice(passage.start, passage.end).trim();

  const close = () => {
    setPassage(undefined);
    setNote('');
    setProblem(undefined);
    document.getSelection()?.removeAllRanges();
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const target = describeSelection(passage.blockId, passage.text, passage.start, passage.end);
      await addHighlight(db, { resourceId, target, color, note: note.trim(), workspaceId: group || null });
      close();
    } catch (error) {
      setProblem(
        `Le surlignage n’a pas pu être enregistré (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  };
  // Pressing a button must not take the selection away from the text.
  const keepSelection = (event: MouseEvent) => {
    if (!(event.target as Element).closest(FIELDS)) event.preventDefault();
  };

  return (
    <form
      ref={bar}
      className="selection-bar no-print"
      aria-label="Annoter le passage sélectionné"
      onSubmit={(e) => void save(e)}
      onMouseDown={keepSelection}
    >
      <p className="selection-quote">« {quote.length > 90 ? `${quote.slice(0, 90)}…` : quote} »</p>
      <fieldset className="colors">
        <legend>Couleur</legend>
        {ANNOTATION_COLORS.map((c) => (
          <label key={c} className={`swatch swatch-${c}`}>
            <input type="radio" name="highlight-color" value={c} checked={color === c} onChange={() => setColor(c)} />
            {COLOR_LABELS[c]}
          </label>
        ))}
      </fieldset>
      <label htmlFor="highlight-note">Note (facultative)</label>
      <textarea
        id="highlight-note"
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={NOTE_MAX}
      />
      {workspaces.length > 0 && (
        <>
          <label htmlFor="highlight-group">Visible par</label>
          <select id="highlight-group" value={group} onChange={(e) => setGroup(e.target.value)}>
            <GroupOptions workspaces={workspaces} privateLabel="Moi seulement" />
          </select>
        </>
      )}
      <FormError message={problem} />
      <p className="actions">
        <button type="submit" className="button">
          Surligner
        </button>
        <button type="button" className="button secondary" onClick={close}>
          Annuler
        </button>
      </p>
    </form>
  );
}
