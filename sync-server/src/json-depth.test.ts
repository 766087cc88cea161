import { describe, expect, it } from 'vitest';
import { nestedDeeperThan } from './json-depth.ts';

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('nestedDeeperThan', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(nestedDeeperThan(nested(64))).toBe(false);
    expect(nestedDeeperThan(nested(65))).toBe(true);
    expect(nestedDeeperThan(`{"a":"${'['.repeat(100)}"}`)).toBe(false);
    expect(nestedDeeperThan(`{"a":"\\"${'{'.repeat(100)}"}`)).toBe(false);
    expect(nestedDeeperThan('{"a":{"b":[1,{"c":2}]}}', 3)).toBe(true);
    expect(nestedDeeperThan('{"a":{"b":[1,{"c":2}]}}', 4)).toBe(false);
  });
});
