import { describe, expect, it } from 'vitest';
import { sampleContribution, sampleDots } from '../fixtures.ts';
import { assemblePool, encodePool, readPart } from './codec.ts';
import { mergeOnce } from './merge.ts';
import { samplePool } from './sample-pool.ts';
import { pendingPool, receivedEntries } from './workshop-pool.ts';

const WORKSHOP = 'atelier-abcd2345';

describe('workshop pools', () => {
  it('sends this workshop’s pending entries, contributions and dots apart', () => {
    const pending = [
      sampleContribution('c1'),
      sampleDots('guest-aaaaaaaaaaaaaaaaaaaaaa', [{ contributionId: 'c1', count: 2 }]),
      sampleContribution('c2', { workshopId: 'atelier-autre' }),
    ];
    const pool = pendingPool(WORKSHOP, pending);
    expect(pool.contributions.map((c) => c.id)).toEqual(['c1']);
    expect(pool.dots).toHaveLength(1);
  });

  it('keeps the received entries fit to add and counts the others', () => {
    const pool = {
      workshopId: WORKSHOP,
      contributions: [
        sampleContribution('c1'),
        sampleContribution('c2', { text: '   ' }),
        sampleContribution('c3', { workshopId: 'atelier-autre' }),
        sampleDots('guest-aaaaaaaaaaaaaaaaaaaaaa', []),
      ],
      dots: [sampleDots('guest-aaaaaaaaaaaaaaaaaaaaaa', [{ contributionId: 'c1', count: 1 }]), { id: 'x', rev: 'r' }],
    };
    const { entries, refused } = receivedEntries(pool, WORKSHOP);
    expect(entries.map((e) => e.id)).toEqual(['c1', 'dots-atelier-abcd2345-guest-aaaaaaaaaaaaaaaaaaaaaa']);
    expect(refused).toBe(4);
  });

  it('round-trips the sample through QR parts, and a second reception merges nothing', () => {
    const pool = samplePool();
    const received = assemblePool(encodePool(pool).map(readPart), pool.workshopId);
    const { entries, refused } = receivedEntries(received, pool.workshopId);
    expect(refused).toBe(0);
    expect(entries).toHaveLength(21);
    const first = mergeOnce([], entries);
    expect(first.added).toHaveLength(21);
    expect(mergeOnce(first.added, entries)).toEqual({ added: [], updated: [], unchanged: 21 });
  });
});
