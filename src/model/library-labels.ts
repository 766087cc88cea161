import type { ResourceTypeId } from './vocabulary.ts';

/**
 * French text that the server writes into the first page too, before the app
 * has arrived (sync-server/src/preview.ts), and the app shows the same
 * (src/i18n/fr.ts re-exports it): the home's heading and the resource types.
 */

export const RESOURCE_TYPE_LABELS: Record<ResourceTypeId, string> = {
  kit: 'Kit pratique',
  publication: 'Publication',
  'note-prospective': 'Note prospective',
  rapport: 'Rapport de recherche',
  fiche: 'Fiche',
  modele: 'Modèle à imprimer',
};

/** The home's heading. */
export const HOME_TITLE = 'La bibliothèque de la co-construction territoriale';
export const HOME_LEAD =
  'Des outils éprouvés avec des territoires pionniers, pour agir ensemble sur les défis locaux — consultables ici même sans réseau.';
