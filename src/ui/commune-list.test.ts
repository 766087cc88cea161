import { describe, expect, it } from 'vitest';
import generated from '../model/initiatives/communes.generated.json';
import type { CompactCommunes } from '../model/initiatives/commune-data.ts';
import { COMMUNES_YEAR } from '../model/initiatives/communes.ts';
import { loadCommuneIndex } from './commune-list.ts';

describe('loadCommuneIndex', () => {
  it('retries after a failed load, then loads the list once', async () => {
    await expect(loadCommuneIndex(() => Promise.reject(new Error('hors ligne')))).rejects.toThrow('hors ligne');
    let loads = 0;
    const load = () => {
      loads++;
      return Promise.resolve(generated as unknown as CompactCommunes);
    };
    const first = loadCommuneIndex(load);
    expect(loadCommuneIndex(load)).toBe(first);
    const index = await first;
    expect(loads).toBe(1);
    expect(index.year).toBe(COMMUNES_YEAR);
    expect(index.communes.length).toBeGreaterThan(34_000);
  });
});
