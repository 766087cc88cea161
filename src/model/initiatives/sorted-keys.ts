/**
 * Strings sorted once, each with the number it stands for, so that the ones
 * starting with a prefix are found by binary search instead of comparing
 * every string: the commune picker looks up ~40,000 names on every keystroke.
 */
export interface SortedKeys {
  readonly keys: readonly string[];
  /** `values[i]` is what `keys[i]` stands for (an entry or commune position). */
  readonly values: Int32Array;
}

/** Sorts the keys (code unit order, as `<` compares strings), `values[i]` going with `keys[i]`. */
export function sortKeys(keys: readonly string[], values: ArrayLike<number>): SortedKeys {
  const order = Array.from(keys, (_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  return { keys: order.map((i) => keys[i]!), values: Int32Array.from(order, (i) => values[i]!) };
}

/** The first position whose key is not below `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Positions [start, end) of the keys that start with `prefix`. */
export function prefixRange(sorted: SortedKeys, prefix: string): [start: number, end: number] {
  // No key holds U+FFFF: every key starting with the prefix sorts below prefix + U+FFFF.
  return [lowerBound(sorted.keys, prefix), lowerBound(sorted.keys, `${prefix}\uffff`)];
}

/** Positions [start, end) of the keys equal to `key`. */
export function exactRange(sorted: SortedKeys, key: string): [start: number, end: number] {
  return [lowerBound(sorted.keys, key), lowerBound(sorted.keys, `${key}\u0000`)];
}
