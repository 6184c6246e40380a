/**
 * CSV writing (RFC 4180: comma separated, CRLF line ends, fields quoted when
 * they hold a comma, quote, CR or LF). Cells that a spreadsheet would run as a
 * formula (=, @, or + / - not followed by a plain number) are prefixed with a
 * single quote; phone numbers such as +15551234567 are left as they are.
 */

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA = /^[=@\t\r]|^[+-](?![\d\s().]*$)/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
