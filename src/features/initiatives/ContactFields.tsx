import type { InitiativeErrors } from '../../model/initiatives/validation.ts';
import { CONTACT_RETENTION_MAX_YEARS, maxRetainUntil, type ContactDraft } from '../../model/initiatives/validation.ts';
import { formatDate } from '../../i18n/fr.ts';
import { TextField } from './form-parts.tsx';

interface Props {
  contact: ContactDraft;
  onChange(contact: ContactDraft): void;
  errors: InitiativeErrors;
}

/** The person to contact about the initiative: optional, personal data, so with consent and an end date. */
export function ContactFields({ contact, onChange, errors }: Props) {
  const set = (field: keyof ContactDraft) => (value: string) => onChange({ ...contact, [field]: value });
  const latest = contact.consentAt ? maxRetainUntil(contact.consentAt) : undefined;
  return (
    <fieldset className="choices contact" aria-describedby="initiative-contact-pourquoi">
      <legend>Personne à contacter (facultatif)</legend>
      <p id="initiative-contact-pourquoi" className="field-hint">
        Ce sont des données personnelles : on ne les enregistre qu’avec l’accord de la personne, dont on note la date,
        et pour une durée limitée ({CONTACT_RETENTION_MAX_YEARS} ans au plus), au terme de laquelle elles doivent être
        supprimées. Laissez ce bloc vide si la personne n’a pas donné son accord.
      </p>
      <TextField
        id="initiative-contact-nom"
        label="Nom"
        autoComplete="off"
        value={contact.name ?? ''}
        onChange={set('name')}
        error={errors['contact.name']}
      />
      <TextField
        id="initiative-contact-email"
        label="Adresse e-mail"
        type="email"
        inputMode="email"
        value={contact.email ?? ''}
        onChange={set('email')}
        error={errors['contact.email']}
      />
      <TextField
        id="initiative-contact-telephone"
        label="Téléphone"
        type="tel"
        inputMode="tel"
        value={contact.phone ?? ''}
        onChange={set('phone')}
        error={errors['contact.phone']}
      />
      <TextField
        id="initiative-contact-consentement"
        label="Accord donné le"
        type="date"
        value={contact.consentAt ?? ''}
        onChange={set('consentAt')}
        error={errors['contact.consentAt']}
      />
      <TextField
        id="initiative-contact-conservation"
        label="À supprimer le"
        type="date"
        hint={
          latest
            ? `Au plus tard le ${formatDate(latest)} (${CONTACT_RETENTION_MAX_YEARS} ans après l’accord).`
            : `${CONTACT_RETENTION_MAX_YEARS} ans au plus après l’accord.`
        }
        value={contact.retainUntil ?? ''}
        onChange={set('retainUntil')}
        error={errors['contact.retainUntil']}
      />
    </fieldset>
  );
}
