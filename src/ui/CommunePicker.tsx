import { useMemo, useState, type KeyboardEvent } from 'react';
import type { InitiativeCommune } from '../model/initiatives.ts';
import {
  searchCommunes,
  toInitiativeCommune,
  type CommuneIndex,
  type CommuneMatch,
} from '../model/initiatives/communes.ts';
import { loadCommuneIndex } from './commune-list.ts';
import { describedBy, FieldError, hintId } from './field-parts.tsx';
import './combobox.css';

const LIMIT = 10;

export const communeLabel = (commune: Pick<InitiativeCommune, 'name' | 'departement'>) =>
  `${commune.name} (${commune.departement})`;

function postcodes(match: CommuneMatch): string {
  const shown = match.postcodes.slice(0, 3).join(', ');
  return match.postcodes.length > 3 ? `${shown}…` : shown;
}

function optionText(match: CommuneMatch): string {
  const parts = [communeLabel(match)];
  if (match.formerName) parts.push(`ancienne commune : ${match.formerName}`);
  if (match.district) parts.push(match.district);
  if (match.postcodes.length > 0) parts.push(postcodes(match));
  return parts.join(' — ');
}

interface Props {
  id: string;
  value: InitiativeCommune | undefined;
  onChange(commune: InitiativeCommune | undefined): void;
  error?: string;
}

/**
 * The commune, picked from the official list (offline, loaded on first use):
 * a combobox per the ARIA pattern — type a name or a postcode, move through
 * the matches with the arrow keys, Enter to pick, Escape to close.
 */
export function CommunePicker({ id, value, onChange, error }: Props) {
  const [query, setQuery] = useState(value ? communeLabel(value) : '');
  const [index, setIndex] = useState<CommuneIndex>();
  const [loading, setLoading] = useState<'idle' | 'loading' | 'failed'>('idle');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = `${id}-liste`;
  const statusId = `${id}-etat`;

  const typed = open && query.trim() !== '';
  const matches = useMemo(() => (index && typed ? searchCommunes(index, query, LIMIT) : []), [index, typed, query]);
  const expanded = typed && matches.length > 0;

  const load = () => {
    if (index || loading === 'loading') return;
    setLoading('loading');
    loadCommuneIndex().then(
      (loaded) => {
        setIndex(loaded);
        setLoading('idle');
      },
      () => setLoading('failed'),
    );
  };

  const pick = (match: CommuneMatch) => {
    onChange(toInitiativeCommune(match, index?.year));
    setQuery(communeLabel(match));
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = matches.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        load();
        if (!open) setOpen(true);
        else if (count > 0) setActive((active + 1) % count);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!open) setOpen(true);
        else if (count > 0) setActive(active <= 0 ? count - 1 : active - 1);
        break;
      case 'Enter':
        if (expanded && matches[active]) {
          event.preventDefault(); // picks, does not submit the form
          pick(matches[active]);
        }
        break;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (!value && query !== '') {
          setQuery('');
        }
        break;
    }
  };

  let status = '';
  if (loading === 'loading' && typed) status = 'Chargement de la liste des communes…';
  else if (loading === 'failed')
    status = 'La liste des communes n’a pas pu être chargée. Rechargez la page et réessayez.';
  else if (typed && index && matches.length === 0) status = `Aucune commune ne correspond à « ${query.trim()} ».`;
  else if (expanded) {
    status = `${matches.length}${matches.length === LIMIT ? ' premières' : ''} commune${matches.length > 1 ? 's' : ''} : flèches haut et bas pour choisir, Entrée pour valider.`;
  }

  return (
    <div className="field combobox">
      <label htmlFor={id}>
        Commune<span className="required"> (obligatoire)</span>
      </label>
      <p id={hintId(id)} className="field-hint">
        Tapez le nom de la commune ou son code postal, puis choisissez-la dans la liste.
        {value && ` Choisie : ${value.name}, département ${value.departement} (code INSEE ${value.code}).`}
      </p>
      <div className="combobox-anchor">
        <input
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          autoCapitalize="words"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-required
          aria-describedby={describedBy(id, { hint: true, error })}
          value={query}
          onFocus={load}
          onChange={(event) => {
            load();
            setQuery(event.target.value);
            setOpen(true);
            setActive(-1);
            if (value) onChange(undefined); // typing again unpicks the commune
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        {/* Options ignore mousedown: the input keeps the focus, so the list is still there when the click lands. */}
        <ul id={listId} role="listbox" aria-label="Communes" className="combobox-list" hidden={!expanded}>
          {matches.map((match, i) => (
            <li
              key={`${match.code}-${match.formerName ?? match.district ?? ''}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(match)}
            >
              {optionText(match)}
            </li>
          ))}
        </ul>
      </div>
      <p id={statusId} className="combobox-status" role="status">
        {status}
      </p>
      <FieldError id={id} error={error} />
    </div>
  );
}
