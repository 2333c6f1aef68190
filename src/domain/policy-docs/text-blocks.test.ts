import { describe, expect, it } from 'vitest';
import { HEADING_HINT } from './clean-text.ts';
import { textToBlocks } from './text-blocks.ts';

describe("reading a PDF's text, where headings are set in larger type", () => {
  it('reads a numbered line in body type as a clause, even when its first line reads like a heading', () => {
    // The line broke early before a long address, so "4.2 Automatic forwarding … outside" looks like a title.
    const text = [
      `${HEADING_HINT}4.\tPersonal email and forwarding`,
      '4.1\tYou must not use a personal email account for anything to do with your work.',
      '4.2\tAutomatic forwarding from your mailbox to any address outside',
      '@oakfield.sch.uk is switched off and cannot be turned on.',
    ].join('\n');
    const blocks = textToBlocks(text, { markedHeadings: true });
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(['Personal email and forwarding']);
    expect(blocks.at(-1)).toEqual({ kind: 'para', number: '4.2', text: 'Automatic forwarding from your mailbox to any address outside @oakfield.sch.uk is switched off and cannot be turned on.' });
  });

  it("reads a model policy's sections, set in body type across the top of each table, as the headings its contents page lists", () => {
    // The contents page starts after the last page's footer and a form feed, with its title set large.
    const text = [
      `${HEADING_HINT}Oakhurst Primary Academy`,
      `${HEADING_HINT}Email and Digital Communications Policy`,
      'Oakhurst Primary Academy – Email Policy – Page 1\f' + `${HEADING_HINT}Contents`,
      '',
      '1. Purpose and scope',
      '2. Who to contact',
      'Appendix A: Staff acknowledgement form',
      '',
      '1. Purpose and scope',
      '',
      '1.1 This policy covers school email.',
      '',
      '2. Who to contact',
      '',
      '2.1 The School Business Manager is the Data Protection Lead.',
      '',
      `${HEADING_HINT}Appendix A: Staff acknowledgement form`,
      '',
      'Please sign and return this form.',
    ].join('\n');
    const blocks = textToBlocks(text, { markedHeadings: true });
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => [b.number, b.text])).toEqual([
      [undefined, 'Oakhurst Primary Academy'],
      [undefined, 'Email and Digital Communications Policy'],
      ['1', 'Purpose and scope'],
      ['2', 'Who to contact'],
      [undefined, 'Appendix A: Staff acknowledgement form'],
    ]);
  });
});

describe("reading Word's plain-text export and pdftotext's output", () => {
  const blocksOf = (lines: string[]) => textToBlocks(lines.join('\n')).map((b) => [b.kind, b.number, b.text, b.kind === 'row' ? b.label : undefined]);

  it("reads a section's number set on the line above its heading as the heading's", () => {
    expect(blocksOf(['2.', 'Roles and responsibilities', '2.1.', 'The governing body reviews this policy every year.'])).toEqual([
      ['heading', '2', 'Roles and responsibilities', undefined],
      ['para', '2.1', 'The governing body reviews this policy every year.', undefined],
    ]);
  });

  it('reads a table set out one cell per line, a blank line after each row, as rows; a wrapped cell joined', () => {
    const blocks = blocksOf([
      'Issue',
      'Who to contact',
      'How',
      '',
      'Personal data sent to the wrong',
      'person or any other possible data',
      'breach',
      'Data Protection Lead',
      'Ext. 2150',
      '',
      'Deleted Items folder',
      'IT Helpdesk',
      'Ext. 2100',
    ]);
    expect(blocks).toEqual([
      ['row', undefined, 'Personal data sent to the wrong person or any other possible data breach Data Protection Lead Ext. 2150', 'Personal data sent to the wrong person or any other possible data breach'],
      ['row', undefined, 'Deleted Items folder IT Helpdesk Ext. 2100', 'Deleted Items folder'],
    ]);
  });

  it("reads a title block's labels and values, one pair to a group, as rows, so a version number is not a clause", () => {
    expect(blocksOf(['Version', '3.1 (school version)', '', 'Review date', 'November 2025', '', 'Policy owner', 'Headteacher', '', '1. Scope'])).toEqual([
      ['row', undefined, 'Version 3.1 (school version)', 'Version'],
      ['row', undefined, 'Review date November 2025', 'Review date'],
      ['row', undefined, 'Policy owner Headteacher', 'Policy owner'],
      ['heading', '1', 'Scope', undefined],
    ]);
  });

  it('reads a captioned table set out one cell per line by the columns its labels name', () => {
    const blocks = blocksOf(['Version history', 'Version', 'Date', 'Changes', '3.0', 'September 2021', 'Rewritten for Microsoft 365', '3.1', 'July 2023', 'SIMS replaced with Arbor', '3.2', 'March 2024', 'Section 11 updated; retention table revised']);
    expect(blocks).toEqual([
      ['para', undefined, 'Version history', undefined],
      ['row', undefined, '3.0 September 2021 Rewritten for Microsoft 365', '3.0'],
      ['row', undefined, '3.1 July 2023 SIMS replaced with Arbor', '3.1'],
      ['row', undefined, '3.2 March 2024 Section 11 updated; retention table revised', '3.2'],
    ]);
  });

  it('joins a clause that a page break cut after a word no sentence ends on, but not before a caption', () => {
    const cut = blocksOf(['9.2 The IT team will never ask for your password by email, telephone or', '', 'Teams. Report any request to the IT Helpdesk.']);
    expect(cut).toEqual([['para', '9.2', 'The IT team will never ask for your password by email, telephone or Teams. Report any request to the IT Helpdesk.', undefined]]);
    const captioned = blocksOf(['9.2 Accounts of leavers are closed on the', '', 'Table 1: How long email is kept']);
    expect(captioned.map((b) => b[2])).toEqual(['Accounts of leavers are closed on the', 'Table 1: How long email is kept']);
  });

  it("does not take a sentence that starts with a section's name for that section's heading", () => {
    const [block] = blocksOf(['Section 11 updated for Intune app protection; retention table revised']);
    expect([block?.[1], block?.[2]]).toEqual([undefined, 'Section 11 updated for Intune app protection; retention table revised']);
  });

  it("drops an empty content control's prompt", () => {
    const blocks = blocksOf(['Raise a safeguarding concern with the DSL in person, or the deputy, Click or tap here to enter text.']);
    expect(blocks).toEqual([['para', undefined, 'Raise a safeguarding concern with the DSL in person, or the deputy,', undefined]]);
  });
});

describe('reading a web page copied from a browser into a text file', () => {
  const page = [
    'Skip to main content',
    'On this page',
    'About this code',
    'Keeping email',
    'Leaving',
    'Expand all / Collapse all',
    'About this code',
    '1.1 This code applies to everyone who has an Academy account, including:',
    'teaching and support staff, including cover supervisors and exams invigilators',
    'supply and agency staff',
    '1.2 Breaches of this code may lead to disciplinary action.',
    'Back to top',
    'Keeping email',
    '2.1 The following periods apply to every mailbox:',
    'Item\tHow long it is kept\tWhat happens then',
    'Inbox and folders\t3 years\tDeleted automatically',
    'Deleted Items folder\t30 days\tEmptied automatically',
    '2.2 Ask the IT Service Desk to place a hold on a mailbox that is needed for a complaint.',
    'Back to top',
  ].join('\n');

  it('reads its sections under their headings, one list item a line, and a tabbed table as rows', () => {
    const blocks = textToBlocks(page).map((b) => [b.kind, b.number, b.text]);
    expect(blocks).toEqual([
      ['heading', undefined, 'About this code'],
      ['para', '1.1', 'This code applies to everyone who has an Academy account, including:'],
      ['bullet', undefined, 'teaching and support staff, including cover supervisors and exams invigilators'],
      ['bullet', undefined, 'supply and agency staff'],
      ['para', '1.2', 'Breaches of this code may lead to disciplinary action.'],
      ['heading', undefined, 'Keeping email'],
      ['para', '2.1', 'The following periods apply to every mailbox:'],
      ['row', undefined, 'Inbox and folders 3 years Deleted automatically'],
      ['row', undefined, 'Deleted Items folder 30 days Emptied automatically'],
      ['para', '2.2', 'Ask the IT Service Desk to place a hold on a mailbox that is needed for a complaint.'],
    ]);
  });
});
