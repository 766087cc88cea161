// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppDatabase } from '../../db/database.ts';
import { LogoutButton } from './LogoutButton.tsx';
import { QrScanner } from './QrScanner.tsx';

function fakeCamera(detected: string[][]) {
  const track = { stop: vi.fn() };
  const stream = { getTracks: () => [track] };
  const getUserMedia = vi.fn(async () => stream);
  vi.stubGlobal('navigator', { ...navigator, mediaDevices: { getUserMedia, enumerateDevices: async () => [] } });
  const detect = vi.fn(async () => (detected.shift() ?? []).map((rawValue) => ({ rawValue, format: 'qr_code' })));
  vi.stubGlobal(
    'BarcodeDetector',
    class {
      detect = detect;
    },
  );
  return { track, getUserMedia, detect };
}

beforeEach(() => {
  // jsdom has no media pipeline: a video that is always ready, and plays.
  vi.spyOn(HTMLMediaElement.prototype, 'readyState', 'get').mockReturnValue(4);
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('QR code scanner', () => {
  it('reads the invite code of a join URL, then stops the camera', async () => {
    const camera = fakeCamera([[], ['WIFI:S:x;;'], ['https://terrain.example/espaces/rejoindre?code=abcd-2345']]);
    const onCode = vi.fn();
    render(<QrScanner onCode={onCode} onClose={() => undefined} />);
    await screen.findByText('Visez le QR code affiché par la personne qui vous invite.');
    await waitFor(() => expect(onCode).toHaveBeenCalledWith('ABCD-2345'), { timeout: 3000 });
    expect(camera.getUserMedia).toHaveBeenCalledWith({ video: { facingMode: { ideal: 'environment' } }, audio: false });
    expect(camera.track.stop).toHaveBeenCalled();
    expect(onCode).toHaveBeenCalledTimes(1);
  });

  it('stops the camera when closed', async () => {
    const camera = fakeCamera([]);
    const { unmount } = render(<QrScanner onCode={() => undefined} onClose={() => undefined} />);
    await screen.findByText('Visez le QR code affiché par la personne qui vous invite.');
    expect(camera.track.stop).not.toHaveBeenCalled();
    unmount();
    expect(camera.track.stop).toHaveBeenCalled();
  });

  it('says why when the camera is refused', async () => {
    fakeCamera([]);
    vi.mocked(navigator.mediaDevices.getUserMedia).mockRejectedValue(new DOMException('no', 'NotAllowedError'));
    render(<QrScanner onCode={() => undefined} onClose={() => undefined} />);
    // The status first says the camera is opening; wait for the refusal to be told.
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/accès à la caméra a été refusé/));
  });
});

describe('« Se déconnecter »', () => {
  const session = { token: 'jeton', user: { id: 'u1', email: 'c@exemple.fr', displayName: 'Camille' } };

  function fakeDb() {
    const remove = vi.fn(async () => undefined);
    return { db: { getLocal: async () => ({ remove }) } as unknown as AppDatabase, remove };
  }

  it('asks `beforeLogout` first, and stays signed in when it says no', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const { db, remove } = fakeDb();
    const beforeLogout = vi.fn(async () => false);
    const onSignedOut = vi.fn();
    render(<LogoutButton db={db} session={session} beforeLogout={beforeLogout} onSignedOut={onSignedOut} />);
    fireEvent.click(screen.getByRole('button', { name: 'Se déconnecter' }));
    await waitFor(() => expect(beforeLogout).toHaveBeenCalled());
    await screen.findByRole('button', { name: 'Se déconnecter' });
    expect(fetch).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
    expect(onSignedOut).not.toHaveBeenCalled();
  });

  it('without network, forgets the session on this device anyway and says the server was not told', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const { db, remove } = fakeDb();
    const onSignedOut = vi.fn();
    render(<LogoutButton db={db} session={session} onSignedOut={onSignedOut} />);
    fireEvent.click(screen.getByRole('button', { name: 'Se déconnecter' }));
    await waitFor(() => expect(onSignedOut).toHaveBeenCalledWith({ serverNotified: false }));
    expect(remove).toHaveBeenCalled();
  });
});
