/** Identifiers shared by the library content, the client and the server. */

export const NEED_IDS = [
  'connaitre-son-ecosysteme',
  'qualifier-l-innovation',
  'faire-alliance',
  'definir-sa-strategie',
  'evaluer-la-pertinence',
  'mobiliser-les-ressources',
  'transformer-son-modele',
] as const;
export type NeedId = (typeof NEED_IDS)[number];

/** The three steps to action; every resource sits in one. */
export const STEP_IDS = ['comprendre', 's-approprier', 'agir'] as const;
export type StepId = (typeof STEP_IDS)[number];

/** The four actor families (pillars) of co-construction. */
export const ACTOR_FAMILY_IDS = [
  'institutions',
  'acteurs-economiques',
  'interet-general',
  'acteurs-academiques',
] as const;
export type ActorFamilyId = (typeof ACTOR_FAMILY_IDS)[number];

export const MATURITY_IDS = ['debutant', 'praticien', 'confirme'] as const;
export type MaturityId = (typeof MATURITY_IDS)[number];

export const RESOURCE_TYPE_IDS = ['kit', 'publication', 'note-prospective', 'rapport', 'fiche', 'modele'] as const;
export type ResourceTypeId = (typeof RESOURCE_TYPE_IDS)[number];

/** Document ids: lowercase slug, 1–64 characters. */
export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
