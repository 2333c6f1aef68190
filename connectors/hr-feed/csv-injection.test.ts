import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { csvField, csvLine, csvSafe, looksLikeFormula } from './csv-injection.ts';
import { parseHrCsv } from './index.ts';

const payloads = ["=cmd|' /C calc'!A0", '+1+cmd|calc', "-2+3+cmd|' /C calc'!A0", '@SUM(1+1)*cmd|calc', '\t=1+1', '\r=1+1', '  =HYPERLINK("http://x")', '\uFF1D1+1'];

describe('CSV injection', () => {
  it('flags every formula trigger and leaves ordinary text alone', () => {
    for (const p of payloads) expect(looksLikeFormula(p), JSON.stringify(p)).toBe(true);
    for (const safe of ['Smith', "O'Neil", 'ann@x.org', '2026-03-27', '', 'a=b', 'Smith-Jones']) expect(looksLikeFormula(safe), safe).toBe(false);
  });

  it("csvSafe prefixes a quote so spreadsheets show the text; csvField also quotes", () => {
    expect(csvSafe("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvSafe('Smith')).toBe('Smith');
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvField('Smith, Jr')).toBe('"Smith, Jr"');
    expect(csvField(null)).toBe('');
    expect(csvLine(['1', "@SUM(A1)", 'a;b'], ';')).toBe("1;'@SUM(A1);\"a;b\"");
  });

  it('what csvLine writes, parseCsv reads back as the neutralised text', () => {
    const row = ["=cmd|' /C calc'!A0", 'Smith, "Jr"', 'multi\nline'];
    const table = parseCsv(`a,b,c\n${csvLine(row)}\n`);
    expect(table.rows[0]?.cells).toEqual(["'=cmd|' /C calc'!A0", 'Smith, "Jr"', 'multi\nline']);
  });

  it('imported formula-looking values are kept as data but flagged', () => {
    const text = "Staff ID,Forename,Surname,Job Title,Status\r\n1,\"=cmd|' /C calc'!A0\",Lee,@SUM(1+1),Current\r\n-5,Bob,Ray,Teacher,Current\r\n";
    const result = parseHrCsv(text, {});
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.accepted.map((r) => [r.employeeId, r.firstName, r.flagged])).toEqual([
      ['1', "=cmd|' /C calc'!A0", ['firstName', 'jobTitle']],
      ['-5', 'Bob', ['employeeId']],
    ]);
  });
});
