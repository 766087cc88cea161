import type { AppDatabase } from '../../db/database.ts';
import { countUnsyncedChanges } from '../../db/outbox.ts';

/** The default warning: changes not yet on the server would be lost with the device's copy. */
export async function confirmUnsynced(db: AppDatabase): Promise<boolean> {
  const pending = await countUnsyncedChanges(db);
  if (pending === 0) return true;
  return window.confirm(
    `${pending} modification${pending > 1 ? 's' : ''} n'${pending > 1 ? 'ont' : 'a'} pas encore été envoyée${pending > 1 ? 's' : ''} au serveur. ` +
      'En vous déconnectant maintenant, vous les perdrez : vos données personnelles sont effacées de cet appareil. ' +
      'Se déconnecter quand même ?',
  );
}
