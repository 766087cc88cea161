import type { ReactNode } from 'react';

/** Small pieces of the initiative form: every control labelled, its hint and error tied to it. */

export { describedBy, errorId, FieldError, hintId } from '../../ui/field-parts.tsx';
import { describedBy, FieldError, hintId } from '../../ui/field-parts.tsx';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: ReactNode;
  error?: string;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'email' | 'tel' | 'date';
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  placeholder?: string;
}

/** A labelled text input or textarea. */
export function TextField({ id, label, value, onChange, hint, error, multiline, rows = 4, ...rest }: TextFieldProps) {
  const common = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, { hint: Boolean(hint), error }),
    'aria-required': rest.required || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {rest.required && <span className="required"> (obligatoire)</span>}
      </label>
      {hint && (
        <p id={hintId(id)} className="field-hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={rest.type ?? 'text'}
          autoComplete={rest.autoComplete ?? 'off'}
          inputMode={rest.inputMode}
          placeholder={rest.placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

interface ChoicesProps<T extends string | number> {
  /** Prefix of the inputs' ids: `${id}-0`, `${id}-1`… */
  id: string;
  legend: ReactNode;
  options: readonly { value: T; label: ReactNode }[];
  selected: readonly T[];
  onChange(selected: T[]): void;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  /** Radio buttons (one value) rather than checkboxes. */
  single?: boolean;
  className?: string;
}

/** A group of checkboxes (or radio buttons) in a fieldset, its error read with the group. */
export function Choices<T extends string | number>({
  id,
  legend,
  options,
  selected,
  onChange,
  hint,
  error,
  required,
  single,
  className,
}: ChoicesProps<T>) {
  const toggle = (value: T, checked: boolean) => {
    if (single) return onChange([value]);
    const next = checked ? [...selected, value] : selected.filter((v) => v !== value);
    // Kept in the order of the options, whatever the order of the ticks.
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  // A radio group may say it is wrong or required; a group of checkboxes says so in its legend and error.
  return (
    <fieldset
      className={`choices${className ? ` ${className}` : ''}`}
      aria-describedby={describedBy(id, { hint: Boolean(hint), error })}
      {...(single
        ? { role: 'radiogroup', 'aria-invalid': error ? true : undefined, 'aria-required': required || undefined }
        : {})}
    >
      <legend>
        {legend}
        {required && <span className="required"> (obligatoire)</span>}
      </legend>
      {hint && (
        <p id={hintId(id)} className="field-hint">
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
      <div className="choice-list">
        {options.map((option, i) => (
          <label key={String(option.value)} className="choice" htmlFor={`${id}-${i}`}>
            <input
              id={`${id}-${i}`}
              type={single ? 'radio' : 'checkbox'}
              name={id}
              checked={selected.includes(option.value)}
              onChange={(e) => toggle(option.value, e.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * The device is full: says what was not saved and what to do, without
 * leaving the page (what is typed is only in it until there is room).
 */
export function QuotaProblem({ what }: { what: string }) {
  return (
    <div className="form-error" role="alert">
      <p>{what} : l’appareil n’a plus de place.</p>
      <p>
        Ce que vous avez saisi reste affiché : ne fermez pas cette page. Libérez de l’espace (photos, vidéos ou
        applications dont vous n’avez plus besoin, ou contenus téléchargés pour le hors-ligne depuis la page{' '}
        <a href="/hors-ligne" target="_blank" rel="noopener">
          « Stockage hors ligne » (nouvel onglet)
        </a>
        ), puis continuez : l’enregistrement reprend de lui-même.
      </p>
    </div>
  );
}
