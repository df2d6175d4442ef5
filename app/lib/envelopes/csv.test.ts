import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv';

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

describe('csvCell', () => {
  it('quotes every text cell, doubling its quotes, and leaves numbers and empty values bare', () => {
    expect(csvCell('Ana Popescu')).toBe('"Ana Popescu"');
    expect(csvCell('Popescu, Ana')).toBe('"Popescu, Ana"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
  });

  it('turns text that starts like a formula into text with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""click"")"',
    );
    expect(csvCell('+40 721 000 000')).toBe(`"'+40 721 000 000"`);
    expect(csvCell('-5%')).toBe(`"'-5%"`);
    expect(csvCell('@SUM(A1:A2)')).toBe(`"'@SUM(A1:A2)"`);
    expect(csvCell('\tcmd')).toBe(`"'\tcmd"`);
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
  });

  it('guards a formula after every character a spreadsheet may split cells or lines on, such as ; in German Excel', () => {
    expect(csvCell('x;=1+1@evil.example')).toBe(`"x;'=1+1@evil.example"`);
    expect(csvCell('a,+1')).toBe(`"a,'+1"`);
    expect(csvCell('a|@SUM(A1)')).toBe(`"a|'@SUM(A1)"`);
    expect(csvCell('a\t-1')).toBe(`"a\t'-1"`);
    expect(csvCell('a\r\n=1')).toBe(`"a\r\n'=1"`);
    expect(csvCell('a\n@b\r+c')).toBe(`"a\n'@b\r'+c"`);
    expect(csvCell('a;;=1')).toBe(`"a;;'=1"`);
  });

  it('guards a formula behind the spaces and quotes a spreadsheet may trim off a split cell', () => {
    expect(csvCell('a; =1')).toBe(`"a; '=1"`);
    expect(csvCell('a;"=1"')).toBe(`"a;""'=1"""`);
    expect(csvCell(' =1')).toBe(`" '=1"`);
    // The TAB is a separator too: the text after it is guarded, and so is the cell that starts with it.
    expect(csvCell('\t=1')).toBe(`"'\t'=1"`);
  });

  it('changes nothing else: formula characters inside a piece of text stay as they were', () => {
    expect(csvCell('a=b')).toBe('"a=b"');
    expect(csvCell('Popescu-Ionescu')).toBe('"Popescu-Ionescu"');
    expect(csvCell('ana+tag@example.com')).toBe('"ana+tag@example.com"');
    expect(csvCell('2026-01-01')).toBe('"2026-01-01"');
    expect(csvCell('K-1; K-2')).toBe('"K-1; K-2"');
    expect(csvCell("it's")).toBe(`"it's"`);
  });
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
