import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useDatabase } from '../../db/react/DatabaseContext.tsx';
import { useObservable } from '../../db/react/hooks.ts';
import { formatWorkshopCode, parseWorkshopCode } from '../../model/workshops/code.ts';
import { WORKSHOP_STATUS_LABELS } from '../../model/workshops/workshop.ts';
import { FormError } from '../../ui/FormError.tsx';
import { watchWorkshops } from './commands.ts';
import { formatStart } from './format.ts';
import './workshops.css';
import { SCREEN_TEXTS } from '../../model/screen-texts.ts';

/** /ateliers: prepare a workshop, join one by its code, the workshops on this device. */
export default function WorkshopsPage() {
  const { db } = useDatabase();
  const workshops = useObservable(() => watchWorkshops(db), [db]);
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();

  const join = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseWorkshopCode(code);
    if (!parsed) {
      setError('Un code d’atelier a 8 caractères, par exemple ABCD-EFGH.');
      return;
    }
    void navigate(`/atelier/${parsed}`);
  };

  return (
    <article className="workshops">
      <h1>Ateliers</h1>
      <p className="lead">{SCREEN_TEXTS['/ateliers'].lead}</p>
      <p>
        <Link className="button primary" to="/ateliers/nouveau">
          Préparer un atelier
        </Link>
      </p>
      <form className="card join-form" onSubmit={join} noValidate>
        <h2>Rejoindre un atelier</h2>
        <label htmlFor="code-atelier">Code de l’atelier</label>
        <p id="code-atelier-aide" className="field-hint">
          Le code s’affiche sur l’écran de l’atelier : 8 caractères, par exemple ABCD-EFGH.
        </p>
        <input
          id="code-atelier"
          value={code}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          aria-describedby="code-atelier-aide"
          onChange={(event) => {
            setCode(event.target.value);
            setError(undefined);
          }}
        />
        <FormError message={error} />
        <button type="submit">Rejoindre</button>
      </form>
      <h2>Mes ateliers</h2>
      {workshops && workshops.length === 0 && <p className="muted">Aucun atelier sur cet appareil pour l’instant.</p>}
      <ul className="workshop-list">
        {(workshops ?? []).map((w) => (
          <li key={w.id} className="card">
            <h3>
              <Link to={`/ateliers/${w.id}`}>{w.title}</Link>
            </h3>
            <p>
              {formatStart(w.startsAt)}
              {w.place && ` — ${w.place.name}`} — {WORKSHOP_STATUS_LABELS[w.status]} — code {formatWorkshopCode(w.code)}
            </p>
          </li>
        ))}
      </ul>
    </article>
  );
}
