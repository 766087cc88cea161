/**
 * The checks of the « Enregistrer » action of the initiative form, in
 * French, field by field. A draft may be saved incomplete on the device
 * (status « brouillon »); these rules say what a recorded initiative needs.
 * They mirror the collection's JSON schema (../initiatives.ts) and add what a
 * schema cannot say: lengths after trimming, real calendar dates, the
 * contact's consent and retention period.
 */
import { INITIATIVE_STAGES, INSEE_CODE_PATTERN, type Initiative, type InitiativeContact } from '../initiatives.ts';
import { ACTOR_FAMILY_IDS, NEED_IDS } from '../vocabulary.ts';
import { isSdg17TargetId, isSdgNumber } from './sdgs.ts';
import { frenchDate } from '../french-dates.ts';
import { EMAIL_PATTERN, characters } from '../accounts.ts';
import { CONTACT_FIELDS, INITIATIVE_FIELDS, PHOTO_FIELDS, type EditableFieldName } from './fields.ts';

const F = INITIATIVE_FIELDS;
export const TITLE_MIN = F.title.minLength;
export const TITLE_MAX = F.title.maxLength;
export const DESCRIPTION_MIN = F.description.minLength;
export const DESCRIPTION_MAX = F.description.maxLength;
const ORGANISATIONS_MAX = F.organisations.maxLength;
const CONTACT_NAME_MAX = CONTACT_FIELDS.name.maxLength;
const CONTACT_EMAIL_MAX = CONTACT_FIELDS.email.maxLength;
const CONTACT_PHONE_MAX = CONTACT_FIELDS.phone.maxLength;
export const PHOTOS_MAX = F.photos.maxItems;
export const CAPTION_MAX = PHOTO_FIELDS.caption.maxLength;
/** How long after their consent a contact's details may be kept at most. */
export const CONTACT_RETENTION_MAX_YEARS = 5;
/** A start date before this year is taken for a typing error. */
export const START_YEAR_MIN = 1900;
/** A start date may be planned, up to this many years ahead. */
export const START_YEARS_AHEAD_MAX = 5;

/** The contact as typed: any field may still be empty. */
export type ContactDraft = { [K in keyof InitiativeContact]?: string };

/**
 * What the form edits: the fields declared editable (fields.ts) but the
 * group, which the form keeps beside the draft; possibly incomplete.
 */
export type InitiativeDraft = Omit<Pick<Initiative, Exclude<EditableFieldName, 'workspaceId'>>, 'contact'> & {
  contact?: ContactDraft;
};

/** A field that can be at fault: a draft's field, or one of the contact's. */
export type InitiativeField = Exclude<keyof InitiativeDraft, 'contact'> | `contact.${keyof typeof CONTACT_FIELDS}`;

/** What to fix, by field; an empty object when the draft can be recorded. */
export type InitiativeErrors = Partial<Record<InitiativeField, string>>;

export function emptyDraft(): InitiativeDraft {
  return {
    title: '',
    description: '',
    needs: [],
    actorFamilies: [],
    organisations: '',
    sdgs: [],
    sdg17Targets: [],
    photos: [],
  };
}

const INSEE_CODE = new RegExp(INSEE_CODE_PATTERN);
/** Digits with the usual separators, an optional leading +: « 06 12 34 56 78 », « +33 (0)6 12 34 56 78 ». */
const PHONE = /^\+?[\d\s.\-()]{6,}$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day, compared as the string YYYY-MM-DD. */
interface Day {
  year: number;
  month: number;
  day: number;
}

function parseDay(value: string): Day | undefined {
  const match = DAY.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDay = ({ year, month, day }: Day) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
/** « 1er mars 2031 ». */
const frenchDay = ({ year, month, day }: Day) => frenchDate(year, month, day);

/** The same day `years` later; 29 February becomes 28 February in a common year. */
function addYears({ year, month, day }: Day, years: number): Day {
  const last = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return { year: year + years, month, day: Math.min(day, last) };
}

/** Today on the device's calendar, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return isoDay({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/** The longest retention allowed for a contact who consented on `consentAt` (YYYY-MM-DD), or undefined for a bad date. */
export function maxRetainUntil(consentAt: string): string | undefined {
  const consent = parseDay(consentAt);
  return consent && isoDay(addYears(consent, CONTACT_RETENTION_MAX_YEARS));
}

const filled = (value: string | undefined) => (value ?? '').trim() !== '';

/** True when the contact block has anything typed in it. */
export function hasContact(contact: ContactDraft | undefined): boolean {
  return !!contact && Object.values(contact).some((value) => typeof value === 'string' && filled(value));
}

function checkStartDate(value: string, today: Day): string | undefined {
  const month = MONTH.exec(value);
  const date = month ? parseDay(`${value}-01`) : parseDay(value);
  if (!date) {
    if (!month && !DAY.test(value)) return 'Saisissez la date de début sous la forme AAAA-MM ou AAAA-MM-JJ.';
    return 'Cette date de début n’existe pas dans le calendrier.';
  }
  if (date.year < START_YEAR_MIN) return `La date de début doit être postérieure à ${START_YEAR_MIN}.`;
  const latest = addYears(today, START_YEARS_AHEAD_MAX);
  if ((month ? `${value}-01` : value) > isoDay(latest)) {
    return `La date de début ne peut pas dépasser ${START_YEARS_AHEAD_MAX} ans à partir d’aujourd’hui (${frenchDay(latest)}).`;
  }
  return undefined;
}

function checkContact(contact: ContactDraft, today: Day, errors: InitiativeErrors, scope: Scope): void {
  const name = (contact.name ?? '').trim();
  if (name === '') errors['contact.name'] = 'Indiquez le nom de la personne à contacter.';
  else if (characters(name) > CONTACT_NAME_MAX) {
    errors['contact.name'] = `Le nom du contact ne doit pas dépasser ${CONTACT_NAME_MAX} caractères.`;
  }

  const email = (contact.email ?? '').trim();
  if (email.length > CONTACT_EMAIL_MAX) {
    errors['contact.email'] = `L’adresse e-mail ne doit pas dépasser ${CONTACT_EMAIL_MAX} caractères.`;
  } else if (email !== '' && !EMAIL_PATTERN.test(email)) {
    errors['contact.email'] = 'Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).';
  }

  const phone = (contact.phone ?? '').trim();
  if (characters(phone) > CONTACT_PHONE_MAX) {
    errors['contact.phone'] = `Le numéro de téléphone ne doit pas dépasser ${CONTACT_PHONE_MAX} caractères.`;
  } else if (phone !== '' && !PHONE.test(phone)) {
    errors['contact.phone'] = 'Ce numéro de téléphone n’est pas valide (exemple : 06 12 34 56 78).';
  }

  const consentAt = (contact.consentAt ?? '').trim();
  const consent = parseDay(consentAt);
  if (consentAt === '') {
    errors['contact.consentAt'] =
      'Indiquez la date à laquelle la personne a accepté que ses coordonnées soient enregistrées.';
  } else if (!consent) {
    errors['contact.consentAt'] = 'Cette date de consentement n’est pas valide (attendu : une date du calendrier).';
  } else if (isoDay(consent) > isoDay(today)) {
    errors['contact.consentAt'] = 'La date de consentement ne peut pas être dans le futur.';
  }

  const retainUntil = (contact.retainUntil ?? '').trim();
  const retain = parseDay(retainUntil);
  const limit = `${CONTACT_RETENTION_MAX_YEARS} ans au plus après le consentement`;
  if (retainUntil === '') {
    errors['contact.retainUntil'] = `Indiquez jusqu’à quelle date ce contact peut être conservé (${limit}).`;
  } else if (!retain) {
    errors['contact.retainUntil'] =
      'Cette date de fin de conservation n’est pas valide (attendu : une date du calendrier).';
  } else if (consent && isoDay(retain) <= isoDay(consent)) {
    errors['contact.retainUntil'] = 'La date de fin de conservation doit être postérieure à la date de consentement.';
  } else if (consent && isoDay(retain) > isoDay(addYears(consent, CONTACT_RETENTION_MAX_YEARS))) {
    errors['contact.retainUntil'] =
      `Un contact peut être conservé ${limit}, soit jusqu’au ${frenchDay(addYears(consent, CONTACT_RETENTION_MAX_YEARS))}.`;
  } else if (scope === 'form' && isoDay(retain) < isoDay(today)) {
    errors['contact.retainUntil'] =
      'La date de fin de conservation est passée : supprimez ce contact ou recueillez à nouveau son consentement.';
  }
}

/**
 * Who checks: the form, before recording; or the server, on a pushed
 * initiative. The server skips one rule: a contact whose retention date has
 * passed must still be deletable and its initiative still editable (the
 * purge is due, not a refusal), so it refuses only what the form would
 * have refused when it was recorded.
 */
export type Scope = 'form' | 'stored';

/**
 * What keeps a draft from being recorded, field by field, in French. Fields
 * that are fine are absent: an empty object means « Enregistrer » may go
 * ahead. `today` (YYYY-MM-DD, the device's calendar by default) is for tests.
 */
export function validateInitiative(
  draft: InitiativeDraft,
  today: string = localToday(),
  scope: Scope = 'form',
): InitiativeErrors {
  const errors: InitiativeErrors = {};
  const now = parseDay(today);
  if (!now) throw new Error(`Not a date: ${today}`);

  const title = (draft.title ?? '').trim();
  if (title === '') errors.title = 'Donnez un titre à l’initiative.';
  else if (characters(title) < TITLE_MIN) errors.title = `Le titre doit compter au moins ${TITLE_MIN} caractères.`;
  else if (characters(title) > TITLE_MAX) {
    errors.title = `Le titre ne doit pas dépasser ${TITLE_MAX} caractères (il en compte ${characters(title)}).`;
  }

  const description = (draft.description ?? '').trim();
  if (description === '') errors.description = 'Décrivez l’initiative en quelques phrases.';
  else if (characters(description) < DESCRIPTION_MIN) {
    errors.description = `La description doit compter au moins ${DESCRIPTION_MIN} caractères (elle en compte ${characters(description)}).`;
  } else if (characters(description) > DESCRIPTION_MAX) {
    errors.description = `La description ne doit pas dépasser ${DESCRIPTION_MAX} caractères (elle en compte ${characters(description)}).`;
  }

  if (!draft.commune) errors.commune = 'Choisissez la commune où se déroule l’initiative.';
  else if (!INSEE_CODE.test(draft.commune.code) || !draft.commune.name) {
    errors.commune = 'Cette commune n’est pas reconnue : choisissez-la de nouveau dans la liste.';
  }

  const needs = draft.needs ?? [];
  if (needs.length < INITIATIVE_FIELDS.needs.minItems)
    errors.needs = 'Choisissez au moins un besoin auquel répond l’initiative.';
  else if (needs.some((need) => !NEED_IDS.includes(need)) || new Set(needs).size !== needs.length) {
    errors.needs = 'Un des besoins choisis n’est pas reconnu : décochez-le puis cochez-le de nouveau.';
  }

  const families = draft.actorFamilies ?? [];
  if (families.some((family) => !ACTOR_FAMILY_IDS.includes(family)) || new Set(families).size !== families.length) {
    errors.actorFamilies = 'Une des familles d’acteurs choisies n’est pas reconnue.';
  }

  if (characters(draft.organisations ?? '') > ORGANISATIONS_MAX) {
    errors.organisations = `La liste des organisations ne doit pas dépasser ${ORGANISATIONS_MAX} caractères.`;
  }

  const sdgs = draft.sdgs ?? [];
  if (sdgs.some((sdg) => !isSdgNumber(sdg)) || new Set(sdgs).size !== sdgs.length) {
    errors.sdgs = 'Un des objectifs de développement durable choisis n’est pas reconnu.';
  }

  const targets = draft.sdg17Targets ?? [];
  if (targets.length > 0 && !sdgs.includes(17)) {
    errors.sdg17Targets =
      'Les cibles de l’ODD 17 ne s’appliquent que si l’ODD 17 est coché : cochez-le ou décochez les cibles.';
  } else if (targets.some((target) => !isSdg17TargetId(target)) || new Set(targets).size !== targets.length) {
    errors.sdg17Targets = 'Une des cibles de l’ODD 17 choisies n’est pas reconnue.';
  }

  if (!draft.stage) errors.stage = 'Indiquez où en est l’initiative.';
  else if (!INITIATIVE_STAGES.includes(draft.stage))
    errors.stage = 'Ce stade n’est pas reconnu : choisissez-en un dans la liste.';

  const startDate = (draft.startDate ?? '').trim();
  if (startDate !== '') {
    const problem = checkStartDate(startDate, now);
    if (problem) errors.startDate = problem;
  }

  if (hasContact(draft.contact)) checkContact(draft.contact!, now, errors, scope);

  const photos = draft.photos ?? [];
  if (photos.length > PHOTOS_MAX) {
    const extra = photos.length - PHOTOS_MAX;
    errors.photos = `Une initiative compte ${PHOTOS_MAX} photos au plus : retirez-en ${extra} (il y en a ${photos.length}).`;
  } else if (photos.some((photo) => characters(photo.caption ?? '') > CAPTION_MAX)) {
    errors.photos = `Une légende de photo ne doit pas dépasser ${CAPTION_MAX} caractères.`;
  }
  return errors;
}

/**
 * The fields to record once `validateInitiative` found nothing: texts
 * trimmed, empty optional fields left out, an empty contact block dropped.
 */
export function cleanDraft(draft: InitiativeDraft): InitiativeDraft & { contact?: InitiativeContact } {
  const clean: InitiativeDraft & { contact?: InitiativeContact } = {
    title: draft.title.trim(),
    description: draft.description.trim(),
    needs: [...draft.needs],
    actorFamilies: [...draft.actorFamilies],
    organisations: draft.organisations.trim(),
    sdgs: [...draft.sdgs].sort((a, b) => a - b),
    sdg17Targets: [...draft.sdg17Targets],
    photos: draft.photos.map((photo) => ({ ...photo })),
  };
  if (draft.commune) clean.commune = { ...draft.commune };
  if (draft.stage) clean.stage = draft.stage;
  if (filled(draft.startDate)) clean.startDate = draft.startDate!.trim();
  if (hasContact(draft.contact)) {
    const contact = draft.contact!;
    clean.contact = {
      name: (contact.name ?? '').trim(),
      consentAt: (contact.consentAt ?? '').trim(),
      retainUntil: (contact.retainUntil ?? '').trim(),
    };
    if (filled(contact.email)) clean.contact.email = contact.email!.trim();
    if (filled(contact.phone)) clean.contact.phone = contact.phone!.trim();
  }
  return clean;
}

/** The form's fields of a stored initiative, as the checks read them. */
function draftOf(initiative: Initiative): InitiativeDraft {
  return { ...emptyDraft(), ...initiative };
}

/**
 * The server's check of a pushed initiative (the form's rules, run on the
 * stored document): the first field at fault as a JSON pointer (`/title`,
 * `/contact/email`) with the form's message, or undefined when it is fine.
 * `now` is the server's clock: « today » is taken a day ahead, the date of
 * the device furthest east (a consent given today there is not refused).
 * A deletion is never refused for its content.
 */
export function storedInitiativeProblem(
  initiative: Initiative & { _deleted?: boolean },
  now: Date = new Date(),
): { path: string; message: string } | undefined {
  if (initiative._deleted) return undefined;
  const tomorrow = new Date(now.getTime() + 24 * 3600_000).toISOString().slice(0, 10);
  const errors = validateInitiative(draftOf(initiative), tomorrow, 'stored');
  const field = Object.keys(errors)[0] as InitiativeField | undefined;
  return field && { path: `/${field.replace('.', '/')}`, message: errors[field]! };
}
