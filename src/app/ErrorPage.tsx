import { useRouteError } from 'react-router';

/** Shown when a screen fails: says so in French, and offers a way back. */
export function ErrorPage() {
  const error = useRouteError();
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
