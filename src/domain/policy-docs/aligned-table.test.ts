import { describe, expect, it } from 'vitest';
import { ingestedPolicy, paragraphsOf } from '../../../test/support/policy.ts';

// A retention table and a version history saved as fixed-width text, the way Word and PDF tools write them.
const text = [
  'Document control',
  '',
  'Version   Date        Summary of changes',
  '1.0       Sep 2020    New policy replacing the separate',
  '                      Email Protocol',
  '3.1       Jan 2024    Section 10 updated (former pupils)',
  '',
  '11. RETENTION',
  '',
  '11.4 Email is kept as follows.',
  '',
  'Item                                        Retention period                           Who',
  'General email (Inbox, Sent Items and        3 years from the date sent or received,    Network Manager',
  'other folders)                              then deleted automatically                 (automatic rule)',
  'Deleted Items folder                        Emptied automatically after 30 days        Network Manager',
  'Mailbox of a member of staff who has left   90 days after the leaving date, then       Network Manager',
  '                                            deleted',
  '',
  '11.5 Do not export email to keep it longer.',
].join('\n');

describe('fixed-width tables in plain text', () => {
  it('reads each row across its columns, a cell carried onto the next line included, with the header as column labels', async () => {
    const d = await ingestedPolicy({ bytes: text, type: 'txt' });
    const rows = d.sections.flatMap((s) => s.paragraphs).filter((p) => p.kind === 'row');
    expect(rows.map((p) => [p.label, p.text])).toEqual([
      ['1.0', '1.0 Sep 2020 New policy replacing the separate Email Protocol'],
      ['3.1', '3.1 Jan 2024 Section 10 updated (former pupils)'],
      ['General email (Inbox, Sent Items and other folders)', 'General email (Inbox, Sent Items and other folders) 3 years from the date sent or received, then deleted automatically Network Manager (automatic rule)'],
      ['Deleted Items folder', 'Deleted Items folder Emptied automatically after 30 days Network Manager'],
      ['Mailbox of a member of staff who has left', 'Mailbox of a member of staff who has left 90 days after the leaving date, then deleted Network Manager'],
    ]);
    expect(rows.at(-1)!.columns).toEqual(['Item', 'Retention period', 'Who']);
    // The version history is not read as clause 3.1, nor the header as a heading.
    expect(d.sections.map((s) => [s.number ?? '', s.heading])).toEqual([
      ['', 'Document control'],
      ['11', 'RETENTION'],
    ]);
  });

  it('leaves details set out in two columns ("Policy owner:   Business Manager") as lines of text', async () => {
    const details = ['Policy owner:            Business Manager', 'Approved by:             Local Governing Body', 'Next review:             October 2025'].join('\n');
    expect((await paragraphsOf({ bytes: details, type: 'txt' })).every((p) => p.kind !== 'row')).toBe(true);
  });
});
