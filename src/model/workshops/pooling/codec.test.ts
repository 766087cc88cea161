import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { assemblePool, encodePool, MAX_PART_CHARS, PoolError, readPart } from './codec.ts';
import { poolFileText, readPoolFile } from './file.ts';
import { PoolReception } from './reception.ts';
import { SAMPLE_WORKSHOP_ID, samplePool } from './sample-pool.ts';

const pool = samplePool();
const reasonOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof PoolError) return error.reason;
    throw error;
  }
  return 'accepted';
};

describe('pool codec', () => {
  it('round-trips a pool through one code when it is small', () => {
    const small = { ...pool, contributions: pool.contributions.slice(0, 2), dots: pool.dots.slice(0, 1) };
    const parts = encodePool(small);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatch(/^ITP1:1\/1:[0-9A-Z $%*+\-./:]+$/);
    expect(assemblePool(parts.map(readPart), SAMPLE_WORKSHOP_ID)).toEqual(small);
  });

  it('carries 20 contributions and 10 dots in at most 2 codes of QR version ≤ 25', () => {
    const parts = encodePool(pool);
    expect(parts.length).toBeLessThanOrEqual(2);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(MAX_PART_CHARS);
      expect(QRCode.create(part, { errorCorrectionLevel: 'L' }).version).toBeLessThanOrEqual(25);
    }
  });

  it('splits a larger pool into a sequence and reassembles it in any order', () => {
    const parts = encodePool(pool, 600);
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.map((p) => p.slice(0, 9))).toContain(`ITP1:2/${parts.length}:`);
    const shuffled = [...parts].reverse();
    [shuffled[0], shuffled[2]] = [shuffled[2]!, shuffled[0]!];
    expect(assemblePool(shuffled.map(readPart), SAMPLE_WORKSHOP_ID)).toEqual(pool);
  });

  it('refuses a misread character, a foreign workshop, a missing part, and what is no pool', () => {
    const parts = encodePool(pool, 600);
    const damaged = parts[1]!.slice(0, 40) + (parts[1]![40] === 'A' ? 'B' : 'A') + parts[1]!.slice(41);
    expect(reasonOf(() => readPart(damaged))).toBe('corrupt');
    expect(reasonOf(() => readPart(parts[0]!.replace('ITP1:1/', 'ITP1:2/')))).toBe('corrupt');
    expect(reasonOf(() => assemblePool(parts.map(readPart), 'un-autre-atelier'))).toBe('other-workshop');
    expect(reasonOf(() => assemblePool(parts.slice(1).map(readPart), SAMPLE_WORKSHOP_ID))).toBe('incomplete');
    expect(reasonOf(() => readPart('https://exemple.fr/'))).toBe('not-a-pool');
    expect(reasonOf(() => readPart(parts[0]!.replace('ITP1', 'ITP2')))).toBe('newer-format');
    expect(new PoolError('other-workshop').message).toBe('Ce partage vient d’un autre atelier : rien n’a été ajouté.');
  });
});

describe('receiving a sequence', () => {
  it('counts parts, ignores a part read twice, and gives the pool once complete', () => {
    const parts = encodePool(pool, 900);
    const reception = new PoolReception(SAMPLE_WORKSHOP_ID);
    expect(reception.add(parts[2]!)).toEqual({ kind: 'part', received: 1, total: parts.length, duplicate: false });
    expect(reception.add(parts[2]!)).toEqual({ kind: 'part', received: 1, total: parts.length, duplicate: true });
    expect(reception.add('WIFI:S:salle;;')).toMatchObject({ kind: 'refused', error: { reason: 'not-a-pool' } });
    const last = parts
      .filter((_, i) => i !== 2)
      .map((p) => reception.add(p))
      .at(-1);
    expect(last).toEqual({ kind: 'complete', pool, total: parts.length });
    expect(reception.add(parts[0]!)).toMatchObject({ kind: 'part', duplicate: true });
  });

  it('refuses the parts of another workshop once the sequence is complete', () => {
    const foreign = encodePool({ ...pool, workshopId: 'autre' });
    const reception = new PoolReception(SAMPLE_WORKSHOP_ID);
    const results = foreign.map((p) => reception.add(p));
    expect(results.at(-1)).toMatchObject({ kind: 'refused', error: { reason: 'other-workshop' } });
  });
});

describe('pool file', () => {
  it('round-trips through a text file, and refuses another workshop’s file', () => {
    const text = poolFileText(pool);
    expect(text.split('\n').filter((l) => l.startsWith('ITP1:1/1:'))).toHaveLength(1);
    expect(readPoolFile(text.replace(/\n/g, '\r\n'), SAMPLE_WORKSHOP_ID)).toEqual(pool);
    expect(reasonOf(() => readPoolFile(text, 'autre'))).toBe('other-workshop');
    expect(reasonOf(() => readPoolFile('rien à voir', SAMPLE_WORKSHOP_ID))).toBe('not-a-pool');
  });
});
