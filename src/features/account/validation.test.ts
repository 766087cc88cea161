import { describe, expect, it } from 'vitest';
import {
  checkDisplayName,
  checkEmail,
  checkInviteCode,
  checkPassword,
  checkWorkspaceName,
  inviteCodeFromScan,
  joinUrl,
  normaliseInviteCode,
  safeReturnPath,
} from './validation.ts';

describe('account form checks', () => {
  it('wants an email address of the shape the server accepts', () => {
    expect(checkEmail('')).toBe('Saisissez votre adresse e-mail.');
    expect(checkEmail('   ')).toBe('Saisissez votre adresse e-mail.');
    expect(checkEmail('camille')).toMatch(/n'est pas valide/);
    expect(checkEmail('camille@exemple')).toMatch(/n'est pas valide/);
    expect(checkEmail('camille @exemple.fr')).toMatch(/n'est pas valide/);
    expect(checkEmail('a@b@exemple.fr')).toMatch(/n'est pas valide/);
    expect(checkEmail(`${'a'.repeat(250)}@exemple.fr`)).toMatch(/254 caractères/);
    expect(checkEmail(' Camille.Martin@Exemple.fr ')).toBeUndefined();
  });

  it('wants a password of at least 10 characters, counted as a person counts them', () => {
    expect(checkPassword('')).toBe('Saisissez votre mot de passe.');
    expect(checkPassword('court')).toBe('Le mot de passe doit compter au moins 10 caractères (il en compte 5).');
    expect(checkPassword('🌳'.repeat(9))).toMatch(/il en compte 9/);
    expect(checkPassword('🌳'.repeat(10))).toBeUndefined();
    expect(checkPassword('dix carac.')).toBeUndefined();
    expect(checkPassword('x'.repeat(1025))).toMatch(/1024/);
  });

  it('wants a display name and a workspace name of 1 to 80 characters', () => {
    expect(checkDisplayName('')).toMatch(/^Saisissez le nom/);
    expect(checkDisplayName('   ')).toMatch(/^Saisissez le nom/);
    expect(checkDisplayName('Camille')).toBeUndefined();
    expect(checkDisplayName('x'.repeat(80))).toBeUndefined();
    expect(checkDisplayName('x'.repeat(81))).toBe('Le nom ne doit pas dépasser 80 caractères (il en compte 81).');
    expect(checkDisplayName('Cam\u0000ille')).toMatch(/caractères invisibles/);
    expect(checkWorkspaceName('')).toBe("Donnez un nom à l'espace.");
    expect(checkWorkspaceName(' Atelier du 12 mars ')).toBeUndefined();
  });
});

describe('invite codes', () => {
  it('accepts lower case, spaces, with or without a hyphen', () => {
    for (const typed of ['ABCD-2345', 'abcd2345', 'abcd 2345', ' ab cd-23 45 ', 'abcd–2345']) {
      expect(normaliseInviteCode(typed)).toBe('ABCD-2345');
    }
    expect(checkInviteCode('abcd2345')).toBeUndefined();
  });

  it('says what is wrong with something that cannot be a code', () => {
    expect(normaliseInviteCode('ABCD-234')).toBeUndefined();
    expect(normaliseInviteCode('ABCD-2345-6')).toBeUndefined();
    expect(normaliseInviteCode('ABCD!2345')).toBeUndefined();
    expect(checkInviteCode('')).toMatch(/^Saisissez le code/);
    expect(checkInviteCode('abc-234')).toMatch(/8 lettres ou chiffres.*6 caractères/);
  });

  it('reads the code in a QR code: the join URL, or the code alone', () => {
    const url = joinUrl('https://terrain.example', 'ABCD-2345');
    expect(url).toBe('https://terrain.example/espaces/rejoindre?code=ABCD-2345');
    expect(inviteCodeFromScan(url)).toBe('ABCD-2345');
    expect(inviteCodeFromScan('abcd2345')).toBe('ABCD-2345');
    expect(inviteCodeFromScan('https://example.org/')).toBeUndefined();
    expect(inviteCodeFromScan('WIFI:S:reseau;T:WPA;P:secret;;')).toBeUndefined();
  });
});

describe('return path after signing in', () => {
  it('keeps paths of this app only', () => {
    expect(safeReturnPath('/espaces/rejoindre?code=ABCD-2345')).toBe('/espaces/rejoindre?code=ABCD-2345');
    expect(safeReturnPath(null)).toBeUndefined();
    expect(safeReturnPath('https://evil.example/')).toBeUndefined();
    expect(safeReturnPath('//evil.example/')).toBeUndefined();
    expect(safeReturnPath('/\\evil.example/')).toBeUndefined();
  });
});
