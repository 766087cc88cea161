import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable, useOnline } from '../../db/react/hooks.ts';
import { NEED_SHORT_LABELS } from '../../i18n/fr.ts';
import { FEEDBACK_SCORES } from '../../model/feedback.ts';
import { USER_ID_PATTERN } from '../../model/user-document-schema.ts';
import { NEED_IDS, type NeedId } from '../../model/vocabulary.ts';
import { sendFeedback, validateFeedback, watchWorkshopTitle, type FeedbackInput } from './commands.ts';
import { FormError } from '../../ui/FormError.tsx';
import './feedback.css';

const SCORES = FEEDBACK_SCORES;
const WORKSHOP_ID = new RegExp(USER_ID_PATTERN);

/**
 * The platform's evaluation survey: works offline, with or without an
 * account. `?atelier=<id>`: answered after a workshop, it names the workshop
 * and first asks how useful it was.
 */
export default function FeedbackPage() {
  const { db } = useDatabase();
  const online = useOnline();
  const [params] = useSearchParams();
  const asked = params.get('atelier') ?? '';
  const workshopId = asked.length <= 64 && WORKSHOP_ID.test(asked) ? asked : undefined;
  const workshopTitle = useObservable(
    () => (workshopId ? watchWorkshopTitle(db, workshopId) : undefined),
    [db, workshopId],
  );
  const [input, setInput] = useState<FeedbackInput>({ usefulness: {}, missing: '', comment: '', workshopId });
  const [errors, setErrors] = useState<ReturnType<typeof validateFeedback>>({});
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateFeedback(input);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await sendFeedback(db, input);
      setSent(true);
    } catch (error) {
      setFailure(
        `Votre avis n’a pas pu être enregistré sur l’appareil (${String(error)}). Rien n’est perdu : réessayez.`,
      );
    }
  };

  if (sent) {
    return (
      <>
        <h1>Merci !</h1>
        <p role="status">
          {online
            ? 'Votre avis est enregistré et part vers l’équipe du RAMEAU.'
            : 'Votre avis est enregistré sur l’appareil : il partira dès que le réseau reviendra.'}
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Donner mon avis</h1>
      {workshopId && (
        <p className="lead">
          Après l’atelier{workshopTitle ? ` « ${workshopTitle} »` : ''} : votre avis sera rattaché à cet atelier, sans
          votre nom.
        </p>
      )}
      <p className="lead">
        La plateforme et le cycle de webinaires se construisent avec les territoires. Dites ce qui vous sert et ce qui
        manque : quelques minutes suffisent, avec ou sans compte, même sans réseau.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate className="feedback-form">
        {errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
        {workshopId && (
          <fieldset className="facet">
            <legend>Utilité de l’atelier</legend>
            <div className="score-row">
              {SCORES.map(([score, label]) => (
                <label key={score} className="facet-value">
                  <input
                    type="radio"
                    name="score-atelier"
                    checked={input.workshopScore === score}
                    onChange={() => setInput({ ...input, workshopScore: score })}
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {NEED_IDS.map((need) => (
          <fieldset key={need} className="facet">
            <legend>Utilité des ressources : {NEED_SHORT_LABELS[need]}</legend>
            <div className="score-row">
              {SCORES.map(([score, label]) => (
                <label key={score} className="facet-value">
                  <input
                    type="radio"
                    name={`score-${need}`}
                    checked={input.usefulness[need as NeedId] === score}
                    onChange={() => setInput({ ...input, usefulness: { ...input.usefulness, [need]: score } })}
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <label htmlFor="missing">Ce qui vous manque</label>
        <textarea
          id="missing"
          rows={3}
          value={input.missing}
          aria-invalid={Boolean(errors.missing)}
          aria-describedby={errors.missing ? 'missing-error' : undefined}
          onChange={(e) => setInput({ ...input, missing: e.target.value })}
        />
        {errors.missing && (
          <p id="missing-error" className="form-error">
            {errors.missing}
          </p>
        )}
        <label htmlFor="comment">Votre message</label>
        <textarea
          id="comment"
          rows={5}
          value={input.comment}
          aria-invalid={Boolean(errors.comment)}
          aria-describedby={errors.comment ? 'comment-error' : undefined}
          onChange={(e) => setInput({ ...input, comment: e.target.value })}
        />
        {errors.comment && (
          <p id="comment-error" className="form-error">
            {errors.comment}
          </p>
        )}
        <FormError message={failure} />
        <button type="submit" className="button">
          Envoyer mon avis
        </button>
      </form>
    </>
  );
}
