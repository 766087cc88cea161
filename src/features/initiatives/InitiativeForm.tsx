import { useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { Link, useNavigate } from 'react-router';
import type { Session } from '../../db/session.ts';
import { ACTOR_FAMILY_LABELS, NEED_SHORT_LABELS } from '../../i18n/fr.ts';
import { INITIATIVE_STAGES } from '../../model/initiatives.ts';
import { INITIATIVE_FIELDS } from '../../model/initiatives/fields.ts';
import { INITIATIVE_STAGE_LABELS } from '../../model/initiatives/labels.ts';
import { validateInitiative, type InitiativeDraft, type InitiativeErrors } from '../../model/initiatives/validation.ts';
import { ACTOR_FAMILY_IDS, NEED_IDS } from '../../model/vocabulary.ts';
import { FormError } from '../../ui/FormError.tsx';
import type { WorkspaceSummary } from '../../model/accounts.ts';
import { CommunePicker } from '../../ui/CommunePicker.tsx';
import { ContactFields } from './ContactFields.tsx';
import { isQuotaError, type DraftRecord } from './drafts.ts';
import { Choices, QuotaProblem, TextField } from './form-parts.tsx';
import { PhotoFields } from './PhotoFields.tsx';
import { SdgFields } from './SdgFields.tsx';
import { describeSave, FIELD_FOCUS } from './form-messages.ts';
import { useInitiativeDraft } from './useInitiativeDraft.ts';
import { VisibilityField } from './VisibilityField.tsx';
import { SCREEN_TEXTS } from '../../model/screen-texts.ts';

interface Props {
  initial: DraftRecord;
  resumed: boolean;
  editing: boolean;
  session: Session | null;
  workspaces: WorkspaceSummary[];
}

/** The initiative form: every change kept on the device as a draft; « Enregistrer » checks and records. */
export function InitiativeForm({ initial, resumed, editing, session, workspaces }: Props) {
  const navigate = useNavigate();
  const draftState = useInitiativeDraft(initial, resumed);
  const { record, saveState, update } = draftState;
  const { draft } = record;
  const [errors, setErrors] = useState<InitiativeErrors>({});
  const [failure, setFailure] = useState<string>();
  const [full, setFull] = useState(false);
  const [busy, setBusy] = useState(false);

  const set = (patch: Partial<InitiativeDraft>) => {
    update((r) => ({ ...r, draft: { ...r.draft, ...patch } }));
    // A field fixed loses its error; the others keep theirs until the next « Enregistrer ».
    const fixed = Object.keys(patch).flatMap((key) =>
      key === 'contact' ? Object.keys(errors).filter((k) => k.startsWith('contact.')) : [key],
    );
    if (fixed.some((key) => key in errors)) {
      setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !fixed.includes(key))));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFailure(undefined);
    setFull(false);
    const found = validateInitiative(record.draft);
    flushSync(() => setErrors(found));
    const first = FIELD_FOCUS.find(([field]) => found[field]);
    if (first || Object.keys(found).length > 0) {
      const target = first && document.getElementById(first[1]);
      (target ?? document.getElementById('initiative-titre'))?.focus();
      void draftState.flush();
      return;
    }
    setBusy(true);
    try {
      const saved = await draftState.save();
      navigate(`/initiatives/${saved.id}`, { replace: true, state: { recorded: true } });
    } catch (error) {
      if (isQuotaError(error)) setFull(true);
      else {
        setFailure(
          `L’initiative n’a pas pu être enregistrée sur l’appareil (${String(error)}). Votre brouillon est conservé : réessayez.`,
        );
      }
      setBusy(false);
    }
  };

  const discard = async () => {
    const question = editing
      ? 'Abandonner vos modifications ? L’initiative reste telle qu’elle a été enregistrée.'
      : 'Supprimer ce brouillon ? Ce que vous avez saisi sera perdu.';
    if (!window.confirm(question)) return;
    await draftState.discard();
    navigate(editing ? `/initiatives/${record.id}` : '/initiatives', { replace: true });
  };

  const errorCount = Object.keys(errors).length;
  return (
    <form
      className="initiative-form"
      noValidate
      aria-labelledby="initiative-form-titre"
      onSubmit={(e) => void submit(e)}
    >
      <h1 id="initiative-form-titre">{editing ? 'Modifier l’initiative' : 'Nouvelle initiative'}</h1>
      <p className="lead">{SCREEN_TEXTS['/initiatives/nouvelle'].lead}</p>
      <p role="status" className={`draft-status${saveState.state === 'failed' ? ' form-error' : ''}`}>
        {describeSave(saveState)}
      </p>
      {saveState.state === 'failed' && saveState.quota && (
        <QuotaProblem what="Le brouillon n’a pas pu être enregistré sur l’appareil" />
      )}

      <TextField
        id="initiative-titre"
        label={INITIATIVE_FIELDS.title.label}
        required
        value={draft.title}
        onChange={(title) => set({ title })}
        error={errors.title}
      />
      <TextField
        id="initiative-description"
        label={INITIATIVE_FIELDS.description.label}
        required
        multiline
        rows={6}
        hint={`Ce qui se fait, avec qui, pour qui, et ce que cela change (${INITIATIVE_FIELDS.description.minLength} caractères au moins).`}
        value={draft.description}
        onChange={(description) => set({ description })}
        error={errors.description}
      />
      <CommunePicker
        id="initiative-commune"
        value={draft.commune}
        onChange={(commune) => set({ commune })}
        error={errors.commune}
      />
      <Choices
        id="initiative-besoins"
        legend="Besoins auxquels l’initiative répond"
        required
        options={NEED_IDS.map((need) => ({ value: need, label: NEED_SHORT_LABELS[need] }))}
        selected={draft.needs}
        onChange={(needs) => set({ needs })}
        error={errors.needs}
      />
      <Choices
        id="initiative-familles"
        legend="Familles d’acteurs impliquées"
        options={ACTOR_FAMILY_IDS.map((family) => ({ value: family, label: ACTOR_FAMILY_LABELS[family] }))}
        selected={draft.actorFamilies}
        onChange={(actorFamilies) => set({ actorFamilies })}
        error={errors.actorFamilies}
      />
      <TextField
        id="initiative-organisations"
        label="Organisations impliquées"
        multiline
        rows={3}
        hint="Leurs noms, par famille d’acteurs si possible : « Mairie de Redon ; Régie de quartier ; Lycée agricole »."
        value={draft.organisations}
        onChange={(organisations) => set({ organisations })}
        error={errors.organisations}
      />
      <SdgFields
        sdgs={draft.sdgs}
        targets={draft.sdg17Targets}
        onChange={(sdgs, sdg17Targets) => set({ sdgs, sdg17Targets })}
        errors={errors}
      />
      <Choices
        id="initiative-stade"
        legend="Où en est l’initiative ?"
        required
        single
        options={INITIATIVE_STAGES.map((stage) => ({ value: stage, label: INITIATIVE_STAGE_LABELS[stage] }))}
        selected={draft.stage ? [draft.stage] : []}
        onChange={([stage]) => set({ stage })}
        error={errors.stage}
      />
      <TextField
        id="initiative-debut"
        label={INITIATIVE_FIELDS.startDate.label}
        hint="Le mois (AAAA-MM, par exemple 2026-03) ou le jour (AAAA-MM-JJ). Facultatif."
        inputMode="numeric"
        value={draft.startDate ?? ''}
        onChange={(startDate) => set({ startDate: startDate || undefined })}
        error={errors.startDate}
      />
      <ContactFields contact={draft.contact ?? {}} onChange={(contact) => set({ contact })} errors={errors} />
      <PhotoFields
        id="initiative-photos"
        photos={draft.photos}
        token={session?.token}
        onAdd={(photo) => {
          update((r) => ({ ...r, draft: { ...r.draft, photos: [...r.draft.photos, photo] } }));
          void draftState.flush(); // the draft refers to the stored photo at once
        }}
        onChange={(photos) => set({ photos })}
        error={errors.photos}
      />
      <VisibilityField
        value={record.workspaceId}
        onChange={(workspaceId) => update((r) => ({ ...r, workspaceId }))}
        signedIn={Boolean(session)}
        workspaces={workspaces}
      />

      {errorCount > 0 && (
        <p className="form-error">
          {errorCount === 1 ? 'Un point est à compléter' : `${errorCount} points sont à compléter`} avant d’enregistrer
          : voir les messages ci-dessus. Votre brouillon est conservé.
        </p>
      )}
      <FormError message={failure} />
      {full && <QuotaProblem what="L’initiative n’a pas pu être enregistrée" />}
      <p className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Enregistrement…' : 'Enregistrer'}
        </button>
        <button type="button" className="button secondary" onClick={() => void discard()}>
          {editing ? 'Abandonner les modifications' : 'Supprimer le brouillon'}
        </button>
        <Link className="button secondary" to="/initiatives">
          Retour aux initiatives
        </Link>
      </p>
    </form>
  );
}
