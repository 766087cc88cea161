import type { InputHTMLAttributes } from 'react';

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  id: string;
  label: string;
  /** Help shown under the label, before anything goes wrong. */
  hint?: string;
  error?: string;
};

/** A labelled text input whose hint and error are tied to it for screen readers. */
export function Field({ id, label, hint, error, ...input }: FieldProps) {
  const hintId = hint ? `${id}-aide` : undefined;
  const errorId = error ? `${id}-erreur` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** « Afficher le mot de passe »: typing a long password on a phone without seeing it is error-prone. */
export function ShowPassword({
  id,
  checked,
  onChange,
}: {
  id: string;
  checked: boolean;
  onChange(next: boolean): void;
}) {
  return (
    <label className="field-toggle" htmlFor={id}>
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      Afficher le mot de passe
    </label>
  );
}
