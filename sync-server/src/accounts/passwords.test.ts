import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, TEST_SCRYPT, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('hashes with scrypt, its parameters and a random salt in the stored string', async () => {
    const a = await hashPassword('correct horse battery', TEST_SCRYPT);
    const b = await hashPassword('correct horse battery', TEST_SCRYPT);
    expect(a).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('horse');
  });

  it('verifies the right password only', async () => {
    const stored = await hashPassword('correct horse battery', TEST_SCRYPT);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('compares passwords in Unicode NFC, so that an accent typed on another device matches', async () => {
    const stored = await hashPassword('mot de passe d\u00e9j\u00e0 vu', TEST_SCRYPT); // é, à precomposed
    expect(await verifyPassword('mot de passe de\u0301ja\u0300 vu', stored)).toBe(true); // e + ◌́, a + ◌̀
  });

  it('verifies a hash made with other parameters, and says it needs a rehash', async () => {
    const old = await hashPassword('correct horse battery', { ln: 11, r: 8, p: 2 });
    expect(await verifyPassword('correct horse battery', old)).toBe(true);
    expect(needsRehash(old, TEST_SCRYPT)).toBe(true);
    expect(needsRehash(await hashPassword('x', TEST_SCRYPT), TEST_SCRYPT)).toBe(false);
  });

  it.each([[''], ['plain text'], ['$scrypt$ln=99,r=8,p=1$c2FsdA$aGFzaA'], ['$scrypt$ln=10,r=8,p=1$c2FsdA$']])(
    'never matches the malformed stored hash %j',
    async (stored) => {
      expect(await verifyPassword('plain text', stored)).toBe(false);
      expect(needsRehash(stored, TEST_SCRYPT)).toBe(true);
    },
  );
});
