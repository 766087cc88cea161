import { useState, type FormEvent } from 'react';
import { NEED_SHORT_LABELS } from '../../../i18n/fr.ts';
import { SDGS } from '../../../model/initiatives/sdgs.ts';
import { NEED_IDS, type NeedId } from '../../../model/vocabulary.ts';

interface Props {
  /** Unique on the page: the fields' ids start with it. */
  idPrefix: string;
  needs: NeedId[];
  sdgs: number[];
  onSave(needs: NeedId[], sdgs: number[]): void;
  onCancel(): void;
}

const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

/** The needs and SDGs the facilitator gives a contribution on the board. */
export function TagEditor({ idPrefix, needs: initialNeeds, sdgs: initialSdgs, onSave, onCancel }: Props) {
  const [needs, setNeeds] = useState(initialNeeds);
  const [sdgs, setSdgs] = useState(initialSdgs);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(
      NEED_IDS.filter((n) => needs.includes(n)),
      [...sdgs].sort((a, b) => a - b),
    );
  };
  return (
    <form className="board-tags" onSubmit={submit}>
      <fieldset className="choices">
        <legend>Besoins</legend>
        {NEED_IDS.map((need) => (
          <label key={need} className="choice" htmlFor={`${idPrefix}-besoin-${need}`}>
            <input
              id={`${idPrefix}-besoin-${need}`}
              type="checkbox"
              checked={needs.includes(need)}
              onChange={(e) => setNeeds((list) => toggle(list, need, e.target.checked))}
            />
            {NEED_SHORT_LABELS[need]}
          </label>
        ))}
      </fieldset>
      <fieldset className="choices">
        <legend>Objectifs de développement durable (ODD)</legend>
        {SDGS.map((sdg) => (
          <label key={sdg.number} className="choice" htmlFor={`${idPrefix}-odd-${sdg.number}`}>
            <input
              id={`${idPrefix}-odd-${sdg.number}`}
              type="checkbox"
              checked={sdgs.includes(sdg.number)}
              onChange={(e) => setSdgs((list) => toggle(list, sdg.number as number, e.target.checked))}
            />
            {sdg.label}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary">
          Enregistrer les étiquettes
        </button>
        <button type="button" onClick={onCancel}>
          Annuler
        </button>
      </div>
    </form>
  );
}
