import { describe, expect, it } from 'vitest';
import { summarizeNetwork } from './network-status.ts';

const whole = { partsDone: 5, partsTotal: 5, complete: true, documents: 85 };
const half = { partsDone: 2, partsTotal: 5, complete: false, documents: 40 };

describe('network summary', () => {
  it('says « Hors ligne » when the server cannot be reached, whatever else is going on', () => {
    const s = summarizeNetwork({ reachable: false, library: whole, sync: { state: 'syncing', pending: 2 } });
    expect(s.label).toBe('Hors ligne');
    expect(s.detail).toContain('reste lisible');
    expect(s.detail).toContain('2 modifications attendent');
  });

  it('says offline with an incomplete library, and that the download will resume', () => {
    const s = summarizeNetwork({ reachable: false, library: half, sync: undefined });
    expect(s.detail).toContain('pas complète sur cet appareil (2 parties sur 5)');
  });

  it('shows the download’s progress until the library is whole, then « Prête hors ligne »', () => {
    expect(summarizeNetwork({ reachable: true, library: half, sync: undefined }).label).toBe('Téléchargement 2/5');
    expect(summarizeNetwork({ reachable: true, library: whole, sync: undefined }).label).toBe('Prête hors ligne');
  });

  it('says a refusal and what to do, and a sync under way', () => {
    const refused = summarizeNetwork({
      reachable: true,
      library: whole,
      sync: { state: 'error', pending: 1, error: 'Session expirée.' },
    });
    expect(refused.label).toBe('Envoi refusé');
    expect(refused.detail).toContain('Session expirée.');
    expect(refused.detail).toContain('Synchroniser maintenant');
    expect(summarizeNetwork({ reachable: true, library: whole, sync: { state: 'syncing', pending: 0 } }).label).toBe(
      'Synchronisation…',
    );
  });
});
