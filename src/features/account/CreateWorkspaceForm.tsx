import { useState, type FormEvent } from 'react';
import { asApiError, createWorkspace, type Auth, type CreatedWorkspace } from './api.ts';
import { Field } from './Field.tsx';
import { useValidatedForm } from './useValidatedForm.ts';
import { checkWorkspaceName, NAME_MAX } from './validation.ts';
import { FormError } from '../../ui/FormError.tsx';

/** « Créer un espace »: the creator becomes its owner and gets its invite code. */
export function CreateWorkspaceForm({ auth, onCreated }: { auth: Auth; onCreated(workspace: CreatedWorkspace): void }) {
  const form = useValidatedForm('creer', { name: '' }, { name: checkWorkspaceName });
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    if (busy || !form.validate()) return;
    setBusy(true);
    try {
      onCreated(await createWorkspace(auth, form.values.name.trim()));
    } catch (error) {
      setFailure(asApiError(error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card account-form" noValidate aria-labelledby="creer-titre" onSubmit={(e) => void submit(e)}>
      <h2 id="creer-titre">Créer un espace</h2>
      <Field
        {...form.field('name')}
        label="Nom de l’espace"
        hint={`Par exemple « Collectif du pays de Redon » ou « Atelier du 12 mars » (${NAME_MAX} caractères au plus).`}
        autoComplete="off"
        required
      />
      <FormError message={failure} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Création…' : 'Créer l’espace'}
      </button>
    </form>
  );
}
