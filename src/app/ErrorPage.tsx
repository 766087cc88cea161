import { useRouteError } from 'react-router';

/** Shown when a screen fails: says so in French, and offers a way back. */
export function ErrorPage() {
  const error = useRouteError();
  if (isMissingCode(error) && !navigator.onLine) {
    // A screen left out of the install (scripts/offline-extras-plugin.ts) before its offline copy was made.
    return (
      <main className="page" role="alert">
        <h1>Écran pas encore disponible hors ligne</h1>
        <p>
          L’application garde cet écran pour un usage sans réseau une fois la bibliothèque téléchargée sur l’appareil.
          Rouvrez-le quand le réseau revient ; vos données sur l’appareil ne sont pas touchées.
        </p>
        <p>
          <a href="/">Revenir à l'accueil</a>
        </p>
      </main>
    );
  }
  if (isMissingCode(error)) {
    return (
      <main className="page" role="alert">
        <h1>L’application a été mise à jour</h1>
        <p>
          Cet écran appartient à une version précédente de l’application. Rechargez la page pour utiliser la nouvelle ;
          vos données sur l’appareil ne sont pas touchées.
        </p>
        <p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Recharger la page
          </button>
        </p>
      </main>
    );
  }
  return (
    <main className="page" role="alert">
      <h1>Un problème est survenu</h1>
      <p>Cet écran n'a pas pu s'afficher. Vos données sur l'appareil ne sont pas touchées.</p>
      <p>
        <a href="/">Revenir à l'accueil</a>
      </p>
      <p className="muted">Détail technique : {String((error as Error)?.message ?? error)}</p>
    </main>
  );
}

/** A screen's code could not be loaded: the page is older than the app deployed (Chromium, Firefox, Safari wordings). */
export function isMissingCode(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(message);
}
