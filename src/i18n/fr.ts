import type { ActorFamilyId, MaturityId, NeedId, ResourceTypeId, StepId } from '../model/vocabulary.ts';

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

export const RESOURCE_TYPE_LABELS: Record<ResourceTypeId, string> = {
  kit: 'Kit pratique',
  publication: 'Publication',
  'note-prospective': 'Note prospective',
  rapport: 'Rapport de recherche',
  fiche: 'Fiche',
  modele: 'Modèle à imprimer',
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

const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });

/** "21 mars 2019" from "2019-03-21". */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T12:00:00Z`));
}

/** The home's heading: also sent in the page by the server, before the app runs. */
export const HOME_TITLE = 'La bibliothèque de la co-construction territoriale';
export const HOME_LEAD =
  'Des outils éprouvés avec des territoires pionniers, pour agir ensemble sur les défis locaux — consultables ici même sans réseau.';
