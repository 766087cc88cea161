import type { ActorFamilyId, MaturityId, NeedId, StepId } from '../model/vocabulary.ts';

/** French labels of the shared vocabularies. */
export const STEP_LABELS: Record<StepId, string> = {
  comprendre: 'Comprendre',
  's-approprier': "S'approprier",
  agir: 'Agir',
};

export const STEP_PURPOSES: Record<StepId, string> = {
  comprendre: 'Saisir les enjeux',
  's-approprier': 'En faire son affaire',
  agir: 'Passer à l’action efficacement',
};

export const ACTOR_FAMILY_LABELS: Record<ActorFamilyId, string> = {
  institutions: 'Institutions',
  'acteurs-economiques': 'Acteurs économiques',
  'interet-general': "Structures d'intérêt général",
  'acteurs-academiques': 'Acteurs académiques',
};

export const MATURITY_LABELS: Record<MaturityId, string> = {
  debutant: 'Débutant',
  praticien: 'Praticien',
  confirme: 'Confirmé',
};

export const NEED_SHORT_LABELS: Record<NeedId, string> = {
  'connaitre-son-ecosysteme': 'Connaître son écosystème',
  'qualifier-l-innovation': "Qualifier l'innovation",
  'faire-alliance': 'Faire alliance',
  'definir-sa-strategie': 'Définir sa stratégie',
  'evaluer-la-pertinence': 'Évaluer la pertinence',
  'mobiliser-les-ressources': 'Mobiliser les ressources',
  'transformer-son-modele': 'Transformer son modèle',
};

/*
 * Made on first use, not as the module loads: a page's first Intl.DateTimeFormat costs about 20 ms
 * (Chromium, unthrottled), and this module runs with the app as it starts.
 */
let dateFormat: Intl.DateTimeFormat | undefined;
let timeFormat: Intl.DateTimeFormat | undefined;

/** "21 mars 2019" from "2019-03-21". */
export function formatDate(isoDate: string): string {
  dateFormat ??= new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
  return dateFormat.format(new Date(`${isoDate}T12:00:00Z`));
}

/** "14:05": the hour and minute of `at`, on this device's clock. */
export function formatTime(at: Date | number): string {
  timeFormat ??= new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });
  return timeFormat.format(at);
}

/** Also written into the first page by the server (src/model/library-labels.ts). */
export { HOME_LEAD, HOME_TITLE, RESOURCE_TYPE_LABELS } from '../model/library-labels.ts';
