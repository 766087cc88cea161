/** A form control's hint and error, tied to it (shared by every form). */

export const errorId = (id: string) => `${id}-erreur`;
export const hintId = (id: string) => `${id}-aide`;

/** aria-describedby for a control with an optional hint and error. */
export function describedBy(id: string, { hint, error }: { hint?: boolean; error?: string }): string | undefined {
  return [hint ? hintId(id) : undefined, error ? errorId(id) : undefined].filter(Boolean).join(' ') || undefined;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={errorId(id)} className="field-error">
      {error}
    </p>
  );
}
