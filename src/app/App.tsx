import { lazy, Suspense } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { HomePage } from '../features/library/HomePage.tsx';
import { HOME_TITLE } from '../i18n/fr.ts';
import { NotFound } from '../features/library/NotFound.tsx';
import { DatabaseGate, DatabaseProvider } from '../db/react/DatabaseContext.tsx';
import { ErrorPage } from './ErrorPage.tsx';
import { Layout } from './Layout.tsx';
import { OfflineExtras } from './OfflineExtras.tsx';
import type { ScreenHandle } from './ScreenShell.tsx';
import { syncHooks } from './sync-hooks.ts';
import { keepScreenSnapshots } from './screen-snapshots.ts';

const NeedPage = lazy(() => import('../features/library/NeedPage.tsx'));
const ResourceListPage = lazy(() => import('../features/library/ResourceListPage.tsx'));
const ResourcePage = lazy(() => import('./routes/ResourceRoute.tsx'));
const WebinarsPage = lazy(() => import('../features/library/WebinarsPage.tsx'));
const GlossaryPage = lazy(() => import('../features/library/GlossaryPage.tsx'));
const StoragePage = lazy(() => import('../features/storage/StoragePage.tsx'));
const SearchPage = lazy(() => import('../features/search/SearchPage.tsx'));
const FeedbackPage = lazy(() => import('../features/feedback/FeedbackPage.tsx'));
const AccountPage = lazy(() => import('../features/account/AccountPage.tsx'));
const WorkspacesPage = lazy(() => import('../features/account/WorkspacesPage.tsx'));
const JoinWorkspacePage = lazy(() => import('../features/account/JoinWorkspacePage.tsx'));
const WorkspacePage = lazy(() => import('../features/account/WorkspacePage.tsx'));
const MyAnnotationsPage = lazy(() => import('../features/annotations/MyAnnotationsPage.tsx'));
const GroupAnnotationsPage = lazy(() => import('../features/annotations/GroupAnnotationsPage.tsx'));
const InitiativesPage = lazy(() => import('../features/initiatives/InitiativesPage.tsx'));
const InitiativeFormPage = lazy(() => import('../features/initiatives/InitiativeFormPage.tsx'));
const InitiativeDetailPage = lazy(() => import('../features/initiatives/InitiativeDetailPage.tsx'));
const WorkshopsPage = lazy(() => import('../features/workshops/WorkshopsPage.tsx'));
const WorkshopFormPage = lazy(() => import('../features/workshops/WorkshopFormPage.tsx'));
const WorkshopPage = lazy(() => import('../features/workshops/WorkshopPage.tsx'));
const ControlsPage = lazy(() => import('../features/workshops/ControlsPage.tsx'));
const ProjectorPage = lazy(() => import('../features/workshops/ProjectorPage.tsx'));
const ParticipantPage = lazy(() => import('../features/workshops/ParticipantPage.tsx'));
const ShareRoute = lazy(() => import('../features/workshops/pooling/ShareRoute.tsx'));
const ReceiveRoute = lazy(() => import('../features/workshops/pooling/ReceiveRoute.tsx'));
const BoardPage = lazy(() => import('../features/workshops/board/BoardPage.tsx'));
const ReportRoute = lazy(() => import('../features/workshops/report/ReportRoute.tsx'));

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
      { path: '/annotations', element: <MyAnnotationsPage />, handle: heading('Mes annotations') },
      { path: '/annotations/groupe/:id', element: <GroupAnnotationsPage />, handle: heading('Notes du groupe') },
      { path: '/initiatives', element: <InitiativesPage />, handle: heading('Initiatives') },
      { path: '/initiatives/nouvelle', element: <InitiativeFormPage />, handle: heading('Nouvelle initiative') },
      { path: '/initiatives/:id', element: <InitiativeDetailPage /> },
      { path: '/initiatives/:id/modifier', element: <InitiativeFormPage /> },
      { path: '/ateliers', element: <WorkshopsPage />, handle: heading('Ateliers') },
      { path: '/ateliers/nouveau', element: <WorkshopFormPage />, handle: heading('Préparer un atelier') },
      { path: '/ateliers/:id', element: <WorkshopPage /> },
      { path: '/ateliers/:id/modifier', element: <WorkshopFormPage />, handle: heading('Modifier l’atelier') },
      { path: '/ateliers/:id/animer', element: <ControlsPage />, handle: heading('Animer l’atelier') },
      { path: '/atelier/:code', element: <ParticipantPage /> },
      { path: '/atelier/:code/partager', element: <ShareRoute />, handle: heading('Partager sans réseau') },
      { path: '/ateliers/:id/recevoir', element: <ReceiveRoute />, handle: heading('Recevoir par QR code') },
      { path: '/ateliers/:id/tableau', element: <BoardPage />, handle: heading('Tableau des contributions') },
      { path: '/ateliers/:id/compte-rendu', element: <ReportRoute />, handle: heading('Compte rendu') },
      { path: '/hors-ligne', element: <StoragePage />, handle: heading('Stockage hors ligne') },
      { path: '/recherche', element: <SearchPage />, handle: heading('Recherche') },
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
