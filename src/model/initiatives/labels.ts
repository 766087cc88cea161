import type { InitiativeStage } from '../initiatives.ts';

/** French labels of an initiative's stage (the other vocabularies are in src/i18n/fr.ts). */
export const INITIATIVE_STAGE_LABELS: Readonly<Record<InitiativeStage, string>> = {
  idee: 'Idée',
  experimentation: 'Expérimentation',
  deploiement: 'Déploiement',
  essaimage: 'Essaimage',
};
