/**
 * CSV files for a French spreadsheet, whatever they list: UTF-8 with a BOM,
 * « ; » between cells, CRLF after each line, cells protected against formula
 * injection. Pure functions; the pages turn the string into a download.
 */

/**
 * Semicolon: a French Excel splits a CSV file opened by double-click on the
 * list separator of the system's regional settings, which is « ; » in France
 * because « , » is the decimal separator. A comma-separated file would open
 * as a single column. LibreOffice and Google Sheets ask or detect it.
 */
export const CSV_SEPARATOR = ';';
/** RFC 4180 line ends, which Excel expects too. */
const CRLF = '\r\n';
/**
 * Byte order mark: without it Excel reads the file in the system's legacy
 * code page and garbles every accent. (A « sep=; » first line would also tell
 * Excel the separator, but then Excel ignores the BOM: not used.)
 */
const BOM = '\uFEFF';
/** Between the items of a list inside one cell: never in a label, unlike a comma. */
export const CSV_LIST = ' ; ';

/**
 * Formula injection (« CSV injection »): a spreadsheet runs a cell that starts
 * with = + - or @ as a formula, so text typed in the field, say
 * « =HYPERLINK("http://…") », would act when the export is opened. A leading
 * apostrophe makes the cell text, as OWASP advises; tab and carriage return
 * are on its list too. The cost: a phone number « +33… » shows as « '+33… ».
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvValue = string | number | undefined;

/** One cell, protected against formulas and quoted per RFC 4180 when it has to be. */
export function csvCell(value: CsvValue): string {
  let text = value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: a header line, then one line per row. */
export function csvFile(headers: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return BOM + [headers, ...rows].map((cells) => cells.map(csvCell).join(CSV_SEPARATOR) + CRLF).join('');
}

/** « 2026-11-25 11:00 »: a form every spreadsheet reads as a date and time, in any locale. */
export function csvDateTime(iso: string, timeZone: string | undefined): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
