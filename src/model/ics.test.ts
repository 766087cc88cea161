import { describe, expect, it } from 'vitest';
import { eventToIcs } from './ics.ts';

describe('eventToIcs', () => {
  const ics = eventToIcs(
    {
      uid: 'webinaire-2019-02-21@innovation-territoriale',
      date: '2019-02-28',
      summary: "Webinaire : Qualifier l'innovation, pas à pas; avec \\ barre",
      description: 'Ligne un\nLigne deux, '.repeat(8),
      url: 'http://innovationterritoriale.plateformecapitalisation.org/',
    },
    new Date('2026-11-25T10:11:12.345Z'),
  );
  const lines = ics.split('\r\n');

  it('describes one all-day event, the day after as its exclusive end', () => {
    expect(lines).toContain('DTSTART;VALUE=DATE:20190228');
    expect(lines).toContain('DTEND;VALUE=DATE:20190301');
    expect(lines).toContain('DTSTAMP:20261125T101112Z');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('escapes commas, semicolons, backslashes and newlines', () => {
    expect(lines).toContain("SUMMARY:Webinaire : Qualifier l'innovation\\, pas à pas\\; avec \\\\ barre");
    expect(ics).toContain('Ligne un\\nLigne deux\\, ');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(`DESCRIPTION:${'Ligne un\\nLigne deux\\, '.repeat(8)}`);
  });
});
