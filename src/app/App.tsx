import { lazy } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { HomePage } from '../features/library/HomePage.tsx';
import { NotFound } from '../features/library/NotFound.tsx';
import { DatabaseGate, DatabaseProvider } from '../db/react/DatabaseContext.tsx';
import { ErrorPage } from './ErrorPage.tsx';
import { Layout } from './Layout.tsx';
import { OfflineExtras } from './OfflineExtras.tsx';
import { syncHooks } from './sync-hooks.ts';

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
const InitiativesPage = lazy(() => import('../features/initiatives/InitiativesPage.tsx'));
const InitiativeFormPage = lazy(() => import('../features/initiatives/InitiativeFormPage.tsx'));
const InitiativeDetailPage = lazy(() => import('../features/initiatives/InitiativeDetailPage.tsx'));

const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <ErrorPage />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/besoins/:id', element: <NeedPage /> },
      { path: '/ressources', element: <ResourceListPage /> },
      { path: '/ressources/:id', element: <ResourcePage /> },
      { path: '/webinaires', element: <WebinarsPage /> },
      { path: '/glossaire', element: <GlossaryPage /> },
      { path: '/annotations', element: <MyAnnotationsPage /> },
      { path: '/initiatives', element: <InitiativesPage /> },
      { path: '/initiatives/nouvelle', element: <InitiativeFormPage /> },
      { path: '/initiatives/:id', element: <InitiativeDetailPage /> },
      { path: '/initiatives/:id/modifier', element: <InitiativeFormPage /> },
      { path: '/hors-ligne', element: <StoragePage /> },
      { path: '/recherche', element: <SearchPage /> },
      { path: '/avis', element: <FeedbackPage /> },
      { path: '/compte', element: <AccountPage /> },
      { path: '/espaces', element: <WorkspacesPage /> },
      { path: '/espaces/rejoindre', element: <JoinWorkspacePage /> },
      { path: '/espaces/:id', element: <WorkspacePage /> },
      { path: '*', element: <NotFound what="Cette page" /> },
    ],
  },
]);

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
