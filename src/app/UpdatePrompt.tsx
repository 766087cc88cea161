import { useRegisterSW } from 'virtual:pwa-register/react';
import { network } from '../db/network.ts';

/**
 * A new version never reloads the app by itself: it says so and waits for
 * the user. Updates are looked for at start and whenever the app comes back
 * to the foreground (installed iOS apps are rarely restarted), when the
 * server is within reach (the page's own view of the network, src/db/network.ts).
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      const check = () => {
        if (document.visibilityState === 'visible' && network?.reachable !== false)
          void registration.update().catch(() => {});
      };
      check();
      document.addEventListener('visibilitychange', check);
    },
  });

  if (!needRefresh) return null;
  return (
    <div className="banner" role="status">
      <span>Une nouvelle version est disponible.</span>
      <button type="button" className="button" onClick={() => applyUpdate(updateServiceWorker)}>
        Mettre à jour
      </button>
    </div>
  );
}

/**
 * Activates the waiting service worker, then reloads once it controls the
 * page. The reload is ours: the plugin's own one misses updates that were
 * found by `registration.update()`.
 */
function applyUpdate(updateServiceWorker: (reload?: boolean) => Promise<void>): void {
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  void updateServiceWorker(false);
}
