import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, type CsvValue } from './csv';

const RUNS = 1000;

/** Every piece a spreadsheet could make a cell of: it may split on any of these, and may ignore the quotes. */
const possibleCells = (csv: string) => csv.split(/[,;|\t\r\n]/);

/** A spreadsheet runs a cell as a formula if it starts with = + - @ once the spaces and quotes it may trim are gone. */
const runsAsFormula = (cell: string) => /^[\s"]*[=+\-@]/.test(cell);

// Random text steered towards formula characters, separators, line breaks, quotes and the apostrophe guard itself.
const trickyText = fc.oneof(
  fc.string(),
  fc.string({
    unit: fc.constantFrom('=', '+', '-', '@', ',', ';', '|', '\t', '\r', '\n', '"', "'", ' ', '\u00a0', 'a', '1'),
  }),
);

/** One example of csvCell: this value becomes this cell. */
function expectCell(value: CsvValue, cell: string) {
  expect(csvCell(value)).toBe(cell);
}

describe('csvCell', () => {
  it.each<[CsvValue, string]>([
    ['Ana Popescu', '"Ana Popescu"'],
    ['Popescu, Ana', '"Popescu, Ana"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    [3, '3'],
    [-2, '-2'],
    [Number.NaN, ''],
    [null, ''],
    [undefined, ''],
    ['', ''],
  ])('quotes every text cell, doubling its quotes, and leaves numbers and empty values bare: %o', expectCell);

  it.each<[CsvValue, string]>([
    ['=HYPERLINK("http://evil.example","click")', '"\'=HYPERLINK(""http://evil.example"",""click"")"'],
    ['+40 721 000 000', `"'+40 721 000 000"`],
    ['-5%', `"'-5%"`],
    ['@SUM(A1:A2)', `"'@SUM(A1:A2)"`],
    ['\tcmd', `"'\tcmd"`],
    ['\rcmd', `"'\rcmd"`],
  ])('turns text that starts like a formula into text with a leading apostrophe: %o', expectCell);

  it.each<[CsvValue, string]>([
    ['x;=1+1@evil.example', `"x;'=1+1@evil.example"`],
    ['a,+1', `"a,'+1"`],
    ['a|@SUM(A1)', `"a|'@SUM(A1)"`],
    ['a\t-1', `"a\t'-1"`],
    ['a\r\n=1', `"a\r\n'=1"`],
    ['a\n@b\r+c', `"a\n'@b\r'+c"`],
    ['a;;=1', `"a;;'=1"`],
  ])(
    'guards a formula after every character a spreadsheet may split cells or lines on, such as ; in German Excel: %o',
    expectCell,
  );

  it.each<[CsvValue, string]>([
    ['a; =1', `"a; '=1"`],
    ['a;"=1"', `"a;""'=1"""`],
    [' =1', `" '=1"`],
    // The TAB is a separator too: the text after it is guarded, and so is the cell that starts with it.
    ['\t=1', `"'\t'=1"`],
  ])('guards a formula behind the spaces and quotes a spreadsheet may trim off a split cell: %o', expectCell);

  it.each<[CsvValue, string]>([
    ['a=b', '"a=b"'],
    ['Popescu-Ionescu', '"Popescu-Ionescu"'],
    ['ana+tag@example.com', '"ana+tag@example.com"'],
    ['2026-01-01', '"2026-01-01"'],
    ['K-1; K-2', '"K-1; K-2"'],
    ["it's", `"it's"`],
  ])('changes nothing else: formula characters inside a piece of text stay as they were: %o', expectCell);
});

describe('csvRow', () => {
  it('joins the cells with commas and ends the line with CRLF', () => {
    expect(csvRow(['a', 1, null, 'b,c'])).toBe('"a",1,,"b,c"\r\n');
  });

  it('quotes every text cell, so a real CSV parser reads each back whole, changed only by apostrophes', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const cell = csvCell(text);
        if (text !== '') expect(cell).toMatch(/^"[^]*"$/);
        const rows: string[][] = parse(csvRow(['before', text, 'after']), { delimiter: ',' });
        expect(rows).toHaveLength(1);
        expect(rows[0]).toHaveLength(3);
        expect(rows[0]![1]!.replaceAll("'", '')).toBe(text.replaceAll("'", ''));
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves nothing a spreadsheet could run as a formula, whatever it splits cells on and whether it honours quotes', () => {
    fc.assert(
      fc.property(fc.array(trickyText, { maxLength: 4 }), (texts) => {
        expect(possibleCells(csvRow(texts)).filter(runsAsFormula)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps x;=1+1@evil.example one cell for a comma parser and a guarded second cell for a semicolon parser', () => {
    const row = csvRow(['x;=1+1@evil.example', 'next']);
    expect(parse(row, { delimiter: ',' })).toEqual([[`x;'=1+1@evil.example`, 'next']]);
    const semicolonCells: string[][] = parse(row, { delimiter: ';', quote: false, relax_column_count: true });
    expect(semicolonCells.flat().filter(runsAsFormula)).toEqual([]);
    expect(semicolonCells.flat()[1]).toMatch(/^'=1\+1@evil\.example/);
  });
});
