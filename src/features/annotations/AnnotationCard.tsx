import { useState, type ReactNode } from 'react';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { formatDate } from '../../i18n/fr.ts';
import {
  ANNOTATION_COLORS,
  ANNOTATION_FIELDS,
  type Annotation,
  type AnnotationColor,
} from '../../model/annotations.ts';
import { FormError } from '../../ui/FormError.tsx';
import { deleteNote, dismissVersion, editNote, recolor, restoreVersion } from './commands.ts';
import { KeptVersion } from '../../ui/KeptVersion.tsx';

const NOTE_MAX = ANNOTATION_FIELDS.note.maxLength;

export const COLOR_LABELS: Record<AnnotationColor, string> = {
  jaune: 'Jaune',
  vert: 'Vert',
  bleu: 'Bleu',
  rose: 'Rose',
};

interface Props {
  annotation: Annotation;
  /** Where it sits: the section's title, or the kit's. */
  context: ReactNode;
  /** The user's own: editable. Someone else's: shown with its author. */
  mine: boolean;
  /** Who wrote it, said even of the user's own (a group's list). */
  author?: string;
}

/** One annotation: its quote, its note (always as text), its versions from other devices, and its actions. */
export function AnnotationCard({ annotation, context, mine, author }: Props) {
  const { db } = useDatabase();
  const [draft, setDraft] = useState<string>();
  /** The text the editor opened on: what the draft is an edit of. */
  const [base, setBase] = useState('');
  const [problem, setProblem] = useState<string>();
  const run = async (action: () => Promise<void>) => {
    try {
      await action();
      setProblem(undefined);
      return true;
    } catch (error) {
      setProblem(`Le changement n’a pas pu être enregistré sur l’appareil (${String(error)}).`);
      return false;
    }
  };
  const save = async () => {
    if (draft === undefined) return;
    if (await run(() => editNote(db, annotation.id, draft.trim(), base))) setDraft(undefined);
  };
  const quote = annotation.target.quote?.exact;

  return (
    <div className={`annotation annotation-${annotation.color}`}>
      <p className="kicker">
        {context}
        {quote && <> · {COLOR_LABELS[annotation.color].toLowerCase()}</>}
        {' · '}
        {author !== undefined
          ? `par ${author === 'Vous' ? 'vous' : author}`
          : mine
            ? annotation.workspaceId
              ? 'partagée avec un groupe'
              : 'privée'
            : `par ${annotation.authorName ?? 'un membre du groupe'}`}
        {' · '}
        {formatDate(annotation.updatedAt.slice(0, 10))}
      </p>
      {quote && <blockquote className="annotation-quote">{quote}</blockquote>}
      {draft === undefined ? (
        annotation.note && <p className="note-text">{annotation.note}</p>
      ) : (
        <>
          <label htmlFor={`edit-${annotation.id}`} className="visually-hidden">
            Modifier la note
          </label>
          <textarea
            id={`edit-${annotation.id}`}
            rows={3}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            maxLength={NOTE_MAX}
          />
        </>
      )}
      {annotation.conflicts?.map((conflict, index) => (
        <KeptVersion
          key={`${conflict.field}-${index}`}
          description={
            conflict.field === '_deleted'
              ? ' : cette note y a été supprimée.'
              : conflict.field === 'note'
                ? ` : « ${String(conflict.value)} »`
                : ` (${conflict.field})`
          }
          restoreLabel={conflict.field === '_deleted' ? 'Supprimer quand même' : 'Rétablir cette version'}
          onRestore={mine ? () => void run(() => restoreVersion(db, annotation.id, index)) : undefined}
          onDismiss={mine ? () => void run(() => dismissVersion(db, annotation.id, index)) : undefined}
        />
      ))}
      <FormError message={problem} />
      {mine && (
        <p className="actions">
          {draft === undefined ? (
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setBase(annotation.note);
                setDraft(annotation.note);
              }}
            >
              {annotation.note ? 'Modifier' : 'Ajouter une note'}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => void save()}>
              Enregistrer
            </button>
          )}
          {quote && (
            <label className="inline-select">
              Changer la couleur{' '}
              <select
                value={annotation.color}
                onChange={(e) => void run(() => recolor(db, annotation.id, e.target.value as AnnotationColor))}
              >
                {ANNOTATION_COLORS.map((color) => (
                  <option key={color} value={color}>
                    {COLOR_LABELS[color]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            className="button secondary"
            onClick={() => void run(() => deleteNote(db, annotation.id))}
          >
            Supprimer
          </button>
        </p>
      )}
    </div>
  );
}
