import { useState, type FormEvent } from 'react';
import { useDatabase } from '../../app/DatabaseContext.tsx';
import { useObservable } from '../../app/hooks.ts';
import { watchSession } from '../../db/session.ts';
import type { Annotation } from '../../model/annotations.ts';
import type { Block } from '../../model/library.ts';
import {
  addSectionNote,
  deleteNote,
  dismissVersion,
  editNote,
  restoreVersion,
  watchResourceNotes,
} from './commands.ts';
import { useWorkspaces } from './useWorkspaces.ts';
import { FormError } from '../../ui/FormError.tsx';

/** Notes on the sections of a text: kept on the device, synced when signed in, shared with a group if chosen. */
export function SectionNotes({ resourceId, sections }: { resourceId: string; sections: Block[] }) {
  const { db } = useDatabase();
  const notes = useObservable(() => watchResourceNotes(db, resourceId), [db, resourceId]);
  const session = useObservable(() => watchSession(db), [db]);
  const workspaces = useWorkspaces(session);
  const [section, setSection] = useState(sections[0]?.id ?? '');
  const [text, setText] = useState('');
  const [group, setGroup] = useState('');
  const [problem, setProblem] = useState<string>();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return setProblem('Écrivez votre note avant de l’enregistrer.');
    try {
      await addSectionNote(db, { resourceId, blockId: section, note: text.trim(), workspaceId: group || null });
      setText('');
      setProblem(undefined);
    } catch (error) {
      setProblem(`La note n’a pas pu être enregistrée sur l’appareil (${String(error)}). Votre texte est toujours là.`);
    }
  };
  const titleOf = (blockId: string) => sections.find((s) => s.id === blockId)?.text ?? 'Section retirée du texte';

  return (
    <section aria-labelledby="mes-notes" className="notes no-print">
      <h2 id="mes-notes">Mes notes</h2>
      <ul className="list" aria-label="Notes sur ce texte">
        {notes?.map((note) => (
          <NoteItem key={note.id} note={note} sectionTitle={titleOf(note.target.blockId)} />
        ))}
      </ul>
      <form onSubmit={(e) => void add(e)} className="note-form">
        <label htmlFor="note-section">Section</label>
        <select id="note-section" value={section} onChange={(e) => setSection(e.target.value)}>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.text}
            </option>
          ))}
        </select>
        <label htmlFor="note-text">Nouvelle note</label>
        <textarea id="note-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        <label htmlFor="note-group">Visible par</label>
        <select id="note-group" value={group} onChange={(e) => setGroup(e.target.value)}>
          <option value="">Moi seulement</option>
          {workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              Le groupe « {w.name} »
            </option>
          ))}
        </select>
        <FormError message={problem} />
        <button type="submit" className="button">
          Enregistrer la note
        </button>
      </form>
    </section>
  );
}

function NoteItem({ note, sectionTitle }: { note: Annotation; sectionTitle: string }) {
  const { db } = useDatabase();
  const [draft, setDraft] = useState<string>();
  const save = async () => {
    if (draft !== undefined && draft.trim()) await editNote(db, note.id, draft.trim());
    setDraft(undefined);
  };
  return (
    <li className="card note">
      <p className="kicker">{sectionTitle}</p>
      {draft === undefined ? (
        <p className="note-text">{note.note}</p>
      ) : (
        <>
          <label htmlFor={`edit-${note.id}`} className="visually-hidden">
            Modifier la note
          </label>
          <textarea id={`edit-${note.id}`} rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} />
        </>
      )}
      {note.conflicts?.map((conflict, index) => (
        <div key={`${conflict.field}-${index}`} className="conflict" role="note">
          <p>
            <strong>Version modifiée sur un autre appareil</strong>
            {conflict.field === '_deleted'
              ? ' : cette note y a été supprimée.'
              : conflict.field === 'note'
                ? ` : « ${String(conflict.value)} »`
                : ` (${conflict.field})`}
          </p>
          <button type="button" className="button secondary" onClick={() => void restoreVersion(db, note.id, index)}>
            {conflict.field === '_deleted' ? 'Supprimer quand même' : 'Rétablir cette version'}
          </button>{' '}
          <button type="button" className="button secondary" onClick={() => void dismissVersion(db, note.id, index)}>
            Garder la version affichée
          </button>
        </div>
      ))}
      <p className="actions">
        {draft === undefined ? (
          <button type="button" className="button secondary" onClick={() => setDraft(note.note)}>
            Modifier
          </button>
        ) : (
          <button type="button" className="button" onClick={() => void save()}>
            Enregistrer
          </button>
        )}
        <button type="button" className="button secondary" onClick={() => void deleteNote(db, note.id)}>
          Supprimer
        </button>
        {note.workspaceId && <span className="muted">Partagée avec un groupe</span>}
      </p>
    </li>
  );
}
