import { describe, expect, it } from 'vitest';
import { ingest } from './index.ts';

const text = [
  'RECORDS POLICY',
  '',
  'Contents',
  '1.\tIntroduction\t2',
  '2.\tKeeping things\t3',
  '3.\tLeaving\t4',
  '',
  '1. KEEPING THINGS',
  '',
  '1.1\tThe table below sets out how long records are kept.',
  '',
  '\tRecord\tRetention period',
  '\tPupil files\t25 years from date of birth',
  '\tVisitor book\t6 years',
  '\tDeleted Items folder\t30 days',
  '',
  '1.2\tDevices issued to staff:',
  '\to\tmust be encrypted;',
  '\to\tmust be returned when you leave.',
  '',
  '2. LEAVING',
  '',
  '2.1\tAccounts are closed on your last day.',
].join('\n');

describe('tab-separated tables and clause lists', () => {
  it('keeps one row per line, labelled by its first cell and the column headers, inside the clause that introduces it', async () => {
    const r = await ingest({ bytes: text, type: 'txt' });
    if (!r.ok) throw new Error(r.error.message);
    const paragraphs = r.value.sections.flatMap((s) => s.paragraphs);
    const rows = paragraphs.filter((p) => p.kind === 'row');
    expect(rows.map((p) => p.text)).toEqual(['Pupil files 25 years from date of birth', 'Visitor book 6 years', 'Deleted Items folder 30 days']);
    expect(rows.map((p) => p.label)).toEqual(['Pupil files', 'Visitor book', 'Deleted Items folder']);
    for (const row of rows) {
      expect(row.columns).toEqual(['Record', 'Retention period']);
      expect(row.number).toBe('1.1');
    }
    // The contents page is not mistaken for a table, nor the header row for a heading.
    expect(paragraphs.some((p) => /Introduction/.test(p.text))).toBe(false);
    expect(r.value.sections.some((s) => /Retention period/.test(s.heading))).toBe(false);
  });

  it('gives the items of "1.2 Devices issued to staff:" that clause number', async () => {
    const r = await ingest({ bytes: text, type: 'txt' });
    if (!r.ok) throw new Error(r.error.message);
    const items = r.value.sections.flatMap((s) => s.paragraphs).filter((p) => p.kind === 'bullet');
    expect(items.map((p) => [p.number, p.text])).toEqual([
      ['1.2', 'must be encrypted;'],
      ['1.2', 'must be returned when you leave.'],
    ]);
  });
});
