// @vitest-environment jsdom
import axe from 'axe-core';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodePool } from '../../../model/workshops/pooling/codec.ts';
import { poolFileText } from '../../../model/workshops/pooling/file.ts';
import { SAMPLE_WORKSHOP_ID, samplePool } from '../../../model/workshops/pooling/sample-pool.ts';
import { ReceivePool } from './ReceivePool.tsx';
import { ADVANCE_EVERY_MS, SharePool } from './SharePool.tsx';

const pool = samplePool();

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('« Partager sans réseau »', () => {
  it('shows the sequence one code at a time, by hand or on its own, and can stop', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    render(<SharePool pool={pool} workshopTitle="Atelier mobilité" />);
    expect(screen.getByText(/20 contributions et 10 gommettes en attente/)).toBeTruthy();
    expect(screen.getByText('Code 1 sur 2')).toBeTruthy();
    expect(await screen.findByAltText('QR code 1 sur 2 des contributions à partager')).toBeTruthy();
    act(() => vi.advanceTimersByTime(ADVANCE_EVERY_MS));
    expect(screen.getByText('Code 2 sur 2')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Arrêter le défilement' }));
    act(() => vi.advanceTimersByTime(ADVANCE_EVERY_MS * 3));
    expect(screen.getByText('Code 2 sur 2')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Code suivant' }));
    expect(screen.getByText('Code 1 sur 2')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Code précédent' }));
    expect(screen.getByText('Code 2 sur 2')).toBeTruthy();
  });

  it('says when nothing waits', () => {
    render(<SharePool pool={{ workshopId: 'w', contributions: [], dots: [] }} workshopTitle="Atelier" />);
    expect(screen.getByText(/Rien à partager/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Partager un fichier' })).toBeNull();
  });
});

describe('« Recevoir par QR code »', () => {
  beforeEach(() => {
    vi.spyOn(HTMLMediaElement.prototype, 'readyState', 'get').mockReturnValue(4);
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
  });

  function cameraSeeing(looks: string[][]) {
    const track = { stop: vi.fn() };
    vi.stubGlobal('navigator', {
      ...navigator,
      mediaDevices: { getUserMedia: async () => ({ getTracks: () => [track] }), enumerateDevices: async () => [] },
    });
    vi.stubGlobal(
      'BarcodeDetector',
      class {
        async detect() {
          return (looks.shift() ?? []).map((rawValue) => ({ rawValue, format: 'qr_code' }));
        }
      },
    );
    return track;
  }

  it('reads a sequence in any order, shows progress and what came, then adds it once agreed', async () => {
    const parts = encodePool(pool, 900);
    const track = cameraSeeing([[parts[2]!], [parts[2]!], ['https://exemple.fr'], ...parts.map((p) => [p])]);
    const onAdd = vi.fn(async () => ({
      contributions: { added: 18, updated: 0, unchanged: 2 },
      dots: { added: 1, updated: 0, unchanged: 0 },
    }));
    render(<ReceivePool workshopId={SAMPLE_WORKSHOP_ID} onAdd={onAdd} />);
    fireEvent.click(screen.getByRole('button', { name: 'Scanner les codes' }));
    await screen.findByText(`1 code sur ${parts.length} reçu.`, {}, { timeout: 3000 });
    await screen.findByText('Ce QR code n’est pas un partage de contributions d’atelier.', {}, { timeout: 3000 });
    await screen.findByText('Reçu : 20 contributions et 10 gommettes.', {}, { timeout: 8000 });
    expect(track.stop).toHaveBeenCalled();
    const list = screen.getByRole('list', { name: 'Contributions reçues' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(20);
    expect(onAdd).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter à l’atelier' }));
    await waitFor(() => expect(onAdd).toHaveBeenCalledWith([...pool.contributions, ...pool.dots]));
    expect(screen.getByRole('status', { name: '' }).textContent).toBe(
      'Ajouté à l’atelier : 18 contributions ajoutées, 2 déjà présentes ; 1 lot de gommettes ajouté.',
    );
  });

  it('imports a shared file, and refuses another workshop’s', async () => {
    // jsdom's Blob has no text(), which every browser has.
    Object.defineProperty(Blob.prototype, 'text', {
      configurable: true,
      value(this: Blob) {
        return new Promise((resolve) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as string);
          reader.readAsText(this);
        });
      },
    });
    const onAdd = vi.fn();
    const { container } = render(<ReceivePool workshopId={SAMPLE_WORKSHOP_ID} onAdd={onAdd} />);
    const input = container.querySelector<HTMLInputElement>('input[aria-label="Fichier de contributions"]')!;
    const other = new File([poolFileText({ ...pool, workshopId: 'autre' })], 'c.txt', { type: 'text/plain' });
    fireEvent.change(input, { target: { files: [other] } });
    await screen.findByText('Ce partage vient d’un autre atelier : rien n’a été ajouté.');
    fireEvent.change(input, { target: { files: [new File([poolFileText(pool)], 'c.txt')] } });
    await screen.findByText('Reçu : 20 contributions et 10 gommettes.');
  });
});

describe('accessibility of the pooling panels', () => {
  it('has no violation axe can see without layout', async () => {
    const { container } = render(
      <main>
        <SharePool pool={pool} workshopTitle="Atelier mobilité" />
        <ReceivePool workshopId={SAMPLE_WORKSHOP_ID} onAdd={vi.fn()} />
      </main>,
    );
    await screen.findByAltText('QR code 1 sur 2 des contributions à partager');
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  });
});
