import { describe, expect, it } from 'vitest';
import { bearerToken, hashToken, newToken } from './tokens.ts';

describe('tokens', () => {
  it('are 256 random bits in base64url, stored as their SHA-256', () => {
    const tokens = Array.from({ length: 100 }, newToken);
    for (const token of tokens) expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(new Set(tokens).size).toBe(100);
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['Bearer  abc ', 'abc'],
    ['Bearer', undefined],
    ['Bearer a b', undefined],
    ['Basic abc', undefined],
    ['abc', undefined],
    [undefined, undefined],
    [`Bearer ${'a'.repeat(513)}`, undefined],
  ])('reads the header %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
