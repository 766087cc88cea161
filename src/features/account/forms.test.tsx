// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../db/remote/account-api.ts';
import { JoinWorkspaceForm } from './JoinWorkspaceForm.tsx';
import { SignInForm } from './SignInForm.tsx';
import { SignUpForm } from './SignUpForm.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

/** The text of what the field's aria-describedby points to. */
function description(label: string): string {
  const ids = screen.getByLabelText(label).getAttribute('aria-describedby') ?? '';
  return ids
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent)
    .join(' | ');
}

describe('« Créer un compte »', () => {
  it('checks every field on submit, says what is wrong next to each, and focuses the first', async () => {
    const onSubmit = vi.fn(async () => undefined);
    render(<SignUpForm onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole('button', { name: 'Créer mon compte' }));

    for (const label of ['Nom affiché', 'Adresse e-mail', 'Mot de passe']) {
      expect(screen.getByLabelText(label).getAttribute('aria-invalid')).toBe('true');
    }
    expect(description('Nom affiché')).toMatch(/Saisissez le nom que verront les autres membres/);
    expect(description('Adresse e-mail')).toBe('Saisissez votre adresse e-mail.');
    expect(description('Mot de passe')).toMatch(/^Au moins 10 caractères.* \| Saisissez votre mot de passe\.$/);
    expect(document.activeElement).toBe(screen.getByLabelText('Nom affiché'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('checks a field when it is left, and clears the error as soon as it is right', () => {
    render(<SignUpForm onSubmit={async () => undefined} />);
    type('Adresse e-mail', 'camille.exemple.fr');
    expect(screen.getByLabelText('Adresse e-mail').getAttribute('aria-invalid')).toBeNull();
    fireEvent.blur(screen.getByLabelText('Adresse e-mail'));
    expect(description('Adresse e-mail')).toMatch(/n'est pas valide/);
    type('Adresse e-mail', 'camille@exemple.fr');
    expect(screen.getByLabelText('Adresse e-mail').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText(/n'est pas valide/)).toBeNull();

    type('Mot de passe', 'court');
    fireEvent.blur(screen.getByLabelText('Mot de passe'));
    expect(description('Mot de passe')).toMatch(/au moins 10 caractères \(il en compte 5\)/);
    type('Nom affiché', 'x'.repeat(81));
    fireEvent.blur(screen.getByLabelText('Nom affiché'));
    expect(description('Nom affiché')).toMatch(/ne doit pas dépasser 80 caractères/);
  });

  it('sends clean values, and shows « email taken » next to the address', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiError(409, 'email_taken', 'Un compte existe déjà avec cette adresse.');
    });
    render(<SignUpForm onSubmit={onSubmit} />);
    type('Nom affiché', ' Camille ');
    type('Adresse e-mail', 'camille@exemple.fr');
    type('Mot de passe', 'une phrase longue');
    fireEvent.click(screen.getByRole('button', { name: 'Créer mon compte' }));
    await waitFor(() => expect(description('Adresse e-mail')).toBe('Un compte existe déjà avec cette adresse.'));
    expect(onSubmit).toHaveBeenCalledWith({
      displayName: ' Camille ',
      email: 'camille@exemple.fr',
      password: 'une phrase longue',
    });
    expect(screen.getByLabelText('Adresse e-mail').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Adresse e-mail'));
  });

  it('gives the fields what password managers and phone keyboards need', () => {
    render(<SignUpForm onSubmit={async () => undefined} />);
    expect(screen.getByLabelText('Nom affiché').getAttribute('autocomplete')).toBe('name');
    expect(screen.getByLabelText('Adresse e-mail').getAttribute('autocomplete')).toBe('email');
    expect(screen.getByLabelText('Adresse e-mail').getAttribute('type')).toBe('email');
    expect(screen.getByLabelText('Mot de passe').getAttribute('autocomplete')).toBe('new-password');
    fireEvent.click(screen.getByLabelText('Afficher le mot de passe'));
    expect(screen.getByLabelText('Mot de passe').getAttribute('type')).toBe('text');
  });
});

describe('« Se connecter »', () => {
  it('shows the server’s refusal in French', async () => {
    const onSubmit = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new ApiError(401, 'bad_credentials', 'Adresse e-mail ou mot de passe incorrect.'))
      .mockRejectedValueOnce(new ApiError(0, 'network', 'Pas de connexion : réessayez quand le réseau sera revenu.'));
    render(<SignInForm onSubmit={onSubmit} />);
    expect(screen.getByLabelText('Adresse e-mail').getAttribute('autocomplete')).toBe('username');
    expect(screen.getByLabelText('Mot de passe').getAttribute('autocomplete')).toBe('current-password');
    type('Adresse e-mail', 'camille@exemple.fr');
    type('Mot de passe', 'mauvais mot de passe');
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('Adresse e-mail ou mot de passe incorrect.'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Pas de connexion/));
  });

  it('does not send a password that cannot be right', () => {
    const onSubmit = vi.fn(async () => undefined);
    render(<SignInForm onSubmit={onSubmit} />);
    type('Adresse e-mail', 'camille@exemple.fr');
    type('Mot de passe', 'court');
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    expect(description('Mot de passe')).toMatch(/au moins 10 caractères/);
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('« Rejoindre un espace »', () => {
  const auth = { token: 'jeton' };

  it('accepts the code in lower case without hyphen and sends it in its usual form', async () => {
    const fetch = vi.fn(async () => Response.json({ id: 'w1', name: 'Atelier', role: 'member' }));
    vi.stubGlobal('fetch', fetch);
    const onJoined = vi.fn();
    render(<JoinWorkspaceForm auth={auth} onJoined={onJoined} />);
    type('Code d’invitation', 'abcd 2345');
    fireEvent.click(screen.getByRole('button', { name: 'Rejoindre l’espace' }));
    await waitFor(() => expect(onJoined).toHaveBeenCalledWith({ id: 'w1', name: 'Atelier', role: 'member' }));
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({ inviteCode: 'ABCD-2345' });
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer jeton');
  });

  it('says next to the field when no workspace has that code, and refuses what cannot be a code', async () => {
    const fetch = vi.fn(async () => Response.json({ error: 'unknown_invite', message: 'x' }, { status: 404 }));
    vi.stubGlobal('fetch', fetch);
    render(<JoinWorkspaceForm auth={auth} initialCode="ABCD-2345" onJoined={() => undefined} />);
    expect(screen.getByLabelText<HTMLInputElement>('Code d’invitation').value).toBe('ABCD-2345');
    fireEvent.click(screen.getByRole('button', { name: 'Rejoindre l’espace' }));
    await waitFor(() => expect(description('Code d’invitation')).toMatch(/\| Aucun espace ne correspond à ce code/));

    type('Code d’invitation', 'abc');
    fireEvent.click(screen.getByRole('button', { name: 'Rejoindre l’espace' }));
    expect(description('Code d’invitation')).toMatch(/compte 8 lettres ou chiffres/);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('offers « Scanner un QR code » only where a camera and a QR reader exist', async () => {
    const { unmount } = render(<JoinWorkspaceForm auth={auth} onJoined={() => undefined} />);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('button', { name: 'Scanner un QR code' })).toBeNull();
    unmount();

    vi.stubGlobal('BarcodeDetector', Object.assign(class {}, { getSupportedFormats: async () => ['qr_code'] }));
    vi.stubGlobal('navigator', {
      ...navigator,
      mediaDevices: { getUserMedia: vi.fn(), enumerateDevices: async () => [{ kind: 'videoinput' }] },
    });
    render(<JoinWorkspaceForm auth={auth} onJoined={() => undefined} />);
    expect(await screen.findByRole('button', { name: 'Scanner un QR code' })).toBeTruthy();
  });
});
