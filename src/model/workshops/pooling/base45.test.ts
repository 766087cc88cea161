import { describe, expect, it } from 'vitest';
import { BASE45_CHARSET, decodeBase45, encodeBase45 } from './base45.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('Base45 (RFC 9285)', () => {
  it('gives the RFC’s examples', () => {
    expect(encodeBase45(text('AB'))).toBe('BB8');
    expect(encodeBase45(text('Hello!!'))).toBe('%69 VD92EX0');
    expect(encodeBase45(text('base-45'))).toBe('UJCLQE7W581');
    expect(new TextDecoder().decode(decodeBase45('QED8WEX0'))).toBe('ietf!');
  });

  it('round-trips every byte value, odd and even lengths', () => {
    const bytes = Uint8Array.from({ length: 257 }, (_, i) => (i * 7919) % 256);
    expect(decodeBase45(encodeBase45(bytes))).toEqual(bytes);
    expect(decodeBase45(encodeBase45(bytes.slice(1)))).toEqual(bytes.slice(1));
    expect(decodeBase45(encodeBase45(new Uint8Array([255, 255])))).toEqual(new Uint8Array([255, 255]));
  });

  it('uses only the QR alphanumeric characters', () => {
    const encoded = encodeBase45(Uint8Array.from({ length: 300 }, (_, i) => i % 256));
    expect([...encoded].every((c) => BASE45_CHARSET.includes(c))).toBe(true);
  });

  it('refuses what is not Base45', () => {
    expect(() => decodeBase45('GGW')).toThrow(/out of range/);
    expect(() => decodeBase45('abc')).toThrow(/invalid character/);
    expect(() => decodeBase45('AB8C')).toThrow(/invalid length/);
  });
});
