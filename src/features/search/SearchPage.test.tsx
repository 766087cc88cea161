// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchDocument } from '../../model/search/documents.ts';
import { SearchIndex } from '../../model/search/index.ts';
import SearchPage from './SearchPage.tsx';
import type { SearchState } from './useSearch.ts';

const DOCUMENTS: SearchDocument[] = [
  {
    kind: 'glossary',
    id: 'ecosysteme',
    source: 'glossary/ecosysteme',
    title: 'Écosystème',
    text: 'Ensemble des acteurs d’un territoire et des relations qui les lient.',
    url: '/glossaire#ecosysteme',
  },
  {
    kind: 'kit-section',
    id: 'kit-carto#etapes',
    source: 'resources/kit-carto',
    title: 'Étapes',
    text: 'Étape 1 — Cadrer la question. Dessiner l’écosystème du territoire en deux séances.',
    url: '/ressources/kit-carto#etapes',
    context: 'Cartographier son écosystème',
  },
  {
    kind: 'need',
    id: 'piege',
    source: 'needs/piege',
    title: '<img src=x onerror="alert(1)"> Acteurs',
    text: '<b>pas du HTML</b> acteurs',
    url: '/besoins/piege',
  },
];

const index = new SearchIndex(DOCUMENTS);
const state: SearchState = {
  version: 1,
  ready: true,
  documents: DOCUMENTS.length,
  failed: false,
  search: (query, options) => index.search(query, options),
};
vi.mock('./useSearch.ts', () => ({ useSearch: () => state }));

function renderAt(url: string) {
  const router = createMemoryRouter(
    [
      { path: '/recherche', element: <SearchPage /> },
      { path: '*', element: <p>Ailleurs</p> },
    ],
    { initialEntries: [url] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

afterEach(cleanup);

describe('SearchPage', () => {
  it('has a labelled search box and an invitation before any query', () => {
    renderAt('/recherche');
    const box = screen.getByRole('searchbox', { name: 'Rechercher dans la bibliothèque' });
    expect(box).toHaveProperty('value', '');
    // The invitation is the screen's first paragraph (also in the first page, sync-server/src/preview.ts),
    // and describes the box; the status stays empty until there is a query.
    expect(box.getAttribute('aria-describedby')).toBe('search-lead search-status');
    expect(document.getElementById('search-lead')?.textContent).toMatch(/même hors ligne/);
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('searches the query in the URL and lists results with their kind, title and highlighted snippet', () => {
    renderAt('/recherche?q=ecosysteme');
    expect(screen.getByRole('searchbox')).toHaveProperty('value', 'ecosysteme');
    expect(screen.getByRole('status').textContent).toBe('2 résultats');
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const first = items[0]!;
    expect(first.textContent).toMatch(/^Glossaire/);
    const link = within(first).getByRole('link', { name: 'Écosystème' });
    expect(link.getAttribute('href')).toBe('/glossaire#ecosysteme');
    const kit = items[1]!;
    expect(kit.textContent).toMatch(/^Kit — section · Cartographier son écosystème/);
    expect(within(kit).getByRole('link', { name: 'Étapes' }).getAttribute('href')).toBe('/ressources/kit-carto#etapes');
    expect([...kit.querySelectorAll('p mark')].map((m) => m.textContent)).toEqual(['écosystème']);
  });

  it('writes what is typed into the URL, and follows the URL when it changes', async () => {
    const router = renderAt('/recherche');
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'acteurs' } });
    expect(router.state.location.search).toBe('?q=acteurs');
    expect(await screen.findByRole('link', { name: /Acteurs/ })).toBeTruthy();
    await act(() => router.navigate('/recherche?q=territoire'));
    expect(screen.getByRole('searchbox')).toHaveProperty('value', 'territoire');
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: '' } });
    expect(router.state.location.search).toBe('');
  });

  it('renders document text as text, never as HTML', () => {
    renderAt('/recherche?q=acteurs');
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('.search-result b')).toBeNull();
    expect(screen.getByRole('link', { name: /<img src=x/ })).toBeTruthy();
  });

  it('says so in French when nothing matches', () => {
    renderAt('/recherche?q=zzzzzz');
    expect(screen.getByRole('status').textContent).toBe(
      'Aucun résultat pour « zzzzzz ». Vérifiez l’orthographe ou essayez un mot plus court.',
    );
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('moves to the first result on Enter', () => {
    renderAt('/recherche?q=ecosysteme');
    fireEvent.submit(screen.getByRole('search'));
    expect(document.activeElement).toBe(screen.getByRole('link', { name: 'Écosystème' }));
  });
});
