import { from, switchMap } from 'rxjs';
import { useDatabase } from '../db/react/DatabaseContext.tsx';
import { useObservable } from '../db/react/hooks.ts';

/**
 * The server no longer accepts this build's data (426 `upgrade_required`):
 * the user is asked to update, and told that what they wrote is still here
 * and will be sent by the new version.
 */
export function UpgradeRequired() {
  const { sync } = useDatabase();
  const status = useObservable(() => from(sync).pipe(switchMap((engine) => engine.status$)), [sync]);
  if (!status?.upgradeRequired) return null;
  const kept =
    status.pending > 1
      ? ` Vos ${status.pending} modifications non envoyées restent sur cet appareil et partiront après la mise à jour.`
      : status.pending === 1
        ? ' Votre modification non envoyée reste sur cet appareil et partira après la mise à jour.'
        : ' Rien de ce que vous avez écrit n’est perdu.';
  return (
    <div className="banner" role="alert">
      <span>
        Cette version de l’application est trop ancienne pour synchroniser vos données : mettez-la à jour.
        {kept}
      </span>
      <button type="button" className="button" onClick={() => void update()}>
        Mettre à jour
      </button>
    </div>
  );
}

/** Fetches the new build: a waiting service worker takes over, then the page reloads on it. */
async function update(): Promise<void> {
  const registration = await navigator.serviceWorker?.getRegistration().catch(() => undefined);
  await registration?.update().catch(() => undefined);
  const waiting = registration?.waiting;
  if (waiting) {
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
    return;
  }
  window.location.reload();
}
