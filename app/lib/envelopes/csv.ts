// CSV as RFC 4180 has it (comma, CRLF, quotes doubled), safe to open in a spreadsheet.

export type CsvValue = string | number | null | undefined;

// A spreadsheet runs a cell that starts with one of = + - @ as a formula ("CSV injection"); a leading apostrophe
// makes it text. Custom values, e-mail addresses and hook names come from outside, so every text cell is guarded.
// A spreadsheet set to another list separator (";" in German, French, Italian or Romanian Excel, also TAB or "|")
// splits a cell where this file does not, so a formula is guarded wherever such a split or a line break could start
// a cell. Spaces and quotes in between are skipped because some spreadsheets trim them off a cell before reading it.
const FORMULA_AT_CELL_BOUNDARY = /(^|[,;|\t\r\n])([\s"]*)(?=[=+\-@])/g;

// OWASP also counts a TAB or CR at the very start: a spreadsheet that trims it would read what follows.
const CONTROL_AT_CELL_START = /^[\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined || value === '') return '';
  // Numbers are our own counts, never outside text, and a spreadsheet should read them as numbers.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // Quoted always, not only when this file's comma needs it: quotes keep the cell whole in a spreadsheet that
  // honours them whatever separator it splits on.
  return `"${guardFormulas(value).replaceAll('"', '""')}"`;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

function guardFormulas(text: string): string {
  const guarded = text.replace(FORMULA_AT_CELL_BOUNDARY, "$1$2'");
  return CONTROL_AT_CELL_START.test(guarded) ? `'${guarded}` : guarded;
}
