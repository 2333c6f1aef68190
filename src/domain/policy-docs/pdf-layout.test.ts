import { describe, expect, it } from 'vitest';
import { HEADING_HINT } from './clean-text.ts';
import { bodySize, pageText, type TextRun } from './pdf-layout.ts';

/** A run of text at (x, y), about 5 points a character wide, as PDF.js reports it. */
const run = (text: string, x: number, y: number, size = 11): TextRun => ({ text, x, y, width: text.length * 5, size });

describe('laying out a PDF page from its text runs', () => {
  it('joins a spaced table row whose cells wrap into one tab-separated line', () => {
    const text = pageText([
      // Body text set 15 points apart: the page's line spacing.
      run('Email is not a filing system. Save anything the school must keep to the', 60, 745),
      run('pupil file, then delete it from your mailbox. The table below shows how', 60, 730),
      run('long messages are kept.', 60, 715),
      run('The table below shows how long messages are kept.', 60, 700),
      run('Type of message', 60, 670),
      run('How long it is kept', 260, 670),
      run('Everyday email (inbox, sent items,', 60, 648),
      run('folders)', 60, 633),
      run('Deleted automatically 12 months after it was sent or', 260, 648),
      run('received', 260, 633),
      run('Deleted Items folder', 60, 611),
      run('Emptied after 30 days', 260, 611),
    ]);
    expect(text.split('\n').slice(3)).toEqual([
      'The table below shows how long messages are kept.',
      '',
      'Type of message\tHow long it is kept',
      'Everyday email (inbox, sent items, folders)\tDeleted automatically 12 months after it was sent or received',
      'Deleted Items folder\tEmptied after 30 days',
    ]);
  });

  it("reads a footnote after the paragraph that refers to it, without its raised number, and leaves other small print at the foot", () => {
    const page = [
      run('3.5 The staff group reaches every member of staff. Use it only for messages that everyone', 60, 728, 10.5),
      run('needs to see, and do not reply to all on a whole-staff email.', 60, 714, 10.5),
      run('3.6 Write every email as though the person it mentions might read it. Anyone can ask to see the', 60, 693, 10.5),
      // The raised, smaller "1" after "request." sits just above the line it belongs to.
      run('1', 470, 682, 6.5),
      run('information we hold about them, including emails, by making a subject access request.', 60, 679, 10.5),
      run('4.1 Whole-class messages go out through the Arbor app and are sent by the school office, not', 60, 658, 10.5),
      run('by class teachers.', 60, 644, 10.5),
      run('1', 60, 96, 5.5),
      run('The school must normally reply to a subject access request within one', 68, 93, 8),
      run('calendar month.', 68, 83, 8),
      run('Foxhollow Infant & Nursery – Page 2 of 6', 300, 40, 8.5),
    ];
    expect(pageText(page, 10.5).split('\n')).toEqual([
      '3.5 The staff group reaches every member of staff. Use it only for messages that everyone',
      'needs to see, and do not reply to all on a whole-staff email.',
      '',
      '3.6 Write every email as though the person it mentions might read it. Anyone can ask to see the',
      'information we hold about them, including emails, by making a subject access request.',
      '',
      'The school must normally reply to a subject access request within one calendar month.',
      '',
      '4.1 Whole-class messages go out through the Arbor app and are sent by the school office, not',
      'by class teachers.',
      '',
      'Foxhollow Infant & Nursery – Page 2 of 6',
    ]);
    // Small print whose number nothing in the text refers to stays where it is.
    const plain = pageText(page.filter((_, i) => i !== 3), 10.5);
    expect(plain).toContain('1\nThe school must normally reply');
  });

  it('reads packed rows (no cell padding) by which columns a line fills', () => {
    const text = pageText([
      run('Record', 60, 700),
      run('Retention period', 260, 700),
      run('Staff mailbox (inbox, sent,', 60, 687),
      run('24 months from the date of the message', 260, 687),
      run('folders)', 60, 674),
      run('Deleted Items folder', 60, 661),
      run('30 days', 260, 661),
    ]);
    expect(text.split('\n')).toEqual(['Record\tRetention period', 'Staff mailbox (inbox, sent, folders)\t24 months from the date of the message', 'Deleted Items folder\t30 days']);
  });

  it('splits a cell that runs right up to the next column at that column', () => {
    const text = pageText([
      run('If you need to…', 60, 700),
      run('Contact', 300, 700),
      // 47 characters: ends at x = 295, five points short of the second column.
      run('Report a data breach or email sent to the wrong', 60, 678),
      run('School Business Manager', 300, 678),
      run('Report a lost or stolen device', 60, 656),
      run('School Business Manager, same day', 300, 656),
    ]);
    expect(text.split('\n')[1]).toBe('Report a data breach or email sent to the wrong\tSchool Business Manager');
  });

  it('keeps a list inside a cell on its row, and text indented inside a column in the table', () => {
    const text = pageText([
      run('Body text is set fifteen points apart, as in the rest of the policy, line', 60, 760),
      run('after line after line.', 60, 745),
      run('Situation', 60, 700),
      run('Who to contact', 260, 700),
      run('Suspicious email', 60, 678),
      run('IT support desk:', 260, 678),
      // The list's bullets are drawn, not written; its items are indented and spaced off the line above.
      run('use the Report button in Outlook', 278, 655),
      run('do not click any links', 278, 640),
      run('Lost laptop', 60, 618),
      run('School Business Manager', 260, 618),
    ]);
    expect(text.split('\n').slice(-3)).toEqual([
      'Situation\tWho to contact',
      'Suspicious email\tIT support desk: use the Report button in Outlook do not click any links',
      'Lost laptop\tSchool Business Manager',
    ]);
  });

  it('marks lines set larger than the body text as headings and keeps paragraphs apart', () => {
    const runs = [
      run('Sending information securely', 60, 700, 14),
      run('Before sending anything containing personal data, decide which', 60, 680),
      run('classification it falls into.', 60, 667),
      run('Autocomplete is the most common cause of breaches.', 60, 640),
    ];
    expect(bodySize(runs)).toBe(11);
    expect(pageText(runs, bodySize(runs)).split('\n')).toEqual([
      `${HEADING_HINT}Sending information securely`,
      '',
      'Before sending anything containing personal data, decide which',
      'classification it falls into.',
      '',
      'Autocomplete is the most common cause of breaches.',
    ]);
  });

  it('joins glyph runs of one word and spaces separate words', () => {
    expect(pageText([run('Elmstead Primary School – Sta', 60, 700), { text: 'ff', x: 205.5, y: 700, width: 8, size: 11 }, run('Email Policy', 216, 700)])).toBe(
      'Elmstead Primary School – Staff Email Policy',
    );
  });

  it('reads a table set inside a numbered clause by its own columns, not the clause number and text', () => {
    const text = pageText([
      run('2.1', 60, 745),
      run('The table below sets out who is responsible for what under this policy.', 100, 745),
      run('Role', 93, 715),
      run('Responsibilities', 190, 715),
      run('How to contact', 420, 715),
      run('Trust Board', 93, 693),
      run('Approves this policy. Receives a report on data', 190, 693),
      run('incidents.', 190, 680),
      run('Via the Clerk', 420, 693),
      run('Principal', 93, 658),
      run('Approves delegated mailbox access.', 190, 658),
      run('Academy office', 420, 658),
    ]);
    expect(text.split('\n').filter(Boolean)).toEqual([
      '2.1\tThe table below sets out who is responsible for what under this policy.',
      'Role\tResponsibilities\tHow to contact',
      'Trust Board\tApproves this policy. Receives a report on data incidents.\tVia the Clerk',
      'Principal\tApproves delegated mailbox access.\tAcademy office',
    ]);
  });

  it('finds a column that the first line ran into its neighbour from the lines below it', () => {
    const text = pageText([
      // "What has happened or what" ends at x = 185, 10 points before the second column: one cell gap too few.
      run('What has happened or what', 60, 700),
      run('Who to contact', 195, 700),
      run('How', 330, 700),
      run('Lost device', 60, 670),
      run('School Business Manager', 195, 670),
      run('In person, same day', 330, 670),
    ]);
    expect(text.split('\n').filter(Boolean)).toEqual(['What has happened or what\tWho to contact\tHow', 'Lost device\tSchool Business Manager\tIn person, same day']);
  });

  it('keeps clauses set beside their numbers line by line, so the lists inside them stay lists', () => {
    const text = pageText([
      run('7.1', 60, 745),
      run('In this policy, sensitive data includes:', 100, 745),
      run('•', 100, 730),
      run('health information, including:', 115, 730),
      run('o', 115, 715),
      run('medical conditions and allergies;', 130, 715),
      run('7.2', 60, 700),
      run('Sensitive data must be encrypted when it leaves the academy.', 100, 700),
    ]);
    expect(text.split('\n').filter(Boolean)).toEqual([
      '7.1\tIn this policy, sensitive data includes:',
      '• health information, including:',
      'o medical conditions and allergies;',
      '7.2\tSensitive data must be encrypted when it leaves the academy.',
    ]);
  });

  it('keeps the lines of a title in large type together, though they are set further apart than body text', () => {
    const body = Array.from({ length: 6 }, (_, i) => run('Body text of the policy set in eleven point type, fifteen points apart.', 62, 500 - 15 * i));
    const runs = [run('Staff Email and', 62, 600, 28), run('Data Protection Policy', 62, 566, 28), ...body];
    expect(pageText(runs, bodySize(runs)).split('\n').slice(0, 3)).toEqual([`${HEADING_HINT}Staff Email and`, `${HEADING_HINT}Data Protection Policy`, '']);
  });
  it('reads a page set in two columns down the left column, then the right, around a banner across both', () => {
    // Each column is 45 characters (225 points) wide, the right starting at 320: a 35-point gutter.
    const left = ['1.1 Use your school account for all school', 'business, including every message to parents', 'and to other schools.', '1.2 Never forward school email to a personal', 'account such as Gmail or Hotmail, and never', 'set up a rule that forwards it for you.'];
    const right = ['2.1 Lock your screen whenever you leave the', 'room, even for a minute, and never share your', 'password with anyone.', '2.2 Report a lost laptop or phone to the', 'IT helpdesk on the same day, before you go', 'home, so that it can be wiped remotely.'];
    const runs = [
      run('Staff Handbook: Email, Devices and Online Safety for all staff and governors', 60, 760),
      ...left.map((t, i) => run(t, 60, 720 - 13 * i)),
      ...right.map((t, i) => run(t, 320, 720 - 13 * i)),
    ];
    expect(pageText(runs).split('\n')).toEqual(['Staff Handbook: Email, Devices and Online Safety for all staff and governors', '', ...left, ...right]);
  });

  it('keeps a running header and footer whole above and below the columns', () => {
    const left = Array.from({ length: 6 }, (_, i) => `Left column line ${i + 1} of the policy text here, set full`);
    const right = Array.from({ length: 6 }, (_, i) => `Right column line ${i + 1} of the policy text, set full`);
    const runs = [
      run('Staff Handbook 2026', 60, 764, 8),
      run('Section 6: Email', 470, 764, 8),
      ...left.map((t, i) => run(t, 60, 738 - 13 * i)),
      ...right.map((t, i) => run(t, 320, 738 - 13 * i)),
      run('Oak Academy', 60, 640, 8),
      run('31', 530, 640, 8),
    ];
    expect(pageText(runs).split('\n')).toEqual(['Staff Handbook 2026\tSection 6: Email', '', ...left, ...right, '', 'Oak Academy\t31']);
  });

  it('marks a heading in one column without marking the line level with it in the other', () => {
    const left = ['1.1 Use your school account for all school', 'business, including every message to parents', 'and to other schools.', '• tell the School Business Manager the same', 'day, in person or on the office extension,', 'before you go home.'];
    const right = ['2.1 Lock your screen whenever you leave the', 'room, even for a minute, and never share your', 'password with anyone.', '3.1 Return your laptop and badge to the office', 'on your last day, before you go home, so that', 'IT can wipe it and pass it on to a colleague.'];
    const runs = [
      ...left.map((t, i) => run(t, 60, 720 - 13 * i)),
      ...right.map((t, i) => run(t, 320, 720 - 13 * i - (i > 2 ? 26 : 0))),
      // Set in larger type a point and a half below the bullet beside it: near enough to share its line.
      run('3. Leaving', 320, 679.5, 14),
    ];
    const lines = pageText(runs, bodySize(runs)).split('\n');
    expect(lines).toContain(`${HEADING_HINT}3. Leaving`);
    expect(lines).toContain(left[3]);
  });

  it("splits a table's first lines whose cells run close together at the columns the lines below show", () => {
    // Columns at 60, 200 and 340; the first two lines' cells end 5 points short of the next column.
    const text = pageText([
      run('Type of email or the record', 60, 700),
      run('How long it is kept today', 200, 700),
      run('What happens then', 340, 700),
      run('Inbox, Sent Items and your', 60, 687),
      run('2 years from the date sent', 200, 687),
      run('Deleted automatically', 340, 687),
      run('own folders', 60, 674),
      run('or received', 200, 674),
      run('Deleted Items folder', 60, 661),
      run('30 days', 200, 661),
      run('Permanently deleted', 340, 661),
    ]);
    expect(text.split('\n')).toEqual([
      'Type of email or the record\tHow long it is kept today\tWhat happens then',
      'Inbox, Sent Items and your own folders\t2 years from the date sent or received\tDeleted automatically',
      'Deleted Items folder\t30 days\tPermanently deleted',
    ]);
  });

  it('leaves a table whose label column is short as rows, though its columns leave a gutter', () => {
    const rows = [['Version', '4.2, approved by the governing board in June'], ['Owner', 'School Business Manager, who reviews it'], ['Review', 'Every year, or sooner if the law changes'], ['Applies to', 'All staff, governors and volunteers'], ['Contact', 'office@oak.sch.uk or the school office'], ['Status', 'Published on the staff SharePoint site']];
    const runs = rows.flatMap(([label, value], i) => [run(label!, 60, 700 - 13 * i), run(value!, 320, 700 - 13 * i)]);
    expect(pageText(runs).split('\n')).toEqual(rows.map((r) => r.join('\t')));
  });

  it("reads a justified line whose words and spaces are placed one by one as words, not a table's cells", () => {
    const word = (text: string, x: number): TextRun => ({ text, x, y: 700, width: text.length * 5, size: 9 });
    const space = (x: number, width: number): TextRun => ({ text: ' ', x, y: 700, width, size: 0 });
    // Spaces 20 points wide, where 1.5 font sizes (13.5 points) would part two cells.
    const text = pageText([word('number', 60), space(90, 20), word('or', 110), space(120, 20), word('symbol', 140)]);
    expect(text).toBe('number or symbol');
  });
  it('lays out a malformed page of 200,000 runs without running out of stack', () => {
    const runs = Array.from({ length: 200_000 }, (_, i) => ({ text: 'x', x: 60 + (i % 400), y: 800 - Math.floor(i / 400), width: 1, size: 1 }));
    expect(() => pageText(runs)).not.toThrow();
  });
});
