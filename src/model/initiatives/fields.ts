/**
 * Every field of an initiative, declared once: its French label, its limits
 * and whether the form edits it. What else knows the fields is made from this
 * table: the collection's JSON schema (../initiatives.ts), the form's checks
 * and their messages (validation.ts, which the server runs too), the fields a
 * draft edits (features/initiatives/drafts.ts), the names of changed fields on
 * the detail page and the CSV export's columns (export.ts).
 * docs/architecture.md, « Add a field », walks through adding one.
 */
export interface FieldDeclaration {
  /** French, as a column or a form label shows it: « Titre ». */
  label: string;
  /** True when the form edits it; the others are set by the app (author, dates, sync). */
  editable: boolean;
  /** Lengths in characters, as a person counts them (after trimming for the form). */
  minLength?: number;
  maxLength?: number;
  /** Numbers of items of a list. */
  minItems?: number;
  maxItems?: number;
}

export const INITIATIVE_FIELDS = {
  title: { label: 'Titre', editable: true, minLength: 3, maxLength: 200 },
  description: { label: 'Description', editable: true, minLength: 20, maxLength: 20_000 },
  commune: { label: 'Commune', editable: true },
  needs: { label: 'Besoins', editable: true, minItems: 1, maxItems: 7 },
  actorFamilies: { label: 'Familles d’acteurs', editable: true, maxItems: 4 },
  organisations: { label: 'Organisations', editable: true, maxLength: 2000 },
  sdgs: { label: 'ODD', editable: true, maxItems: 17 },
  sdg17Targets: { label: 'Cibles ODD 17', editable: true, maxItems: 19 },
  stage: { label: 'Stade', editable: true },
  startDate: { label: 'Date de début', editable: true, maxLength: 10 },
  contact: { label: 'Contact', editable: true },
  photos: { label: 'Photos', editable: true, maxItems: 20 },
  workspaceId: { label: 'Groupe', editable: true },
  /** The author's display name, written from the session when the initiative is first recorded. */
  authorName: { label: 'Auteur', editable: false },
} as const satisfies Record<string, FieldDeclaration>;

export type InitiativeFieldName = keyof typeof INITIATIVE_FIELDS;

/** The fields declared `editable: true`: what the form's draft holds (with the group). */
export type EditableFieldName = {
  [K in InitiativeFieldName]: (typeof INITIATIVE_FIELDS)[K]['editable'] extends true ? K : never;
}[InitiativeFieldName];

/** The contact block's fields (`contact.*`). */
export const CONTACT_FIELDS = {
  name: { label: 'Contact', editable: true, minLength: 1, maxLength: 120 },
  email: { label: 'E-mail du contact', editable: true, maxLength: 200 },
  phone: { label: 'Téléphone du contact', editable: true, maxLength: 40 },
  consentAt: { label: 'Consentement du contact le', editable: true },
  retainUntil: { label: 'Contact à supprimer le', editable: true },
} as const satisfies Record<string, FieldDeclaration>;

/** A photo's fields (`photos[]`), set by the app when a photo is added, but its caption and consent. */
export const PHOTO_FIELDS = {
  caption: { label: 'Légende', editable: true, maxLength: 300 },
} as const satisfies Record<string, FieldDeclaration>;

/** The fields the form edits, in the form's order. */
export const EDITABLE_INITIATIVE_FIELDS = (Object.keys(INITIATIVE_FIELDS) as InitiativeFieldName[]).filter(
  (name) => INITIATIVE_FIELDS[name].editable,
);

/**
 * A label inside a sentence: « titre », « familles d’acteurs », but « ODD »
 * (an acronym keeps its capitals).
 */
export function inlineLabel(label: string): string {
  return /^\p{Lu}{2}/u.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** Text without spaces at either end (what the form records): the schema's pattern for a trimmed text. */
export const TRIMMED_TEXT = '^\\S(?:[\\s\\S]*\\S)?$';
