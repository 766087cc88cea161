import { useState, type ChangeEvent, type FormEvent } from 'react';
import { asApiError } from '../../db/remote/account-api.ts';

export type Validator = (value: string) => string | undefined;

/**
 * Values and per-field errors of a small form. A field is checked when it
 * loses focus (once something was typed), again at each keystroke while it
 * shows an error, and all fields on submit, which focuses the first wrong one.
 */
export function useValidatedForm<K extends string>(
  idPrefix: string,
  initial: Record<K, string>,
  validators: Record<K, Validator>,
) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<K, string>>>({});
  const idOf = (name: K) => `${idPrefix}-${name}`;

  function field(name: K) {
    return {
      id: idOf(name),
      name,
      value: values[name],
      error: errors[name],
      onChange(event: ChangeEvent<HTMLInputElement>) {
        const value = event.target.value;
        setValues((current) => ({ ...current, [name]: value }));
        if (errors[name]) setErrors((current) => ({ ...current, [name]: validators[name](value) }));
      },
      onBlur() {
        if (values[name] !== '') setErrors((current) => ({ ...current, [name]: validators[name](values[name]) }));
      },
    };
  }

  /** Checks every field; false (and the first wrong field focused) when one is wrong. */
  function validate(): boolean {
    const found: Partial<Record<K, string>> = {};
    for (const name of Object.keys(validators) as K[]) found[name] = validators[name](values[name]);
    setErrors(found);
    const first = (Object.keys(validators) as K[]).find((name) => found[name]);
    if (first) document.getElementById(idOf(first))?.focus();
    return first === undefined;
  }

  /** Shows an error from elsewhere (the server) next to a field, and focuses it. */
  function setError(name: K, message: string) {
    setErrors((current) => ({ ...current, [name]: message }));
    document.getElementById(idOf(name))?.focus();
  }

  function setValue(name: K, value: string) {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => ({ ...current, [name]: undefined }));
  }

  return { values, field, validate, setError, setValue };
}

type ValidatedForm<K extends string> = ReturnType<typeof useValidatedForm<K>>;

/**
 * Submitting a validated form to the server: nothing while it runs or while
 * a field is wrong; a refusal becomes the error of the field it concerns
 * (`fieldOf[code]`), or the form's failure message.
 */
export function useFormSubmit<K extends string>(
  form: ValidatedForm<K>,
  action: (values: Record<K, string>) => Promise<void>,
  fieldOf: Partial<Record<string, K>> = {},
) {
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    if (busy || !form.validate()) return;
    setBusy(true);
    try {
      await action(form.values);
    } catch (thrown) {
      const error = asApiError(thrown);
      const field = fieldOf[error.code];
      if (field) form.setError(field, error.message);
      else setFailure(error.message);
    } finally {
      setBusy(false);
    }
  }

  return { busy, failure, onSubmit: (event: FormEvent) => void submit(event) };
}
