import type { LibraryProgress } from '../db/replication/library.ts';
import type { SyncStatus } from '../db/sync/engine.ts';

export type NetworkTone = 'offline' | 'working' | 'refused' | 'ready';

export interface NetworkSummary {
  tone: NetworkTone;
  /** A few words, shown on every screen. */
  label: string;
  /** What it means and what to do, shown on the offline storage page. */
  detail: string;
}

export interface NetworkFacts {
  reachable: boolean;
  library: (LibraryProgress & { documents: number }) | undefined;
  /** The user's data sync; undefined until it has started. */
  sync: SyncStatus | undefined;
}

function waiting(sync: SyncStatus | undefined): string {
  const n = sync?.pending ?? 0;
  if (n === 0) return '';
  return n > 1 ? ` ${n} modifications attendent d’être envoyées.` : ' Une modification attend d’être envoyée.';
}

/** At a glance: offline, downloading, syncing, refused or ready — and what to do about it. */
export function summarizeNetwork({ reachable, library, sync }: NetworkFacts): NetworkSummary {
  const complete = library?.complete ?? false;
  const parts = library ? `${library.partsDone} parties sur ${library.partsTotal}` : '';
  if (!reachable) {
    return {
      tone: 'offline',
      label: 'Hors ligne',
      detail: complete
        ? `Le serveur est hors d’atteinte. Toute la bibliothèque est sur cet appareil et reste lisible ; vos notes et initiatives s’enregistrent ici et partiront au retour du réseau.${waiting(sync)}`
        : `Le serveur est hors d’atteinte et la bibliothèque n’est pas complète sur cet appareil (${parts}). Le téléchargement reprendra de lui-même au retour du réseau.`,
    };
  }
  if (library && !complete) {
    return {
      tone: 'working',
      label: `Téléchargement ${library.partsDone}/${library.partsTotal}`,
      detail: `Téléchargement de la bibliothèque sur cet appareil : ${parts} (${library.documents} documents). Gardez l’application ouverte : ensuite elle se lira sans réseau.`,
    };
  }
  if (sync?.state === 'error') {
    return {
      tone: 'refused',
      label: 'Envoi refusé',
      detail: `Le serveur a refusé la synchronisation : ${sync.error ?? 'raison inconnue'} Rien n’est perdu : vos données restent sur cet appareil. Reconnectez-vous depuis « Compte » si votre session a expiré, puis touchez « Synchroniser maintenant ».`,
    };
  }
  if (sync?.state === 'syncing') {
    return {
      tone: 'working',
      label: 'Synchronisation…',
      detail: `Vos données s’échangent avec le serveur.${waiting(sync)}`,
    };
  }
  const upToDate = sync?.state === 'up-to-date';
  return {
    tone: 'ready',
    label: 'Prête hors ligne',
    detail: `Toute la bibliothèque est sur cet appareil : elle se lit sans réseau.${
      upToDate ? ' Vos données sont à jour avec le serveur.' : ''
    }${sync?.state === 'signed-out' ? ' Vos notes restent sur cet appareil (connectez-vous pour les retrouver ailleurs).' : ''}`,
  };
}
