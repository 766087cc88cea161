import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { SyncStatusLine } from '../features/account/SyncStatusLine.tsx';
import { UpgradeRequired } from './UpgradeRequired.tsx';
import { DatabaseGate, useDatabase } from '../db/react/DatabaseContext.tsx';
import { useObservable, useOnline } from '../db/react/hooks.ts';
import { InstallPrompt } from './install/InstallPrompt.tsx';
import { PagePreview } from '../ui/PagePreview.tsx';
import { ScreenShell } from './ScreenShell.tsx';
import { ScrollMemory } from './ScrollMemory.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';

export function Layout() {
  return (
    <>
      <ScrollMemory />
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="app-header">
        <div className="header-row">
          <NavLink to="/" className="brand">
            L'innovation territoriale <span>en actions !</span>
          </NavLink>
          <NavLink to="/recherche" className="search-link">
            <svg className="inline-icon" viewBox="0 0 24 24" aria-hidden="true">
              <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
              <path d="M15.5 15.5 21 21" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
            </svg>
            Rechercher
          </NavLink>
        </div>
        <nav aria-label="Navigation principale">
          <ul>
            <li>
              <NavLink to="/" end>
                Accueil
              </NavLink>
            </li>
            <li>
              <NavLink to="/ressources">Ressources</NavLink>
            </li>
            <li>
              <NavLink to="/webinaires">Webinaires</NavLink>
            </li>
            <li>
              <NavLink to="/glossaire">Glossaire</NavLink>
            </li>
            <li>
              <NavLink to="/annotations">Annotations</NavLink>
            </li>
            <li>
              <NavLink to="/initiatives">Initiatives</NavLink>
            </li>
            <li>
              <NavLink to="/ateliers">Ateliers</NavLink>
            </li>
          </ul>
        </nav>
      </header>
      <UpdatePrompt />
      <DatabaseGate>
        <UpgradeRequired />
      </DatabaseGate>
      <main id="contenu" className="page" tabIndex={-1}>
        <DatabaseGate fallback={<PagePreview fallback={<ScreenShell waiting="Ouverture de la bibliothèque…" />} />}>
          <Suspense fallback={<PagePreview fallback={<ScreenShell waiting="Chargement…" />} />}>
            <Outlet />
          </Suspense>
        </DatabaseGate>
      </main>
      <DatabaseGate>
        <LibraryStatusBar />
      </DatabaseGate>
      <footer className="app-footer">
        <p className="footer-links">
          <NavLink to="/hors-ligne">Stockage hors ligne</NavLink>
          <NavLink to="/compte">Compte</NavLink>
          <NavLink to="/avis">Donner mon avis</NavLink>
        </p>
        <DatabaseGate>
          <SyncStatusLine />
        </DatabaseGate>
        <InstallPrompt />
        <p className="muted">Ressources de recherche du RAMEAU, lisibles sur cet appareil même sans réseau.</p>
      </footer>
    </>
  );
}

/** Connection and library download state, always visible. */
function LibraryStatusBar() {
  const online = useOnline();
  const { libraryStatus$ } = useDatabase();
  const status = useObservable(() => libraryStatus$, [libraryStatus$]);
  let message: string | undefined;
  if (status && status.documents === 0) {
    message = online
      ? 'Téléchargement de la bibliothèque sur cet appareil…'
      : "La bibliothèque n'est pas encore sur cet appareil : ouvrez l'application une fois avec du réseau.";
  } else if (status?.syncing && online) {
    message = `Mise à jour de la bibliothèque… (${status.documents} documents sur l'appareil)`;
  } else if (status?.error && online) {
    message = 'La bibliothèque n’a pas pu être mise à jour ; nouvel essai sous peu.';
  }
  return (
    <div className="status-bar" role="status">
      {!online && <span className="badge offline">Hors ligne</span>}
      {message && <span>{message}</span>}
    </div>
  );
}
