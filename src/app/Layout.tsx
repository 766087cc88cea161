import { Suspense, useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { SyncStatusLine } from '../features/account/SyncStatusLine.tsx';
import { UpgradeRequired } from './UpgradeRequired.tsx';
import { DatabaseGate, useDatabase } from '../db/react/DatabaseContext.tsx';
import { noteTextOpened } from '../db/interest.ts';
import { InstallPrompt } from './install/InstallPrompt.tsx';
import { LibraryProgressBar, NetworkStatus } from './NetworkStatus.tsx';
import { PagePreview } from '../ui/PagePreview.tsx';
import { ScreenShell } from './ScreenShell.tsx';
import { ScrollMemory } from './ScrollMemory.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';

const SECTIONS = [
  { to: '/', label: 'Accueil' },
  { to: '/ressources', label: 'Ressources' },
  { to: '/webinaires', label: 'Webinaires' },
  { to: '/glossaire', label: 'Glossaire' },
  { to: '/annotations', label: 'Annotations' },
  { to: '/initiatives', label: 'Initiatives' },
  { to: '/ateliers', label: 'Ateliers' },
];

export function Layout() {
  const { pathname } = useLocation();
  // On a phone the sections sit behind « Menu », which closes on arrival at a page.
  const [menuOpen, setMenuOpen] = useState(false);
  const [seen, setSeen] = useState(pathname);
  if (seen !== pathname) {
    setSeen(pathname);
    setMenuOpen(false);
  }
  useEffect(() => {
    const text = /^\/ressources\/([^/]+)$/.exec(pathname);
    if (text) noteTextOpened(decodeURIComponent(text[1]!));
  }, [pathname]);
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
          <DatabaseGate>
            <NetworkStatus />
          </DatabaseGate>
          <NavLink to="/recherche" className="search-link" aria-label="Rechercher">
            <svg className="inline-icon" viewBox="0 0 24 24" aria-hidden="true">
              <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
              <path d="M15.5 15.5 21 21" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
            </svg>
            <span className="wide-only">Rechercher</span>
          </NavLink>
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="navigation"
            onClick={() => setMenuOpen(!menuOpen)}
            onKeyDown={(e) => e.key === 'Escape' && setMenuOpen(false)}
          >
            Menu
          </button>
        </div>
        <nav id="navigation" aria-label="Navigation principale" className={menuOpen ? 'open' : undefined}>
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.to}>
                <NavLink to={section.to} end={section.to === '/'}>
                  {section.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <UpdatePrompt />
      <InstallPrompt banner />
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
        <LibraryProgressBar />
        <PendingJoins />
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

/** Joins to a group asked for offline are sent when the server is back, whatever the screen (db/pending-joins.ts). */
function PendingJoins() {
  const { db } = useDatabase();
  useEffect(() => {
    let stop: (() => void) | undefined;
    let live = true;
    void import('../db/pending-joins.ts').then((m) => {
      if (live) stop = m.startPendingJoins(db);
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [db]);
  return null;
}
