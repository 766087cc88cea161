import { describe, expect, it } from 'vitest';
import { csvCell, csvDateTime, csvFile } from './csv.ts';

describe('csvCell', () => {
  it('leaves plain text alone', () => {
    expect(csvCell('Tiers-lieu de la vallée')).toBe('Tiers-lieu de la vallée');
    expect(csvCell('Mairie, association')).toBe('Mairie, association');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('quotes cells with the separator, a quote or a line break, doubling the quotes', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('Les "Amis"')).toBe('"Les ""Amis"""');
    expect(csvCell('"')).toBe('""""');
    expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvCell('ligne 1\r\nligne 2')).toBe('"ligne 1\r\nligne 2"');
  });

  it('turns what a spreadsheet would run as a formula into text', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+33 6 12 34 56 78')).toBe("'+33 6 12 34 56 78");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('=HYPERLINK("http://x";"clic")')).toBe(`"'=HYPERLINK(""http://x"";""clic"")"`);
    expect(csvCell('a=1')).toBe('a=1');
    expect(csvCell('Saint-Denis')).toBe('Saint-Denis');
  });
});

describe('csvFile', () => {
  it('starts with a BOM, separates with « ; », ends every line with CRLF', () => {
    expect(
      csvFile(
        ['Titre', 'Nombre'],
        [
          ['Un ; deux', 3],
          [undefined, '=1'],
        ],
      ),
    ).toBe('\uFEFFTitre;Nombre\r\n"Un ; deux";3\r\n;\'=1\r\n');
  });

  it('writes dates and times a spreadsheet reads in any locale', () => {
    expect(csvDateTime('2026-11-25T10:00:00.000Z', 'Europe/Paris')).toBe('2026-11-25 11:00');
    expect(csvDateTime('pas une date', 'Europe/Paris')).toBe('pas une date');
  });
});
