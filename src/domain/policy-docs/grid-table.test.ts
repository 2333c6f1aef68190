import { describe, expect, it } from 'vitest';
import { ingestedPolicy, paragraphsOf } from '../../../test/support/policy.ts';

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
    const d = await ingestedPolicy({ bytes: text, type: 'txt' });
    const paragraphs = d.sections.flatMap((s) => s.paragraphs);
    const rows = paragraphs.filter((p) => p.kind === 'row');
    expect(rows.map((p) => p.text)).toEqual(['Pupil files 25 years from date of birth', 'Visitor book 6 years', 'Deleted Items folder 30 days']);
    expect(rows.map((p) => p.label)).toEqual(['Pupil files', 'Visitor book', 'Deleted Items folder']);
    for (const row of rows) {
      expect(row.columns).toEqual(['Record', 'Retention period']);
      expect(row.number).toBe('1.1');
    }
    // The contents page is not mistaken for a table, nor the header row for a heading.
    expect(paragraphs.some((p) => /Introduction/.test(p.text))).toBe(false);
    expect(d.sections.some((s) => /Retention period/.test(s.heading))).toBe(false);
  });

  it('gives the items of "1.2 Devices issued to staff:" that clause number', async () => {
    const items = (await paragraphsOf({ bytes: text, type: 'txt' })).filter((p) => p.kind === 'bullet');
    expect(items.map((p) => [p.number, p.text])).toEqual([
      ['1.2', 'must be encrypted;'],
      ['1.2', 'must be returned when you leave.'],
    ]);
  });

  it('reads a tab-separated table whose rows blank lines set apart, with cells wrapped onto two lines', async () => {
    const spaced = [
      '14. KEEPING EMAIL', '',
      '14.2 The following retention periods apply to email.', '',
      'Type of email\t\t\t\tHow long it is kept', '',
      'Inbox and your own folders\t\t2 years, then deleted automatically', '',
      'Deleted Items folder', 'Emptied automatically after 30 days', '',
      'Report a data breach', '\t\t\t\tSchool Business Manager, ext. 204', '',
      'Shared mailboxes (office@)\t3 years, then deleted automatically', '',
      '14.3 Do not export your mailbox to get around these periods.',
    ].join('\n');
    const d = await ingestedPolicy({ bytes: spaced, type: 'txt' });
    const paragraphs = d.sections.flatMap((s) => s.paragraphs);
    expect(paragraphs.filter((p) => p.kind === 'row').map((p) => [p.label, p.text, p.columns])).toEqual([
      ['Inbox and your own folders', 'Inbox and your own folders 2 years, then deleted automatically', ['Type of email', 'How long it is kept']],
      ['Deleted Items folder', 'Deleted Items folder Emptied automatically after 30 days', ['Type of email', 'How long it is kept']],
      ['Report a data breach', 'Report a data breach School Business Manager, ext. 204', ['Type of email', 'How long it is kept']],
      ['Shared mailboxes (office@)', 'Shared mailboxes (office@) 3 years, then deleted automatically', ['Type of email', 'How long it is kept']],
    ]);
    expect(d.sections.map((s) => s.heading)).toEqual(['KEEPING EMAIL']);
  });
});
