import { useState, type FormEvent } from 'react';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import {
  ANNOTATION_COLORS,
  ANNOTATION_FIELDS,
  type Annotation,
  type AnnotationColor,
} from '../../model/annotations.ts';
import { describeSelection, findPassage, type AnchorBlock } from '../../model/anchoring.ts';
import type { Block } from '../../model/library.ts';
import { FormError } from '../../ui/FormError.tsx';
import { AnnotationCard, COLOR_LABELS } from './AnnotationCard.tsx';
import { addHighlight, addSectionNote } from './commands.ts';
import type { WorkspaceSummary } from '../../model/accounts.ts';
import { GroupOptions } from '../../ui/GroupOptions.tsx';

const NOTE_MAX = ANNOTATION_FIELDS.note.maxLength;

/** Listed at first; a long list waits for the reader to ask (each highlight opens its own note anyway). */
const FIRST_NOTES = 20;

interface Props {
  resourceId: string;
  sections: Block[];
  annotations: Annotation[];
  detached: Annotation[];
  isMine: (annotation: Annotation) => boolean;
  sectionTitle: (blockId: string) => string;
  /** The section's blocks as rendered, to find a passage typed on the keyboard. */
  sectionBlocks: (sectionId: string) => AnchorBlock[];
  workspaces: WorkspaceSummary[];
}

/**
 * The annotations of a text, in reading order, and notes on whole sections:
 * kept on the device, synced when signed in, shared with a group if chosen.
 * Those whose passage left the text are listed apart, never dropped.
 */
export function SectionNotes({
  resourceId,
  sections,
  annotations,
  detached,
  isMine,
  sectionTitle,
  sectionBlocks,
  workspaces,
}: Props) {
  const { db } = useDatabase();
  const [section, setSection] = useState(sections[0]?.id ?? '');
  const [text, setText] = useState('');
  const [passage, setPassage] = useState('');
  const [color, setColor] = useState<AnnotationColor>('jaune');
  const [group, setGroup] = useState('');
  const [problem, setProblem] = useState<string>();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() && !passage.trim()) {
      return setProblem('Écrivez votre note, ou le passage à surligner, avant d’enregistrer.');
    }
    const workspaceId = group || null;
    try {
      if (passage.trim()) {
        const blocks = sectionBlocks(section);
        const found = findPassage(passage, blocks);
        if (!found) {
          return setProblem(`Ce passage n’a pas été trouvé dans la section « ${sectionTitle(section)} ». Vérifiez-le.`);
        }
        const block = blocks.find((b) => b.id === found.blockId)!;
        const target = describeSelection(found.blockId, block.text, found.start, found.end);
        await addHighlight(db, { resourceId, target, color, note: text.trim(), workspaceId });
      } else {
        await addSectionNote(db, { resourceId, blockId: section, note: text.trim(), workspaceId });
      }
      setText('');
      setPassage('');
      setProblem(undefined);
    } catch (error) {
      setProblem(`La note n’a pas pu être enregistrée sur l’appareil (${String(error)}). Votre texte est toujours là.`);
    }
  };
  const [showAll, setShowAll] = useState(false);
  const detachedIds = new Set(detached.map((a) => a.id));
  const placed = annotations.filter((a) => !detachedIds.has(a.id));
  const listed = showAll ? placed : placed.slice(0, FIRST_NOTES);

  return (
    <section aria-labelledby="mes-notes" className="notes no-print">
      <h2 id="mes-notes">Mes notes</h2>
      <p className="muted">Sélectionnez un passage du texte pour le surligner et l’annoter.</p>
      <ul className="list" aria-label="Notes sur ce texte">
        {listed.map((a) => (
          <li key={a.id} className="card note">
            <AnnotationCard annotation={a} context={sectionTitle(a.target.blockId)} mine={isMine(a)} />
          </li>
        ))}
      </ul>
      {listed.length < placed.length && (
        <p>
          <button type="button" className="button secondary" onClick={() => setShowAll(true)}>
            Afficher les {placed.length - listed.length} autres annotations
          </button>
        </p>
      )}
      {detached.length > 0 && (
        <>
          <h3 id="detachees">Annotations détachées</h3>
          <p className="muted">Le passage de ces annotations a changé ou a été retiré du texte ; elles restent ici.</p>
          <ul className="list" aria-labelledby="detachees">
            {detached.map((a) => (
              <li key={a.id} className="card note">
                <AnnotationCard annotation={a} context="Passage introuvable" mine={isMine(a)} />
              </li>
            ))}
          </ul>
        </>
      )}
      <form onSubmit={(e) => void add(e)} className="note-form">
        <label htmlFor="note-section">Section</label>
        <select id="note-section" value={section} onChange={(e) => setSection(e.target.value)}>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.text}
            </option>
          ))}
        </select>
        <label htmlFor="note-passage">Passage à surligner (facultatif)</label>
        <p id="note-passage-aide" className="muted">
          Recopiez quelques mots de la section : ils seront surlignés, comme une sélection à la souris.
        </p>
        <input
          id="note-passage"
          type="text"
          aria-describedby="note-passage-aide"
          value={passage}
          onChange={(e) => setPassage(e.target.value)}
        />
        {passage.trim() && (
          <>
            <label htmlFor="note-color">Couleur</label>
            <select id="note-color" value={color} onChange={(e) => setColor(e.target.value as AnnotationColor)}>
              {ANNOTATION_COLORS.map((c) => (
                <option key={c} value={c}>
                  {COLOR_LABELS[c]}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor="note-text">Nouvelle note</label>
        <textarea id="note-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={NOTE_MAX} />
        <label htmlFor="note-group">Visible par</label>
        <select id="note-group" value={group} onChange={(e) => setGroup(e.target.value)}>
          <GroupOptions workspaces={workspaces} privateLabel="Moi seulement" />
        </select>
        <FormError message={problem} />
        <button type="submit" className="button">
          Enregistrer la note
        </button>
      </form>
    </section>
  );
}
