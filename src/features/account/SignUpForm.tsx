import { useState } from 'react';
import type { Registration } from '../../db/remote/account-api.ts';
import { Field, ShowPassword } from './Field.tsx';
import { useFormSubmit, useValidatedForm } from './useValidatedForm.ts';
import { checkDisplayName, checkEmail, checkPassword, NAME_MAX, PASSWORD_MIN } from './validation.ts';
import { FormError } from '../../ui/FormError.tsx';

/** « Créer un compte ». `onSubmit` throws an ApiError when the server refuses. */
export function SignUpForm({ onSubmit }: { onSubmit(input: Registration): Promise<void> }) {
  const form = useValidatedForm(
    'inscription',
    { displayName: '', email: '', password: '' },
    { displayName: checkDisplayName, email: checkEmail, password: checkPassword },
  );
  const { busy, failure, onSubmit: submit } = useFormSubmit(form, onSubmit, { email_taken: 'email' });
  const [showPassword, setShowPassword] = useState(false);

  return (
    <form className="account-form card" noValidate aria-labelledby="inscription-titre" onSubmit={submit}>
      <h2 id="inscription-titre">Créer un compte</h2>
      <Field
        {...form.field('displayName')}
        label="Nom affiché"
        hint={`Ce que verront les membres de vos espaces (${NAME_MAX} caractères au plus).`}
        autoComplete="name"
        required
      />
      <Field
        {...form.field('email')}
        label="Adresse e-mail"
        type="email"
        inputMode="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        required
      />
      <Field
        {...form.field('password')}
        label="Mot de passe"
        hint={`Au moins ${PASSWORD_MIN} caractères. Une phrase facile à retenir fait un bon mot de passe.`}
        type={showPassword ? 'text' : 'password'}
        autoComplete="new-password"
        minLength={PASSWORD_MIN}
        required
      />
      <ShowPassword id="inscription-voir" checked={showPassword} onChange={setShowPassword} />
      <FormError message={failure} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Création du compte…' : 'Créer mon compte'}
      </button>
    </form>
  );
}
