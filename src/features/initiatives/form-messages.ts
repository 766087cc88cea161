import type { InitiativeField } from '../../model/initiatives/validation.ts';
import type { SaveState } from './drafts.ts';
import { targetInputId } from './SdgFields.tsx';
import { formatTime } from '../../i18n/fr.ts';

/** Where each field's error sends the focus, in the order of the form. */
export const FIELD_FOCUS: readonly [InitiativeField, string][] = [
  ['title', 'initiative-titre'],
  ['description', 'initiative-description'],
  ['commune', 'initiative-commune'],
  ['needs', 'initiative-besoins-0'],
  ['actorFamilies', 'initiative-familles-0'],
  ['organisations', 'initiative-organisations'],
  ['sdgs', 'initiative-odd-0'],
  ['sdg17Targets', targetInputId('initiative-cible', '17.1')],
  ['stage', 'initiative-stade-0'],
  ['startDate', 'initiative-debut'],
  ['contact.name', 'initiative-contact-nom'],
  ['contact.email', 'initiative-contact-email'],
  ['contact.phone', 'initiative-contact-telephone'],
  ['contact.consentAt', 'initiative-contact-consentement'],
  ['contact.retainUntil', 'initiative-contact-conservation'],
  ['photos', 'initiative-photos'],
];

export function describeSave(state: SaveState): string {
  switch (state.state) {
    case 'idle':
      return 'Rien à enregistrer pour l’instant : le brouillon est gardé sur l’appareil dès que vous saisissez.';
    case 'waiting':
    case 'saving':
      return 'Enregistrement du brouillon sur l’appareil…';
    case 'saved':
      return `Brouillon enregistré sur l’appareil à ${formatTime(state.at)}.`;
    case 'failed':
      return state.quota
        ? 'Le brouillon n’a pas pu être enregistré sur l’appareil : il est plein (voir ci-dessous).'
        : `Le brouillon n’a pas pu être enregistré sur l’appareil (${String(state.error)}). Ne fermez pas cette page : nouvel essai à la prochaine saisie.`;
  }
}
