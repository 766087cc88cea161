import { describe, expect, it } from 'vitest';
import { readCredentials, readInviteCode, readRegistration, readWorkspaceName } from './input.ts';

const valid = { email: 'camille@example.org', password: '0123456789', displayName: 'Camille' };

describe('account input', () => {
  it('cleans a registration: email trimmed and lower-cased, name trimmed, password kept as typed', () => {
    expect(
      readRegistration({
        email: ' Camille@Example.ORG ',
        password: ' 0123456789 ',
        displayName: ' Camille ',
        extra: 1,
      }),
    ).toEqual({ email: 'camille@example.org', password: ' 0123456789 ', displayName: 'Camille' });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(() => readRegistration({ ...valid, password: '🔑'.repeat(9) })).toThrow('au moins 10 caractères');
    expect(readRegistration({ ...valid, password: '🔑'.repeat(10) }).password).toHaveLength(20);
    expect(readRegistration({ ...valid, password: '🔑'.repeat(1024) }).password).toHaveLength(2048);
    expect(() => readRegistration({ ...valid, password: '🔑'.repeat(1025) })).toThrow('1024');
  });

  it('throws 400 invalid_input with a French message naming the field', () => {
    expect(() => readRegistration({ ...valid, displayName: 7 })).toThrow(
      expect.objectContaining({
        statusCode: 400,
        code: 'invalid_input',
        message: 'Le champ displayName est requis (texte).',
      }),
    );
    expect(() => readRegistration('text')).toThrow('objet JSON');
    expect(() => readRegistration({ ...valid, email: 'a@b@example.org' })).toThrow(
      "L'adresse e-mail n'est pas valide.",
    );
    expect(() => readRegistration({ ...valid, displayName: 'A\u2028B' })).toThrow('caractères de contrôle');
  });

  it('checks login input for types and sizes only', () => {
    expect(readCredentials({ email: ' Not An Email ', password: 'x' })).toEqual({
      email: 'not an email',
      password: 'x',
    });
    expect(() => readCredentials({ email: 'a@example.org' })).toThrow('password');
    expect(() => readCredentials({ email: `${'a'.repeat(255)}`, password: 'x' })).toThrow('254');
  });

  it('reads a workspace name and an invite code', () => {
    expect(readWorkspaceName({ name: '  Groupe  ' })).toBe('Groupe');
    expect(() => readWorkspaceName({ name: '' })).toThrow('de 1 à 80 caractères');
    expect(readInviteCode({ inviteCode: 'abcd 2345' })).toBe('abcd 2345');
    expect(() => readInviteCode({ inviteCode: 'x'.repeat(65) })).toThrow('trop long');
    expect(() => readInviteCode({})).toThrow('inviteCode');
  });
});
