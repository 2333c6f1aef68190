import { describe, expect, it } from 'vitest';
import { parseCsv, sniffDelimiter } from './csv.ts';

const cells = (text: string) => parseCsv(text).rows.map((r) => r.cells);

describe('parseCsv', () => {
  it('strips a UTF-8 BOM so the first header is not "\\uFEFFStaff ID"', () => {
    const table = parseCsv('\uFEFFStaff ID,Surname\r\n1,Smith\r\n');
    expect(table.header?.cells).toEqual(['Staff ID', 'Surname']);
    expect(table.rows).toEqual([{ line: 2, cells: ['1', 'Smith'] }]);
    expect(table.errors).toEqual([]);
  });

  it('accepts CRLF, LF and old-Mac CR line endings alike', () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      expect(cells(['id,name', '1,Ann', '2,Bob'].join(eol))).toEqual([['1', 'Ann'], ['2', 'Bob']]);
    }
  });

  it('keeps commas, doubled quotes and newlines inside quoted fields, and counts lines through them', () => {
    const table = parseCsv('id,name,title\n1,"Smith, Jr","Head of\r\n""Maths"""\n2,Ann,TA\n');
    expect(table.rows).toEqual([
      { line: 2, cells: ['1', 'Smith, Jr', 'Head of\r\n"Maths"'] },
      { line: 4, cells: ['2', 'Ann', 'TA'] },
    ]);
  });

  it('skips blank lines and rows of bare delimiters but keeps real line numbers', () => {
    const table = parseCsv('id,name\n\n1,Ann\n,\n   \n2,Bob\n\n');
    expect(table.rows.map((r) => r.line)).toEqual([3, 6]);
    expect(table.errors).toEqual([]);
  });

  it('tolerates trailing empty columns on the header and on rows', () => {
    const table = parseCsv('id,name,,\n1,Ann,,\n2,Bob\n');
    expect(table.header?.cells).toEqual(['id', 'name']);
    expect(table.rows.map((r) => r.cells)).toEqual([['1', 'Ann'], ['2', 'Bob']]);
    expect(table.errors).toEqual([]);
  });

  it('reports a truncated last row with its line number', () => {
    const table = parseCsv('id,name,email\n1,Ann,ann@x.org\n2,Bo');
    expect(table.errors).toEqual([{ line: 3, message: expect.stringContaining('line 3 has 2 columns, the header has 3') as string }]);
  });

  it('reports a row with too many columns (an unquoted comma in a value)', () => {
    const table = parseCsv('id,name\n1,Smith, Jr\n');
    expect(table.errors[0]?.line).toBe(2);
    expect(table.errors[0]?.message).toMatch(/3 columns, the header has 2/);
  });

  it('reports an unterminated quote at the line where it opened', () => {
    const table = parseCsv('id,name\n1,Ann\n2,"Bob\n3,Cat\n');
    expect(table.errors).toEqual([{ line: 3, message: expect.stringContaining('unterminated quoted field starting on line 3') as string }]);
  });

  it('refuses text after a closing quote instead of guessing where the field ends', () => {
    const table = parseCsv('id,name\n1,"Smith" Jr\n2,Ann\n');
    expect(table.errors.map((e) => e.line)).toEqual([2]);
    expect(table.rows.map((r) => r.cells[0])).toEqual(['2']);
  });

  it('keeps a stray quote inside an unquoted field as data and allows padding around quoted fields', () => {
    expect(cells('id,size\n1,5" floppy\n2, "quoted" \n')).toEqual([['1', '5" floppy'], ['2', 'quoted']]);
  });

  it('sniffs semicolon and tab delimiters from the header, ignoring delimiters inside quotes', () => {
    expect(sniffDelimiter('id;name;email\n1;"a,b,c,d";x\n')).toBe(';');
    expect(sniffDelimiter('id\tname\n1\tAnn\n')).toBe('\t');
    expect(sniffDelimiter('"a;b;c",d\n')).toBe(',');
    expect(cells('Staff ID;Surname\n1;"Smith; Jr"\n')).toEqual([['1', 'Smith; Jr']]);
    expect(parseCsv('id\tname\n1\tAnn\n').delimiter).toBe('\t');
  });

  it("honours Excel's sep= hint line", () => {
    const table = parseCsv('sep=;\nid;name\n1;Ann, B\n');
    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual({ line: 2, cells: ['id', 'name'] });
    expect(table.rows).toEqual([{ line: 3, cells: ['1', 'Ann, B'] }]);
  });

  it('reports an empty file and an over-long file', () => {
    expect(parseCsv('\uFEFF\r\n\r\n').errors[0]?.message).toMatch(/no header/);
    expect(parseCsv('id\n1\n2\n3\n', { maxRows: 2 }).errors[0]?.message).toMatch(/3 data rows; the limit is 2/);
  });
});
