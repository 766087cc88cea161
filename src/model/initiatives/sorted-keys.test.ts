import { describe, expect, it } from 'vitest';
import { exactRange, prefixRange, sortKeys } from './sorted-keys.ts';

describe('sorted keys', () => {
  const sorted = sortKeys([' le mans', ' lens', ' le', ' lyon', ' le mans', ' laval'], [0, 1, 2, 3, 4, 5]);

  it('sorts the keys, each with its value', () => {
    expect(sorted.keys).toEqual([' laval', ' le', ' le mans', ' le mans', ' lens', ' lyon']);
    expect([...sorted.values]).toEqual([5, 2, 0, 4, 1, 3]);
  });

  it('finds the keys starting with a prefix', () => {
    const values = ([start, end]: [number, number]) => [...sorted.values.slice(start, end)].sort();
    expect(values(prefixRange(sorted, ' le'))).toEqual([0, 1, 2, 4]);
    expect(values(prefixRange(sorted, ' le '))).toEqual([0, 4]);
    expect(values(prefixRange(sorted, ' l'))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(values(prefixRange(sorted, ' lz'))).toEqual([]);
    expect(values(prefixRange(sorted, ' a'))).toEqual([]);
    expect(values(exactRange(sorted, ' le'))).toEqual([2]);
    expect(values(exactRange(sorted, ' le mans'))).toEqual([0, 4]);
    expect(values(exactRange(sorted, ' le m'))).toEqual([]);
  });
});
