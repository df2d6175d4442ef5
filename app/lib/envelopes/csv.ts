// CSV as RFC 4180 has it (comma, CRLF, quotes doubled), safe to open in a spreadsheet.

export type CsvValue = string | number | null | undefined;

// A spreadsheet runs a cell that starts with one of these as a formula ("CSV injection"); a leading apostrophe makes
// it text. Custom values and e-mail addresses come from outside, so every text cell is guarded.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
