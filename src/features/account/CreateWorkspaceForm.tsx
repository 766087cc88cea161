import { createWorkspace, type Auth, type CreatedWorkspace } from '../../db/remote/account-api.ts';
import { Field } from './Field.tsx';
import { useFormSubmit, useValidatedForm } from './useValidatedForm.ts';
import { checkWorkspaceName, NAME_MAX } from './validation.ts';
import { FormError } from '../../ui/FormError.tsx';

/** « Créer un espace »: the creator becomes its owner and gets its invite code. */
export function CreateWorkspaceForm({ auth, onCreated }: { auth: Auth; onCreated(workspace: CreatedWorkspace): void }) {
  const form = useValidatedForm('creer', { name: '' }, { name: checkWorkspaceName });
  const {
    busy,
    failure,
    onSubmit: submit,
  } = useFormSubmit(form, async ({ name }) => onCreated(await createWorkspace(auth, name.trim())));

  return (
    <form className="card account-form" noValidate aria-labelledby="creer-titre" onSubmit={submit}>
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
