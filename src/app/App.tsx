import { isValidElement, lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { HomePage } from '../features/library/HomePage.tsx';
import { HOME_TITLE } from '../i18n/fr.ts';
import { SCREEN_TEXTS } from '../model/screen-texts.ts';
import { NotFound } from '../features/library/NotFound.tsx';
import { DatabaseGate, DatabaseProvider, loadDatabaseCode } from '../db/react/DatabaseContext.tsx';
import { ErrorPage } from './ErrorPage.tsx';
import { Layout } from './Layout.tsx';
import { OfflineExtras } from './OfflineExtras.tsx';
import type { ScreenHandle } from './ScreenShell.tsx';
import { syncHooks } from './sync-hooks.ts';
import { keepScreenSnapshots } from './screen-snapshots.ts';
import { yieldToBrowser } from '../db/yield-to-browser.ts';

/** Each screen's code, loaded when the screen first shows (React.lazy), or at once for the page's own screen. */
const screenCode = new Map<unknown, () => Promise<unknown>>();
function screen<T extends ComponentType>(load: () => Promise<{ default: T }>) {
  const component = lazy(load);
  screenCode.set(component, load);
  return component;
}

const NeedPage = screen(() => import('../features/library/NeedPage.tsx'));
const ResourceListPage = screen(() => import('../features/library/ResourceListPage.tsx'));
const ResourcePage = screen(() => import('./routes/ResourceRoute.tsx'));
const WebinarsPage = screen(() => import('../features/library/WebinarsPage.tsx'));
const GlossaryPage = screen(() => import('../features/library/GlossaryPage.tsx'));
const StoragePage = screen(() => import('../features/storage/StoragePage.tsx'));
const SearchPage = screen(() => import('../features/search/SearchPage.tsx'));
const FeedbackPage = screen(() => import('../features/feedback/FeedbackPage.tsx'));
const AccountPage = screen(() => import('../features/account/AccountPage.tsx'));
const WorkspacesPage = screen(() => import('../features/account/WorkspacesPage.tsx'));
const JoinWorkspacePage = screen(() => import('../features/account/JoinWorkspacePage.tsx'));
const WorkspacePage = screen(() => import('../features/account/WorkspacePage.tsx'));
const MyAnnotationsPage = screen(() => import('../features/annotations/MyAnnotationsPage.tsx'));
const GroupAnnotationsPage = screen(() => import('../features/annotations/GroupAnnotationsPage.tsx'));
const InitiativesPage = screen(() => import('../features/initiatives/InitiativesPage.tsx'));
const InitiativeFormPage = screen(() => import('../features/initiatives/InitiativeFormPage.tsx'));
const InitiativeDetailPage = screen(() => import('../features/initiatives/InitiativeDetailPage.tsx'));
const WorkshopsPage = screen(() => import('../features/workshops/WorkshopsPage.tsx'));
const WorkshopFormPage = screen(() => import('../features/workshops/WorkshopFormPage.tsx'));
const WorkshopPage = screen(() => import('../features/workshops/WorkshopPage.tsx'));
const ControlsPage = screen(() => import('../features/workshops/ControlsPage.tsx'));
const ProjectorPage = screen(() => import('../features/workshops/ProjectorPage.tsx'));
const ParticipantPage = screen(() => import('../features/workshops/ParticipantPage.tsx'));
const ShareRoute = screen(() => import('../features/workshops/pooling/ShareRoute.tsx'));
const ReceiveRoute = screen(() => import('../features/workshops/pooling/ReceiveRoute.tsx'));
const BoardPage = screen(() => import('../features/workshops/board/BoardPage.tsx'));
const ReportRoute = screen(() => import('../features/workshops/report/ReportRoute.tsx'));

/** A screen's heading, shown with the shell while its data or code is still on the way (ScreenShell.tsx). */
const heading = (text: string): ScreenHandle => ({ heading: text });

const router = createBrowserRouter([
  // The projector view fills the screen: no header, no navigation.
  {
    path: '/ateliers/:id/projection',
    errorElement: <ErrorPage />,
    element: (
      <DatabaseGate fallback={<p className="projector">Ouverture…</p>}>
        <Suspense fallback={<p className="projector">Chargement…</p>}>
          <ProjectorPage />
        </Suspense>
      </DatabaseGate>
    ),
  },
  {
    element: <Layout />,
    errorElement: <ErrorPage />,
    children: [
      { path: '/', element: <HomePage />, handle: heading(HOME_TITLE) },
      { path: '/besoins/:id', element: <NeedPage /> },
      { path: '/ressources', element: <ResourceListPage />, handle: heading('Ressources') },
      { path: '/ressources/:id', element: <ResourcePage /> },
      { path: '/webinaires', element: <WebinarsPage />, handle: heading('Le cycle de webinaires 2019') },
      { path: '/glossaire', element: <GlossaryPage />, handle: heading('Vocabulaire partagé') },
      {
        path: '/annotations',
        element: <MyAnnotationsPage />,
        handle: SCREEN_TEXTS['/annotations'],
      },
      { path: '/annotations/groupe/:id', element: <GroupAnnotationsPage />, handle: heading('Notes du groupe') },
      { path: '/initiatives', element: <InitiativesPage />, handle: SCREEN_TEXTS['/initiatives'] },
      {
        path: '/initiatives/nouvelle',
        element: <InitiativeFormPage />,
        handle: SCREEN_TEXTS['/initiatives/nouvelle'],
      },
      { path: '/initiatives/:id', element: <InitiativeDetailPage /> },
      { path: '/initiatives/:id/modifier', element: <InitiativeFormPage /> },
      { path: '/ateliers', element: <WorkshopsPage />, handle: SCREEN_TEXTS['/ateliers'] },
      {
        path: '/ateliers/nouveau',
        element: <WorkshopFormPage />,
        handle: SCREEN_TEXTS['/ateliers/nouveau'],
      },
      { path: '/ateliers/:id', element: <WorkshopPage /> },
      { path: '/ateliers/:id/modifier', element: <WorkshopFormPage />, handle: heading('Modifier l’atelier') },
      { path: '/ateliers/:id/animer', element: <ControlsPage />, handle: heading('Animer l’atelier') },
      { path: '/atelier/:code', element: <ParticipantPage /> },
      { path: '/atelier/:code/partager', element: <ShareRoute />, handle: heading('Partager sans réseau') },
      { path: '/ateliers/:id/recevoir', element: <ReceiveRoute />, handle: heading('Recevoir par QR code') },
      { path: '/ateliers/:id/tableau', element: <BoardPage />, handle: heading('Tableau des contributions') },
      { path: '/ateliers/:id/compte-rendu', element: <ReportRoute />, handle: heading('Compte rendu') },
      { path: '/hors-ligne', element: <StoragePage />, handle: heading('Stockage hors ligne') },
      { path: '/recherche', element: <SearchPage />, handle: SCREEN_TEXTS['/recherche'] },
      { path: '/avis', element: <FeedbackPage />, handle: heading('Donner mon avis') },
      { path: '/compte', element: <AccountPage />, handle: heading('Compte') },
      { path: '/espaces', element: <WorkspacesPage />, handle: heading('Espaces') },
      { path: '/espaces/rejoindre', element: <JoinWorkspacePage /> },
      { path: '/espaces/:id', element: <WorkspacePage /> },
      { path: '*', element: <NotFound what="Cette page" /> },
    ],
  },
]);

// A repeat visit shows the screen's last markup at once (src/main.tsx, ui/PagePreview.tsx).
keepScreenSnapshots(router);

// The database's code and the page's own screen's code load at once, side by side: the screen's
// code would otherwise be asked for only once the database is open.
// Each in a task of its own, after the app's modules have run (asking for a chunk and its files is work too).
void yieldToBrowser().then(async () => {
  void loadDatabaseCode().catch(() => undefined);
  for (const match of router.state.matches) {
    const element = match.route.element;
    if (!isValidElement(element) || !screenCode.has(element.type)) continue;
    await yieldToBrowser();
    void screenCode.get(element.type)!().catch(() => undefined);
  }
});

export function App() {
  return (
    <DatabaseProvider syncHooks={syncHooks}>
      <RouterProvider router={router} />
      <DatabaseGate>
        <OfflineExtras />
      </DatabaseGate>
    </DatabaseProvider>
  );
}
