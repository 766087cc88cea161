import { addStep, moveStep, plannedMinutes, removeStep, updateStep } from '../../model/workshops/agenda.ts';
import { WORKSHOP_LIMITS, type AgendaStep } from '../../model/workshops/workshop.ts';

interface Props {
  steps: AgendaStep[];
  onChange(steps: AgendaStep[]): void;
}

/** The agenda: each step's title, question and duration; move up or down, remove, add. */
export function AgendaEditor({ steps, onChange }: Props) {
  return (
    <fieldset className="agenda-editor">
      <legend>Ordre du jour ({plannedMinutes(steps)} min prévues)</legend>
      {steps.length === 0 && <p className="muted">Aucune étape : choisissez un kit ou ajoutez une étape.</p>}
      <ol>
        {steps.map((step, index) => {
          const n = index + 1;
          const id = `etape-${index}`;
          return (
            <li key={step.id} className="agenda-step card">
              <div className="field">
                <label htmlFor={`${id}-titre`}>Titre de l’étape {n}</label>
                <input
                  id={`${id}-titre`}
                  value={step.title}
                  maxLength={WORKSHOP_LIMITS.stepTitleMax}
                  onChange={(e) => onChange(updateStep(steps, index, { title: e.target.value }))}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-question`}>Question posée à la salle (étape {n})</label>
                <textarea
                  id={`${id}-question`}
                  rows={2}
                  value={step.question}
                  maxLength={WORKSHOP_LIMITS.questionMax}
                  onChange={(e) => onChange(updateStep(steps, index, { question: e.target.value }))}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-duree`}>Durée de l’étape {n} (minutes)</label>
                <input
                  id={`${id}-duree`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={WORKSHOP_LIMITS.minutesMax}
                  value={step.minutes}
                  onChange={(e) => onChange(updateStep(steps, index, { minutes: Number(e.target.value) }))}
                />
              </div>
              <div className="actions">
                <button type="button" disabled={index === 0} onClick={() => onChange(moveStep(steps, index, -1))}>
                  Monter l’étape {n}
                </button>
                <button
                  type="button"
                  disabled={index === steps.length - 1}
                  onClick={() => onChange(moveStep(steps, index, 1))}
                >
                  Descendre l’étape {n}
                </button>
                <button type="button" onClick={() => onChange(removeStep(steps, index))}>
                  Retirer l’étape {n}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" disabled={steps.length >= WORKSHOP_LIMITS.steps} onClick={() => onChange(addStep(steps))}>
        Ajouter une étape
      </button>
    </fieldset>
  );
}
