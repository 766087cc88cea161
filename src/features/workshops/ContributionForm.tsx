import { useState, type FormEvent } from 'react';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { ACTOR_FAMILY_LABELS, NEED_SHORT_LABELS } from '../../i18n/fr.ts';
import {
  CONTRIBUTION_KIND_LABELS,
  CONTRIBUTION_KINDS,
  CONTRIBUTION_TEXT_MAX,
  type ContributionKind,
} from '../../model/workshops/contribution.ts';
import { ACTOR_FAMILY_IDS, NEED_IDS, type ActorFamilyId, type NeedId } from '../../model/vocabulary.ts';
import { FormError } from '../../ui/FormError.tsx';
import { postContribution, type Participant } from './commands.ts';

/** Posting a contribution to a step: its kind, its text, a need and an actor family if one fits. */
export function ContributionForm({ participant, stepId }: { participant: Participant; stepId: string }) {
  const { db } = useDatabase();
  const [kind, setKind] = useState<ContributionKind>('idee');
  const [text, setText] = useState('');
  const [need, setNeed] = useState<NeedId | ''>('');
  const [actorFamily, setActorFamily] = useState<ActorFamilyId | ''>('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError('Écrivez votre contribution avant de la publier.');
      return;
    }
    try {
      await postContribution(db, participant, {
        kind,
        stepId,
        text,
        ...(need ? { need } : {}),
        ...(actorFamily ? { actorFamily } : {}),
      });
      setText('');
      setError(undefined);
      setDone('Contribution publiée : elle part dès qu’il y a du réseau.');
    } catch {
      setError('La contribution n’a pas pu être enregistrée sur cet appareil.');
    }
  };

  return (
    <form className="card contribution-form" onSubmit={submit} noValidate>
      <h2>Contribuer</h2>
      <fieldset className="choices">
        <legend>Type de contribution</legend>
        {CONTRIBUTION_KINDS.map((k) => (
          <label key={k} className="choice">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {CONTRIBUTION_KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="contribution-texte">Votre contribution</label>
        <textarea
          id="contribution-texte"
          rows={3}
          maxLength={CONTRIBUTION_TEXT_MAX}
          value={text}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setDone(undefined);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="contribution-besoin">Besoin concerné (facultatif)</label>
        <select id="contribution-besoin" value={need} onChange={(e) => setNeed(e.target.value as NeedId | '')}>
          <option value="">—</option>
          {NEED_IDS.map((id) => (
            <option key={id} value={id}>
              {NEED_SHORT_LABELS[id]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="contribution-famille">Famille d’acteurs (facultatif)</label>
        <select
          id="contribution-famille"
          value={actorFamily}
          onChange={(e) => setActorFamily(e.target.value as ActorFamilyId | '')}
        >
          <option value="">—</option>
          {ACTOR_FAMILY_IDS.map((id) => (
            <option key={id} value={id}>
              {ACTOR_FAMILY_LABELS[id]}
            </option>
          ))}
        </select>
      </div>
      <FormError message={error} />
      <p role="status">{done}</p>
      <button type="submit" className="primary">
        Publier
      </button>
    </form>
  );
}
