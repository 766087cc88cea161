import { describe, expect, it } from 'vitest';
import { formatInviteCode, INVITE_ALPHABET, newInviteCode, parseInviteCode } from './invite-codes.ts';

describe('invite codes', () => {
  it('leave out the characters people confuse when reading aloud', () => {
    for (const char of '01OIL') expect(INVITE_ALPHABET).not.toContain(char);
    expect(new Set(INVITE_ALPHABET).size).toBe(INVITE_ALPHABET.length);
  });

  it('are 8 random characters of the alphabet, shown as XXXX-XXXX', () => {
    const codes = Array.from({ length: 2000 }, newInviteCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${INVITE_ALPHABET}]{8}$`));
    expect(new Set(codes).size).toBe(codes.length);
    const used = new Set(codes.join(''));
    expect(used.size).toBe(INVITE_ALPHABET.length); // every character turns up
    expect(formatInviteCode('ABCD2345')).toBe('ABCD-2345');
  });

  it.each([
    ['ABCD-2345', 'ABCD2345'],
    ['abcd2345', 'ABCD2345'],
    [' abcd 2345 ', 'ABCD2345'],
    ['AB-CD-23-45', 'ABCD2345'],
    ['ABCD\u20132345', 'ABCD2345'], // the en dash a phone keyboard puts for "-"
    ['ABCD\t2345\n', 'ABCD2345'],
  ])('reads %j as typed', (typed, code) => {
    expect(parseInviteCode(typed)).toBe(code);
  });

  it.each([[''], ['ABCD-234'], ['ABCD-23456'], ['ABCD-234O'], ['ABCD-2341'], ['ABCD_2345'], ['ÀBCD-2345']])(
    'refuses %j without a lookup',
    (typed) => {
      expect(parseInviteCode(typed)).toBeUndefined();
    },
  );
});
