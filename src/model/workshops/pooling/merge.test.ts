import { describe, expect, it } from 'vitest';
import { mergeOnce } from './merge.ts';

const doc = (id: string, rev: string, updatedAt: string, text = id) => ({ id, rev, updatedAt, text });

describe('merging a pool once', () => {
  it('adds what is new, keeps what is already here, takes a newer write', () => {
    const held = [doc('a', 'r1', '2026-11-28T09:00:00Z'), doc('b', 'r1', '2026-11-28T09:00:00Z')];
    const incoming = [
      doc('a', 'r1', '2026-11-28T09:00:00Z'),
      doc('b', 'r2', '2026-11-28T09:05:00Z', 'b modifiée'),
      doc('c', 'r1', '2026-11-28T09:10:00Z'),
    ];
    const merge = mergeOnce(held, incoming);
    expect(merge.added.map((d) => d.id)).toEqual(['c']);
    expect(merge.updated).toEqual([incoming[1]]);
    expect(merge.unchanged).toBe(1);
  });

  it('merges the same pool received twice only once', () => {
    const incoming = [doc('a', 'r1', '2026-11-28T09:00:00Z'), doc('b', 'r1', '2026-11-28T09:00:00Z')];
    const first = mergeOnce([], incoming);
    const second = mergeOnce([...first.added, ...first.updated], incoming);
    expect(first.added).toHaveLength(2);
    expect(second).toEqual({ added: [], updated: [], unchanged: 2 });
    // The same document twice in one pool is one document.
    expect(mergeOnce([], [...incoming, ...incoming]).added).toHaveLength(2);
  });

  it('keeps the later write whichever order two versions arrive in', () => {
    const older = doc('a', 'r1', '2026-11-28T09:00:00Z', 'avant');
    const newer = doc('a', 'r2', '2026-11-28T09:05:00Z', 'après');
    expect(mergeOnce([newer], [older])).toEqual({ added: [], updated: [], unchanged: 1 });
    expect(mergeOnce([older], [newer]).updated).toEqual([newer]);
    // Same time: the greater rev, so every device settles on the same one.
    const tie = doc('a', 'r3', '2026-11-28T09:05:00Z', 'égalité');
    expect(mergeOnce([newer], [tie]).updated).toEqual([tie]);
    expect(mergeOnce([tie], [newer]).updated).toEqual([]);
  });
});
