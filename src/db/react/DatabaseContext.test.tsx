// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { DatabaseGate, DatabaseProvider, OPENING_PATIENCE_MS } from './DatabaseContext.tsx';

// A database held by something else (WebKit's cached page, another tab): its opening never ends.
vi.mock('./open.ts', () => ({ openDatabaseState: () => new Promise(() => undefined) }));

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

it('says in French that the database does not answer, with a way to reload, once the patience is spent', async () => {
  vi.useFakeTimers();
  render(
    <DatabaseProvider>
      <DatabaseGate fallback={<p>Chargement…</p>}>
        <p>Écran</p>
      </DatabaseGate>
    </DatabaseProvider>,
  );
  expect(screen.getByText('Chargement…')).toBeTruthy();
  await act(() => vi.advanceTimersByTimeAsync(OPENING_PATIENCE_MS - 1));
  expect(screen.queryByRole('alert')).toBeNull();
  await act(() => vi.advanceTimersByTimeAsync(1));
  expect(screen.getByRole('heading', { name: 'La base de données ne répond pas' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Recharger la page' })).toBeTruthy();
  expect(screen.queryByText('Écran')).toBeNull();
});
