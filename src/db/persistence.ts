import { noteOwnSave } from './interest.ts';

let asked = false;

/**
 * Asks the browser, once per page, not to evict this device's data: called
 * when the user first saves something of their own (a note, a highlight, an
 * initiative). The answer shows on the offline storage page.
 */
export function askPersistenceOnce(): void {
  if (typeof window !== 'undefined') noteOwnSave();
  if (asked || typeof navigator === 'undefined' || !navigator.storage?.persist) return;
  asked = true;
  void navigator.storage
    .persisted()
    .then((persisted) => persisted || navigator.storage.persist())
    .catch(() => false);
}
