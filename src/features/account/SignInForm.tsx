import { useState } from 'react';
import type { Credentials } from '../../db/remote/account-api.ts';
import { Field, ShowPassword } from './Field.tsx';
import { useFormSubmit, useValidatedForm } from './useValidatedForm.ts';
import { checkEmail, checkPassword } from './validation.ts';
import { FormError } from '../../ui/FormError.tsx';

/** « Se connecter ». `onSubmit` throws an ApiError when the server refuses. */
export function SignInForm({ onSubmit }: { onSubmit(input: Credentials): Promise<void> }) {
  const form = useValidatedForm(
    'connexion',
    { email: '', password: '' },
    { email: checkEmail, password: checkPassword },
  );
  const { busy, failure, onSubmit: submit } = useFormSubmit(form, onSubmit);
  const [showPassword, setShowPassword] = useState(false);

  return (
    <form className="account-form card" noValidate aria-labelledby="connexion-titre" onSubmit={submit}>
      <h2 id="connexion-titre">Se connecter</h2>
      <Field
        {...form.field('email')}
        label="Adresse e-mail"
        type="email"
        inputMode="email"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
      />
      <Field
        {...form.field('password')}
        label="Mot de passe"
        type={showPassword ? 'text' : 'password'}
        autoComplete="current-password"
        required
      />
      <ShowPassword id="connexion-voir" checked={showPassword} onChange={setShowPassword} />
      <FormError message={failure} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Connexion…' : 'Se connecter'}
      </button>
    </form>
  );
}
