import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ingestedPolicy, markdownPolicy, paragraphsOf } from '../../../test/support/policy.ts';
import { ingest, type PolicyDocument } from './index.ts';

const byNumber = (d: PolicyDocument, n: string) => d.sections.find((s) => s.number === n);

describe('ingest markdown', () => {
  const md = [
    '# Riverside Email Policy',
    '',
    'Policy contact: the Office Manager, office@riverside.sch.uk',
    '',
    '## 1. Scope',
    '',
    '1.1 This policy applies to **all** staff and',
    'volunteers.',
    '',
    '## 2. Attachments',
    '',
    '| Topic | Rule |',
    '|---|---|',
    '| Size | 5 MB at most |',
    '',
    '- Use the [shared drive](https://example.org) for big files',
    '* Never attach pupil data',
  ].join('\n');

  it('keeps headings, clause numbers, rows and bullets', async () => {
    const d = await ingestedPolicy({ bytes: md, type: 'md' });
    expect(d.title).toBe('Riverside Email Policy');
    expect(d.contact).toBe('the Office Manager, office@riverside.sch.uk');
    const scope = byNumber(d, '1')!;
    expect(scope.heading).toBe('Scope');
    expect(scope.path).toEqual(['Riverside Email Policy', 'Scope']);
    expect(scope.paragraphs[0]).toMatchObject({ number: '1.1', text: 'This policy applies to all staff and volunteers.' });
    const attachments = byNumber(d, '2')!;
    expect(attachments.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['row', 'Size | 5 MB at most'],
      ['bullet', 'Use the shared drive for big files'],
      ['bullet', 'Never attach pupil data'],
    ]);
  });

  it('decodes entity references left by a Word or CMS paste, and drops a spacer line of &nbsp;', async () => {
    const pasted = ['# Ash Lane Email Policy', '', '## 3. Parents', '', '3.1 Use Bcc for parents&nbsp;&amp; carers.', '', '&nbsp;', '', '3.2 Reply within two days.'].join('\n');
    const d = await ingestedPolicy({ bytes: pasted, type: 'md' });
    expect(byNumber(d, '3')!.paragraphs.map((p) => p.text)).toEqual(['Use Bcc for parents & carers.', 'Reply within two days.']);
  });

  it('reduces emphasis to its text, inside a word too, but leaves underscores in names and spaced asterisks alone', async () => {
    const d = await markdownPolicy('# Policy\n\n## 1. Email\n\nSta**ff** must use e*mail* only for *school* business; save it as file_name_v2 and 5 * 3 * 2.\n');
    expect(d.sections[0]!.paragraphs[0]!.text).toBe('Staff must use email only for school business; save it as file_name_v2 and 5 * 3 * 2.');
  });

  it('reads the number of a heading that opens with an emoji, and leaves the emoji out', async () => {
    const d = await markdownPolicy(['# Handbook', '', '## 📧 3. Using school email', '', 'Check your email daily.', '', '## ⚠️ 8. Mistakes', '', '8.1 Tell the DPO.'].join('\n'));
    expect(d.sections.map((s) => [s.number, s.heading])).toEqual([
      ['3', 'Using school email'],
      ['8', 'Mistakes'],
    ]);
  });

  it("reads a Notion page's callouts without their quote marks or <aside> tags, and a toggle's content as part of its item", async () => {
    const d = await markdownPolicy(
      [
        '# Staff guidance',
        '',
        '## Phishing',
        '',
        '> ⚠️ **Important:** report a phishing email with the Report button.',
        '> ',
        '<aside>',
        '💡 **Tip:** if in doubt, ask IT.',
        '',
        '</aside>',
        '',
        '- What if someone rings me asking for my password?',
        '    ',
        '    Hang up. Nobody at the school will ever ask for it.',
        '    ',
        '- A list item of its own',
        '',
        'A paragraph after the list.',
      ].join('\n'),
    );
    expect(d.sections[0]!.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['para', '⚠️ Important: report a phishing email with the Report button.'],
      ['para', '💡 Tip: if in doubt, ask IT.'],
      ['bullet', 'What if someone rings me asking for my password? Hang up. Nobody at the school will ever ask for it.'],
      ['bullet', 'A list item of its own'],
      ['para', 'A paragraph after the list.'],
    ]);
  });

  it("reads pandoc's Markdown: its title block, escapes, attributes, footnotes and grid and multiline tables", async () => {
    const md = [
      '---',
      'title: Staff Email Policy',
      '---',
      '',
      '# 5. Attachments {#attachments .unnumbered}',
      '',
      '5\\.1 Addresses [must]{.underline} go in BCC; see \\[Academy name\\] contacts.[^1]',
      '',
      '+------------------+-------------------------+',
      '| Role             | Responsibility          |',
      '+==================+=========================+',
      '| Chief Executive  | Authorises access to a  |',
      '| Officer (CEO)    | mailbox                 |',
      '+------------------+-------------------------+',
      '',
      '  ----------------------------------------------',
      '  Item                  Retention period',
      '  --------------------- ------------------------',
      '  Mailbox of a leaver   90 days after the last',
      '                        working day',
      '',
      '  Deleted Items         Emptied after 30 days',
      '  ----------------------------------------------',
      '',
      '[^1]: Ask dpo\\@oak.sch.uk.',
    ].join('\n');
    const d = await ingestedPolicy({ bytes: md, type: 'md' });
    expect(d.title).toBe('Staff Email Policy');
    const section = d.sections.find((s) => s.number === '5');
    expect(section?.heading).toBe('Attachments');
    expect(section?.paragraphs.map((p) => [p.kind, p.number, p.text, p.label])).toEqual([
      ['para', '5.1', 'Addresses must go in BCC; see [Academy name] contacts.', undefined],
      ['row', '5.1', 'Chief Executive Officer (CEO) | Authorises access to a mailbox', 'Chief Executive Officer (CEO)'],
      ['row', '5.1', 'Mailbox of a leaver | 90 days after the last working day', 'Mailbox of a leaver'],
      ['row', '5.1', 'Deleted Items | Emptied after 30 days', 'Deleted Items'],
      // The note on 5.1, after the tables that follow the clause.
      ['para', '5.1', 'Ask dpo@oak.sch.uk.', undefined],
    ]);
  });

  it("reads a MkDocs Material page: an admonition's or tab's title labels its content; notes follow their paragraph; abbreviations and snippets are not text", async () => {
    const md = [
      '## 6. Passwords { #passwords }',
      '',
      '6.1 Use a passphrase of three random words.[^1]',
      '',
      '!!! warning "Never share your password"',
      '    Not even with a supply teacher for the day.',
      '',
      '??? note',
      '    IT will never ask for it.',
      '',
      '6.2 We monitor:',
      '',
      '- sign-in logs;[^2]',
      '- web filtering.',
      '',
      '=== "iPad"',
      '',
      '    Lock it with a six-digit passcode.',
      '',
      '6.3 Report a lost device the same day.',
      '',
      '[^1]: NCSC guidance.',
      '[^2]: Kept for 90 days.',
      '',
      '*[DSL]: Designated Safeguarding Lead',
      '--8<-- "includes/abbreviations.md"',
    ].join('\n');
    const d = await markdownPolicy(md);
    expect(d.sections.flatMap((s) => s.paragraphs.map((p) => [p.kind, p.number, p.text, p.label]))).toEqual([
      ['para', '6.1', 'Use a passphrase of three random words.', undefined],
      ['para', '6.1', 'NCSC guidance.', undefined],
      ['para', undefined, 'Not even with a supply teacher for the day.', 'Never share your password'],
      ['para', undefined, 'IT will never ask for it.', 'Note'],
      ['para', '6.2', 'We monitor:', undefined],
      ['bullet', '6.2', 'sign-in logs;', undefined],
      ['bullet', '6.2', 'web filtering.', undefined],
      ['para', '6.2', 'Kept for 90 days.', undefined],
      ['para', undefined, 'Lock it with a six-digit passcode.', 'iPad'],
      ['para', '6.3', 'Report a lost device the same day.', undefined],
    ]);
  });

  it("reads Docs to Markdown's output: its HTML tables as rows, without its comments, alerts or image placeholders", async () => {
    const md = [
      '<!-- Output copied to clipboard! -->',
      '<!-----',
      'Conversion notes:',
      '* Tables are currently converted to HTML tables.',
      '----->',
      '<p style="color: red; font-weight: bold">>>>>>  gd2md-html alert:  ERRORs: 0; WARNINGs: 0; ALERTS: 1.</p>',
      '![alt_text](images/image1.png "image_tooltip")',
      '',
      '## 12. Retention',
      '',
      '12.3 The table below shows how long records are kept.',
      '',
      '<table>',
      '  <tr>',
      '   <td><strong>Record</strong>',
      '   </td>',
      '   <td><strong>Kept for</strong>',
      '   </td>',
      '  </tr>',
      '  <tr>',
      '   <td>Data breach log',
      '   </td>',
      '   <td>6 years',
      '   </td>',
      '  </tr>',
      '  <tr><td>Safeguarding records</td><td>Until transferred</td></tr>',
      '</table>',
    ].join('\n');
    const d = await ingestedPolicy({ bytes: md, type: 'md' });
    expect(d.sections.flatMap((s) => s.paragraphs.map((p) => [p.kind, p.number, p.text]))).toEqual([
      ['para', '12.3', 'The table below shows how long records are kept.'],
      ['row', '12.3', 'Data breach log | 6 years'],
      ['row', '12.3', 'Safeguarding records | Until transferred'],
    ]);
  });

  it('hashes the normalised text', async () => {
    const a = await ingestedPolicy({ bytes: md, type: 'md' });
    const b = await ingestedPolicy({ bytes: md.replace('volunteers.', 'volunteers.   '), type: 'md' });
    const c = await ingestedPolicy({ bytes: md.replace('5 MB', '10 MB'), type: 'md' });
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.contentHash).toBe(a.contentHash);
    expect(c.contentHash).not.toBe(a.contentHash);
  });

  it('drops a contents list, which names sections but states nothing', async () => {
    const md = ['# Oak Lane Email Policy', '', '## Contents', '', '1. Scope', '2. Monitoring', '3. Leaving', '', '## 1. Scope', '', 'All staff.'].join('\n');
    const d = await ingestedPolicy({ bytes: md, type: 'md' });
    expect(d.sections.map((s) => [s.heading, s.paragraphs.map((p) => p.text)])).toEqual([['Scope', ['All staff.']]]);
  });

  it('drops a divider line, and reads a line underlined with === or --- as a heading', async () => {
    const md = ['Oak Lane Email Policy', '===', '', 'Approved by governors.', '', '---', '', 'Scope', '---', 'All staff.', '', '***'].join('\n');
    const d = await ingestedPolicy({ bytes: md, type: 'md' });
    expect(d.title).toBe('Oak Lane Email Policy');
    expect(d.sections.map((s) => [s.heading, s.path.length, s.paragraphs.map((p) => p.text)])).toEqual([
      ['Oak Lane Email Policy', 1, ['Approved by governors.']],
      ['Scope', 2, ['All staff.']],
    ]);
  });

  it("gives an unnumbered sub-heading its section's number, and returns the section's clauses after a summary box to the section", async () => {
    const boxed = [
      '## 3. Using school email',
      '',
      '### Rules at a glance',
      '',
      '1. Use your school account for school business.',
      '2. Do not forward email to a personal address.',
      '',
      '**3.1** We are strict because data that leaves the school cannot be deleted.',
      '',
      '## 7. Devices',
      '',
      '### School laptops',
      '',
      '**7.1** Keep your laptop out of sight in a car.',
    ].join('\n');
    const d = await ingestedPolicy({ bytes: boxed, type: 'md' });
    expect(d.sections.map((s) => [s.number, s.heading, s.paragraphs.map((p) => p.number ?? '-')])).toEqual([
      ['3', 'Using school email', ['3.1']],
      ['3', 'Rules at a glance', ['-', '-']],
      ['7', 'School laptops', ['7.1']],
    ]);
  });

  it("reads an appendix's clauses numbered with its letter ('B.5 …') as numbered clauses", async () => {
    const text = ['# Trust Email Policy', '', '## Appendix B – Local arrangements', '', 'B.1 Parents email the office address.', '', 'B.5 Personal phones are kept in the staffroom lockers.', '', 'A4 paper is ordered through the office.'].join('\n');
    const numbers = (await paragraphsOf({ bytes: text, type: 'md' })).map((p) => [p.number ?? '-', p.text]);
    expect(numbers).toEqual([
      ['B.1', 'Parents email the office address.'],
      ['B.5', 'Personal phones are kept in the staffroom lockers.'],
      ['-', 'A4 paper is ordered through the office.'],
    ]);
  });

  it('files the lettered items of a clause that introduces them, read as paragraphs, under that clause and not its section', async () => {
    const text = [
      '10. Sending personal information',
      '',
      '10.6 If an email containing personal data goes to the wrong person, the member of staff must:',
      '',
      'a) tell their line manager and the Data Protection Lead on the same day;',
      '',
      'b) ask the recipient to delete it.',
      '',
      '10.7 Large files are shared as links.',
      '',
      'Links expire after 30 days.',
    ].join('\n');
    const numbers = (await paragraphsOf({ bytes: text, type: 'txt' })).map((p) => [p.number ?? '-', p.text.slice(0, 12)]);
    expect(numbers).toEqual([
      ['10.6', 'If an email '],
      ['10.6', 'a) tell thei'],
      ['10.6', 'b) ask the r'],
      ['10.7', 'Large files '],
      ['-', 'Links expire'],
    ]);
  });

  it("reads a rule set out on its own line ('Don't accept …') as a paragraph, not a heading", async () => {
    const text = ['Appendix 1: Facebook guidance for staff', '', "Don't accept friend requests from pupils on social media", '', 'Social media rules for staff', '', '- Check your privacy settings regularly'].join('\n');
    const d = await ingestedPolicy({ bytes: text, type: 'txt' });
    expect(d.sections.map((s) => s.heading)).not.toContain("Don't accept friend requests from pupils on social media");
    expect((await paragraphsOf({ bytes: text, type: 'txt' })).map((p) => p.text)).toContain("Don't accept friend requests from pupils on social media");
  });

  it("files the items under a numbered clause set out as a list item ('- 3.1 … as follows:-') under that clause, read with it", async () => {
    const text = [
      '3. Guidance and advice',
      '',
      '- 3.1 Staff who use social networking sites are advised as follows:-',
      '- (i) That they do not accept pupils as friends;',
      '- (ii) That they check their privacy settings.',
      '- 3.2 Staff should report concerns to the DSL.',
    ].join('\n');
    const items = (await paragraphsOf({ bytes: text, type: 'txt' })).map((p) => [p.number ?? '-', p.text.slice(0, 12), p.leadIn?.slice(0, 9) ?? '-']);
    expect(items).toEqual([
      ['3.1', 'Staff who us', '-'],
      ['3.1', 'That they do', 'Staff who'],
      ['3.1', 'That they ch', 'Staff who'],
      ['3.2', 'Staff should', '-'],
    ]);
  });
});

describe('ingest html', () => {
  it("reads a Google Docs page published to the web: the numbers its style sheet draws before list items, without Google's banner and footer", async () => {
    const css = [
      "@import url('https://themes.googleusercontent.com/fonts/css?kit=abc');.lst-kix_q1-0>li:before{content:\"\" counter(lst-ctn-kix_q1-0,decimal) \". \"}",
      '.lst-kix_q1-1>li:before{content:"" counter(lst-ctn-kix_q1-0,decimal) "." counter(lst-ctn-kix_q1-1,decimal) " "}',
      '.lst-kix_q1-2>li:before{content:"(" counter(lst-ctn-kix_q1-2,lower-latin) ") "}',
      '.lst-kix_q1-0>li{counter-increment:lst-ctn-kix_q1-0}.lst-kix_q1-1>li{counter-increment:lst-ctn-kix_q1-1}.lst-kix_q1-2>li{counter-increment:lst-ctn-kix_q1-2}',
      '.lst-kix_b1-0>li:before{content:"\\0025cf   "}.lst-kix_b1-0>li{counter-increment:lst-ctn-kix_b1-0}',
    ].join('');
    const html = [
      `<html><head><title>Staff Email Policy</title><style type="text/css">${css}</style></head><body>`,
      '<div id="banners"><div id="publish-banner">Published using Google Docs<a>Report abuse</a></div><div id="title-banner"><div id="interval">Updated automatically every 5 minutes</div></div></div>',
      '<div id="contents">',
      '<ol class="c1 lst-kix_q1-0 start" start="1"><li class="c2"><h1 style="display:inline"><span>Email</span></h1></li></ol>',
      '<ol class="c3 lst-kix_q1-1 start" start="1"><li><span>Use your school account.</span></li><li><span>Do not forward school email to a personal account.</span></li></ol>',
      '<ol class="c1 lst-kix_q1-0" start="2"><li class="c2"><h1 style="display:inline"><span>Mistakes</span></h1></li></ol>',
      '<ol class="c3 lst-kix_q1-1 start" start="1"><li><span>If you send personal data to the wrong person, you must:</span></li></ol>',
      '<ol class="c3 lst-kix_q1-2 start" start="1"><li><span>ask them to delete it;</span></li></ol>',
      '<ul class="c3 lst-kix_b1-0 start"><li><span>Keep a note of what was sent.</span></li></ul>',
      '</div><div id="footer">Published by Google Docs–Report abuse–Updated automatically every 5 minutes</div></body></html>',
    ].join('');
    const d = await ingestedPolicy({ bytes: html, type: 'html' });
    expect(d.sections.map((x) => [x.number, x.heading, x.paragraphs.map((p) => [p.kind, p.number ?? '-', p.text])])).toEqual([
      ['1', 'Email', [['para', '1.1', 'Use your school account.'], ['para', '1.2', 'Do not forward school email to a personal account.']]],
      ['2', 'Mistakes', [['para', '2.1', 'If you send personal data to the wrong person, you must:'], ['bullet', '2.1', 'ask them to delete it;'], ['bullet', '2.1', 'Keep a note of what was sent.']]],
    ]);
  });

  it('keeps h1–h6, li, p and table rows, and drops scripts', async () => {
    const html = `<html><head><title>Oak Lane AUP</title><style>p{}</style></head><body>
      <h1>Oak Lane AUP</h1><script>alert(1)</script>
      <h2>3. Passwords</h2><p>Passwords must be at least&nbsp;10 characters &amp; never shared.</p>
      <ul><li>Change it each term</li><li>Lock your screen</li></ul>
      <table><tr><th>Who</th><td>Network manager</td></tr></table></body></html>`;
    const d = await ingestedPolicy({ bytes: new TextEncoder().encode(html), type: 'html' });
    expect(d.title).toBe('Oak Lane AUP');
    const s = byNumber(d, '3')!;
    expect(s.heading).toBe('Passwords');
    expect(s.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['para', 'Passwords must be at least 10 characters & never shared.'],
      ['bullet', 'Change it each term'],
      ['bullet', 'Lock your screen'],
      ['row', 'Who | Network manager'],
    ]);
    expect(JSON.stringify(d)).not.toContain('alert');
  });

  it('takes the title from the paragraph styled as the title in a Google Docs or Word export, not from the first heading', async () => {
    const html = `<html><body><p class="c23"><span>Larch Hill School</span></p>
      <p class="c20 title" id="h.x"><span class="c19">Staff Email Policy</span></p><p>Version 2</p>
      <h1 class="c13"><span>1. Purpose and scope</span></h1><p>1.1 This policy applies to all staff.</p></body></html>`;
    const d = await ingestedPolicy({ bytes: new TextEncoder().encode(html), type: 'html' });
    expect(d.title).toBe('Staff Email Policy');
    expect(d.sections.map((s) => [s.number ?? '', s.heading, s.paragraphs.map((p) => p.text)])).toEqual([
      ['', 'Staff Email Policy', ['Larch Hill School']],
      ['', 'Staff Email Policy', ['Version 2']],
      ['1', 'Purpose and scope', ['This policy applies to all staff.']],
    ]);
    const word = await ingestedPolicy({ bytes: '<body><p class=MsoTitle>Oak Lane AUP</p><h1>1. Email</h1><p>Use your school account.</p></body>', type: 'html' });
    expect(word.title).toBe('Oak Lane AUP');
  });

  it("leaves out a web page's breadcrumbs, sidebar and site footer", async () => {
    const html = `<body><nav>Home &rsaquo; Policies &rsaquo; Staff</nav><h1>Oak Lane AUP</h1>
      <aside><h3>In this section</h3><ul><li>Admissions</li></ul></aside>
      <h2>1. Email</h2><p>Use your school account.</p><footer><p>&copy; 2025 Oak Lane School. Website by SchoolCMS</p></footer></body>`;
    const d = await ingestedPolicy({ bytes: html, type: 'html' });
    expect(d.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)])).toEqual(['Email', 'Use your school account.']);
    // A CMS that marks its furniture by class rather than by element, with nested <div>s inside it.
    const cms = `<body><div class="header-strip"><a href="#main">Skip to content</a></div><div class="breadcrumb">Home &gt; Policies</div>
      <div class="row"><div class="col-md-9"><h2>1. Email</h2><p>Use your school account.</p></div>
      <div class="col-md-3 sidebar"><div class="widget"><h3>In this section</h3><ul><li>Governors</li></ul></div></div></div>
      <p>Last reviewed September 2025.</p></body>`;
    const c = await ingestedPolicy({ bytes: cms, type: 'html' });
    expect(c.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)])).toEqual(['Email', 'Use your school account.', 'Last reviewed September 2025.']);
  });

  it("reads a Confluence export: its table of contents left out, and a panel's title kept in its section, not taken for the document's title", async () => {
    const html = `<html><head><title>IT : Email Policy</title></head><body><div id="main-content" class="wiki-content group">
      <p>This page is the live version of the policy.</p>
      <div class="toc-macro rbtoc1"><ul><li><a href="#1">1. Purpose</a></li><li><a href="#7">7. Sensitive information</a></li></ul></div>
      <h1>1. Purpose</h1><p>1.1 This policy covers school email.</p>
      <h1>7. Sensitive information</h1><p>7.1 Encrypt anything sensitive.</p>
      <div class="confluence-information-macro confluence-information-macro-warning"><p class="title">Check before you send</p>
      <div class="confluence-information-macro-body"><p>Autocomplete causes most breaches.</p></div></div>
      <h1>8. Mistakes</h1><p>8.1 Tell the business manager.</p></div></body></html>`;
    const d = await ingestedPolicy({ bytes: html, type: 'html' });
    expect(d.title).toBe('IT : Email Policy');
    expect(d.sections.map((s) => [s.number, s.heading, s.paragraphs.map((p) => p.text)])).toEqual([
      [undefined, 'IT : Email Policy', ['This page is the live version of the policy.']],
      ['1', 'Purpose', ['This policy covers school email.']],
      ['7', 'Sensitive information', ['Encrypt anything sensitive.', 'Check before you send', 'Autocomplete causes most breaches.']],
      ['8', 'Mistakes', ['Tell the business manager.']],
    ]);
  });

  it("leaves out a SharePoint page's suite bar, command bar, title banner, social bar and comments", async () => {
    const html = `<body><div id="SuiteNavWrapper" class="o365sx-navbar" role="banner"><span>SharePoint</span><button>KA</button></div>
      <div data-automationid="SiteHeader"><span>Vale Staff Hub</span><button>Following</button><span>412 members</span></div>
      <div class="ms-CommandBar" role="menubar"><button>New</button><button>Page details</button><span>Published 02/09/2024</span></div>
      <div class="pageTitle_fc9fd" role="banner"><div role="heading" aria-level="1">Email Standard</div><div>Kerry Ashworth</div></div>
      <div data-sp-feature-tag="Rich Text Editor"><h2>1. Email</h2><p>1.1 Use your school account.</p></div>
      <div class="pageFooter_4d1" data-automation-id="pageFooter"><div class="ms-SocialBar">Was this page helpful?<button>Yes</button></div><span>1,046 views</span></div>
      <div id="CommentsWrapper" data-sp-feature-tag="Comments"><div>Comments</div><ul><li><div>Lucy</div><div>Where is the form?</div></li></ul></div></body>`;
    const d = await ingestedPolicy({ bytes: html, type: 'html' });
    expect(d.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)])).toEqual(['Email', 'Use your school account.']);
  });

  it('reads a WordPress page whose <body> class names its sidebar layout, leaving out the top bar, the cookie bar and the sidebar itself', async () => {
    // Astra and other themes put "ast-right-sidebar" or "no-sidebar" on every page's <body>.
    const html = `<body class="page ast-right-sidebar"><div id="cookie-law-info-bar"><span>This website uses cookies.</span></div>
      <div class="top-bar"><span class="top-bar__phone">01278 640 215</span> <a href="/staff-area/">Staff Area</a></div>
      <main class="site-main"><h1>Oak Lane AUP</h1><h2>1. Email</h2><p>Use your school account.</p></main>
      <div class="sidebar-primary widget-area"><h2>Latest news</h2><p>Sports day results</p></div></body>`;
    const d = await ingestedPolicy({ bytes: html, type: 'html' });
    expect(d.sections.flatMap((s) => [s.heading, ...s.paragraphs.map((p) => p.text)])).toEqual(['Email', 'Use your school account.']);
  });

  it("reads an accordion's <summary> and a paragraph set all in bold as headings, but not a bold rule or a bold clause number", async () => {
    const html = `<body><h1>Oak Lane AUP</h1><h2>1. Purpose</h2><p>1.1 This policy applies to all staff.</p>
      <details><summary>Section 2: Devices</summary><p><strong>School laptops</strong></p><p>2.1 Keep your laptop with you.</p>
      <p><strong>2.2</strong> Lock your screen when you leave it.</p><p><strong>Do not lend your laptop to anyone.</strong></p></details>
      <details><summary>Section 3: Leaving</summary><p>3.1 Return your laptop.</p></details></body>`;
    const d = await ingestedPolicy({ bytes: html, type: 'html' });
    expect(d.sections.map((s) => `${s.number} ${s.heading}`)).toEqual(['1 Purpose', '2 School laptops', '3 Leaving']);
    expect(d.sections[1]!.paragraphs.map((p) => [p.number, p.text])).toEqual([
      ['2.1', 'Keep your laptop with you.'],
      ['2.2', 'Lock your screen when you leave it.'],
      [undefined, 'Do not lend your laptop to anyone.'],
    ]);
  });

  it("reads a Google Docs web page's headings, which it sets in bold by its style sheet's classes", async () => {
    // Google opens its sheet with an @import statement, right before the first rule.
    const html = `<html><head><style type="text/css">@import url('https://themes.googleusercontent.com/fonts/css?kit=x');.c4,.c9{font-weight:700}.c1{font-weight:400;font-size:11pt}
      .c6{height:11pt}</style></head><body class="c8 doc-content"><p class="c3 title"><span class="c1">Oak Lane AUP</span></p>
      <p class="c3"><span class="c4">1. Email</span></p><p class="c3"><span class="c1">1.1 Use your school account.</span></p>
      <p class="c3"><span class="c4">Personal email</span></p><p class="c3"><span class="c1">Never forward school email to </span><span class="c9">Gmail</span><span class="c1">.</span></p>
      <p class="c3"><span style="font-weight:bold">2. Devices</span></p><p class="c3"><span class="c1">Lock your screen.</span></p></body></html>`;
    const d = await ingestedPolicy({ bytes: html, type: 'html' });
    expect(d.sections.map((s) => [s.number, s.heading, s.paragraphs.map((p) => p.text)])).toEqual([
      ['1', 'Email', ['Use your school account.']],
      [undefined, 'Personal email', ['Never forward school email to Gmail.']],
      ['2', 'Devices', ['Lock your screen.']],
    ]);
  });

  it('keeps the style sheet\'s bold inside a page laid out in a one-column table', async () => {
    const html = `<html><head><style>.c4{font-weight:700}</style></head><body><table><tr><td>
      <p><span class="c4">1. Devices</span></p><p><span>1.1 Lock your screen.</span></p>
      <p><span class="c4">Personal phones</span></p><p><span>Use the Outlook app only.</span></p></td></tr></table></body></html>`;
    const d = await ingestedPolicy({ bytes: html, type: 'html' });
    expect(d.sections.map((s) => [s.number, s.heading, s.paragraphs.map((p) => p.text)])).toEqual([
      ['1', 'Devices', ['Lock your screen.']],
      [undefined, 'Personal phones', ['Use the Outlook app only.']],
    ]);
  });

  it("leaves a Google Docs page's review comments and their markers out of the policy text", async () => {
    const html = `<html><head><style>.c4{font-weight:700}</style></head><body><p><span class="c4">1. Leaving</span></p>
      <p><span>1.1 Your account is deleted 60 days after you leave</span><sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup><span> and cannot be recovered.</span></p>
      <div class="c22"><p class="c5"><a href="#cmnt_ref1" id="cmnt1">[a]</a><span>Diane, is 60 days right with the new licence? HP</span></p></div></body></html>`;
    const paragraphs = await paragraphsOf({ bytes: html, type: 'html' });
    expect(paragraphs.map((p) => p.text)).toEqual(['Your account is deleted 60 days after you leave and cannot be recovered.']);
  });

  it('joins text as a browser lays it out: spans split mid-word join, and paragraphs in a table cell stay a space apart', async () => {
    const html = `<body><h2>1. Email</h2><p>Check <span class=SpellE>Arbor</span>&#8217;s contact record. Use e<b>mail</b> only for
      <span>school</span> business.</p><table><tr><td><p>Sta<b>ff</b> mailbox</p><p>(inbox)</p></td><td>2 years</td></tr></table></body>`;
    const d = await ingestedPolicy({ bytes: html, type: 'html' });
    expect(d.sections.flatMap((x) => x.paragraphs.map((p) => p.text))).toEqual([
      'Check Arbor’s contact record. Use email only for school business.',
      'Staff mailbox (inbox) | 2 years',
    ]);
  });

  it("reads a Word web page's list paragraphs, which carry their bullet as text, as list items", async () => {
    const item = (text: string): string =>
      `<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>${text}</p>`;
    const html = `<body><h1>1. Email</h1><p class=MsoNormal>Staff must:</p>${item('use BCC for parents;')}${item('never forward school email to a personal account.')}</body>`;
    const d = await ingestedPolicy({ bytes: html, type: 'html' });
    expect(d.sections[0]!.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['para', 'Staff must:'],
      ['bullet', 'use BCC for parents;'],
      ['bullet', 'never forward school email to a personal account.'],
    ]);
  });

  it('splits a paragraph whose lines a CMS editor broke with <br> into its list items or clauses, and no other', async () => {
    const html = `<h2>1. Email</h2><p>Staff must:<br>• use BCC for parents;<br>• never forward email.</p>
      <p>6.1 Lock your screen.<br>6.2 Never share passwords.</p><p>Oakfield Primary<br>Church Lane<br>Oakfield</p>`;
    const d = await ingestedPolicy({ bytes: html, type: 'html' });
    expect(d.sections.flatMap((x) => x.paragraphs.map((p) => [p.kind, p.number, p.text]))).toEqual([
      ['para', undefined, 'Staff must:'],
      ['bullet', undefined, 'use BCC for parents;'],
      ['bullet', undefined, 'never forward email.'],
      ['para', '6.1', 'Lock your screen.'],
      ['para', '6.2', 'Never share passwords.'],
      ['para', undefined, 'Oakfield Primary Church Lane Oakfield'],
    ]);
  });

  it('reads a page laid out in a one-column table as its headings, clauses and lists, keeping a real table inside it', async () => {
    const html = `<body><table width="100%"><tr><td><h1>Oak Lane Staff Email Policy</h1><h2>1. Email</h2>
      <p>1.1 Use your school account.</p><ul><li>Never forward email.</li><li>Use BCC.</li></ul>
      <table><tr><th>Record</th><th>Kept</th></tr><tr><td>Inbox</td><td>2 years</td></tr><tr><td>Deleted Items</td><td>30 days</td></tr></table>
      </td></tr></table><h2>2. Leaving</h2><p>2.1 Return your laptop.</p></body>`;
    const d = await ingestedPolicy({ bytes: html, type: 'html' });
    expect(d.sections.map((x) => [x.number, x.heading, x.paragraphs.map((p) => [p.kind, p.text])])).toEqual([
      ['1', 'Email', [['para', 'Use your school account.'], ['bullet', 'Never forward email.'], ['bullet', 'Use BCC.'], ['row', 'Inbox | 2 years'], ['row', 'Deleted Items | 30 days']]],
      ['2', 'Leaving', [['para', 'Return your laptop.']]],
    ]);
  });

  it('treats a doctype and declarations as markup, and decodes the named entities CMS exports use', async () => {
    const html = `<!DOCTYPE html>\n<?xml-stylesheet href="x"?><html><body><p>Home &rsaquo; Policies &raquo; Staff</p>
      <h2>1. Email</h2><p>Reply within 2&ndash;3 days&hellip;</p></body></html>`;
    const d = await ingestedPolicy({ bytes: new TextEncoder().encode(html), type: 'html' });
    const text = d.sections.flatMap((s) => s.paragraphs.map((p) => p.text));
    expect(text).toEqual(['Home › Policies » Staff', 'Reply within 2–3 days…']);
  });
});

/** A .docx whose word/document.xml holds `body` (the inside of w:body), with any further parts. */
const docxOf = (body: string, parts: Record<string, string> = {}): Uint8Array =>
  zipSync(
    Object.fromEntries(
      Object.entries({ 'word/document.xml': `<w:document xmlns:w="x"><w:body>${body}</w:body></w:document>`, ...parts }).map(([name, xml]) => [name, strToU8(xml)]),
    ),
  );

describe('ingest docx', () => {
  const p = (text: string, style?: string, listed = false): string =>
    `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${listed ? '<w:numPr><w:ilvl w:val="0"/></w:numPr>' : ''}</w:pPr>` +
    `<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const xml =
    '<?xml version="1.0"?><w:document xmlns:w="x"><w:body>' +
    p('Hill Top Staff AUP', 'Title') +
    p('Contents 2', 'TOC1') +
    p('4 Email', 'Heading1') +
    p('4.2 Forwarding', 'Heading2') +
    '<w:p><w:r><w:instrText> HYPERLINK "https://x" </w:instrText></w:r><w:r><w:t>Do not forward &amp; redirect email outside the school.</w:t></w:r></w:p>' +
    p('Personal accounts are not allowed', undefined, true) +
    '<w:tbl><w:tr><w:tc>' + p('Limit') + '</w:tc><w:tc>' + p('2 MB') + '</w:tc></w:tr></w:tbl>' +
    '</w:body></w:document>';

  it('reads a footnote after the paragraph that refers to it, in its clause, and a note on a list item as one more item', async () => {
    const ref = (id: number): string => `<w:r><w:footnoteReference w:id="${id}"/></w:r>`;
    const body =
      '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>7 Mistakes</w:t></w:r></w:p>' +
      `<w:p><w:r><w:t>7.4 Report a breach straight away.</w:t></w:r>${ref(2)}</w:p>` +
      '<w:p><w:r><w:t>7.5 Special category data includes:</w:t></w:r></w:p>' +
      `<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>health information;</w:t></w:r>${ref(3)}</w:p>` +
      '<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>ethnicity.</w:t></w:r></w:p>';
    const footnotes =
      '<w:footnotes xmlns:w="x"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
      '<w:footnote w:id="2"><w:p><w:r><w:t>The ICO must be told within 72 hours.</w:t></w:r></w:p></w:footnote>' +
      '<w:footnote w:id="3"><w:p><w:r><w:t>Including allergies and care plans.</w:t></w:r></w:p></w:footnote></w:footnotes>';
    const d = await ingestedPolicy({ bytes: docxOf(body, { 'word/footnotes.xml': footnotes }), type: 'docx' });
    expect(d.sections.flatMap((s) => s.paragraphs.map((p) => [p.kind, p.number, p.text]))).toEqual([
      ['para', '7.4', 'Report a breach straight away.'],
      ['para', '7.4', 'The ICO must be told within 72 hours.'],
      ['para', '7.5', 'Special category data includes:'],
      ['bullet', '7.5', 'health information;'],
      ['bullet', '7.5', 'Including allergies and care plans.'],
      ['bullet', '7.5', 'ethnicity.'],
    ]);
  });

  it('maps heading styles, list numbering and table rows', async () => {
    const bytes = zipSync({ 'word/document.xml': strToU8(xml), '[Content_Types].xml': strToU8('<Types/>') });
    const d = await ingestedPolicy({ bytes, type: 'docx' });
    expect(d.title).toBe('Hill Top Staff AUP');
    const s = byNumber(d, '4.2')!;
    expect(s.path).toEqual(['Hill Top Staff AUP', 'Email', 'Forwarding']);
    expect(s.paragraphs.map((x) => [x.kind, x.text])).toEqual([
      ['para', 'Do not forward & redirect email outside the school.'],
      ['bullet', 'Personal accounts are not allowed'],
      ['row', 'Limit | 2 MB'],
    ]);
    expect(JSON.stringify(d)).not.toMatch(/HYPERLINK|Contents 2/);
  });

  it("rebuilds Word's automatic numbering of headings and clauses from numbering.xml and styles.xml", async () => {
    const numPr = (numId: number, ilvl: number): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
    const para = (text: string, pPr = ''): string => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const lvl = (ilvl: number, fmt: string, text: string): string =>
      `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering =
      '<w:numbering xmlns:w="x">' +
      `<w:abstractNum w:abstractNumId="10">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%1.%2')}${lvl(2, 'lowerLetter', '(%3)')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="20">${lvl(0, 'bullet', '•')}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num></w:numbering>';
    const styles = `<w:styles xmlns:w="x"><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr>${numPr(1, 0)}</w:pPr></w:style></w:styles>`;
    const body = [
      para('Oak Staff Email Policy', '<w:pStyle w:val="Title"/>'),
      para('Email', '<w:pStyle w:val="Heading1"/>'),
      para('Use your school account for all school business.', numPr(1, 1)),
      para('Do not forward school email to personal accounts, for example:', numPr(1, 1)),
      para('Gmail or Hotmail', numPr(1, 2)),
      para('Lock your screen when you leave the room.', numPr(2, 0)),
      para('Devices', '<w:pStyle w:val="Heading1"/>'),
      para('Memory sticks must be encrypted.', numPr(1, 1)),
      // numId 0 takes a heading out of its style's numbering.
      para('Declaration', `<w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr>`),
      para('I have read this policy.'),
    ].join('');
    const d = await ingestedPolicy({ bytes: docxOf(body, { 'word/numbering.xml': numbering, 'word/styles.xml': styles }), type: 'docx' });
    expect(d.sections.map((s) => [s.number, s.heading])).toEqual([
      ['1', 'Email'],
      ['2', 'Devices'],
      [undefined, 'Declaration'],
    ]);
    expect(byNumber(d, '1')!.paragraphs.map((p) => [p.kind, p.number, p.text])).toEqual([
      ['para', '1.1', 'Use your school account for all school business.'],
      ['para', '1.2', 'Do not forward school email to personal accounts, for example:'],
      // Bullets belong to the clause they follow.
      ['bullet', '1.2', 'Gmail or Hotmail'],
      ['bullet', '1.2', 'Lock your screen when you leave the room.'],
    ]);
    expect(byNumber(d, '2')!.paragraphs.map((p) => [p.number, p.text])).toEqual([['2.1', 'Memory sticks must be encrypted.']]);
  });

  it('reads a paragraph starting with a typed bullet as a list item, without the bullet', async () => {
    const plain = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    // The third bullet is typed from the Symbol font: Word writes it as a w:sym, not as text.
    const symbol = '<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:tab/><w:t>share your password.</w:t></w:r></w:p>';
    const body = [plain('4.1 You must not use school devices to:'), plain('•\tgamble or run a business;'), plain('• install software yourself;'), symbol].join('');
    const d = await ingestedPolicy({ bytes: docxOf(body), type: 'docx' });
    expect(d.sections.flatMap((s) => s.paragraphs.map((p) => [p.kind, p.number, p.text]))).toEqual([
      ['para', '4.1', 'You must not use school devices to:'],
      ['bullet', '4.1', 'gamble or run a business;'],
      ['bullet', '4.1', 'install software yourself;'],
      ['bullet', '4.1', 'share your password.'],
    ]);
  });

  it('takes a short all-bold paragraph for a heading when the document uses no Heading styles', async () => {
    const bold = (text: string): string => `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>${text}</w:t></w:r></w:p>`;
    const plain = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const body = [
      bold('4. Email'),
      plain('4.1 Use your school account for all school business.'),
      bold('Staff must never share their password.'),
      bold('Personal devices'),
      `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Note: </w:t></w:r><w:r><w:t>phones need a PIN</w:t></w:r></w:p>`,
    ].join('');
    const d = await ingestedPolicy({ bytes: docxOf(body), type: 'docx' });
    expect(d.sections.map((s) => [s.number, s.heading, s.paragraphs.map((p) => p.text)])).toEqual([
      ['4', 'Email', ['Use your school account for all school business.', 'Staff must never share their password.']],
      [undefined, 'Personal devices', ['Note: phones need a PIN']],
    ]);
  });

  it("reads a text box's paragraphs once, without losing the paragraph around it, and keeps a non-breaking hyphen", async () => {
    const box = (text: string): string => `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`;
    const body =
      '<w:p><w:r><w:t>Key points for busy staff. </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>' +
      box('Never forward school email to a personal account.') +
      '</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>' +
      box('Never forward school email to a personal account.') +
      '</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Read the whole policy.</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>Check your e</w:t></w:r><w:r><w:noBreakHyphen/><w:t>mail every working day.</w:t></w:r></w:p>';
    const d = await ingestedPolicy({ bytes: docxOf(body), type: 'docx' });
    expect(d.sections.flatMap((x) => x.paragraphs.map((p) => p.text))).toEqual([
      'Never forward school email to a personal account.',
      'Key points for busy staff. Read the whole policy.',
      'Check your e-mail every working day.',
    ]);
  });

  it('reads a document in review as it stands with its tracked changes accepted', async () => {
    const run = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const deleted = (text: string): string => `<w:del w:id="1" w:author="Clerk"><w:r><w:tab/><w:delText>${text}</w:delText></w:r></w:del>`;
    const body =
      `<w:p>${run('Attachments may be up to ')}${deleted('10')}<w:ins w:id="2" w:author="Clerk">${run('20')}</w:ins>${run(' MB.')}</w:p>` +
      // A sentence moved by drag and drop: Word keeps it at the old place too, as w:t inside w:moveFrom.
      `<w:p>${run('Lock your screen. ')}<w:moveFrom w:id="3" w:author="Clerk">${run('Never share a password.')}</w:moveFrom></w:p>` +
      `<w:p><w:moveTo w:id="4" w:author="Clerk">${run('Never share a password.')}</w:moveTo></w:p>` +
      // A paragraph deleted whole: its mark is deleted too (a self-closing w:del in its run properties).
      `<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="Clerk"/></w:rPr></w:pPr>${deleted('Staff may use USB sticks.')}</w:p>`;
    const paragraphs = await paragraphsOf({ bytes: docxOf(body), type: 'docx' });
    expect(paragraphs.map((p) => p.text)).toEqual(['Attachments may be up to 20 MB.', 'Lock your screen.', 'Never share a password.']);
  });

  it('numbers the clauses after a numbered paragraph deleted in review as Word does once the change is accepted', async () => {
    const numbering =
      '<w:numbering xmlns:w="x"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>' +
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>';
    const clause = (text: string, deleted = false): string =>
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>${deleted ? '<w:rPr><w:del w:id="9" w:author="Clerk"/></w:rPr>' : ''}</w:pPr>` +
      (deleted ? `<w:del w:id="8" w:author="Clerk"><w:r><w:delText>${text}</w:delText></w:r></w:del>` : `<w:r><w:t>${text}</w:t></w:r>`) +
      '</w:p>';
    const body =
      '<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Trips</w:t></w:r></w:p>' +
      clause('Take the trip phone.') +
      clause('Give families your own mobile number.', true) +
      clause('Photos are taken on the trip iPad.');
    const paragraphs = await paragraphsOf({ bytes: docxOf(body, { 'word/numbering.xml': numbering }), type: 'docx' });
    expect(paragraphs.map((p) => [p.number, p.text])).toEqual([
      ['1.1', 'Take the trip phone.'],
      ['1.2', 'Photos are taken on the trip iPad.'],
    ]);
  });

  it('joins the runs of a paragraph as Word wrote them, though it splits them mid-word', async () => {
    const body = '<w:p><w:r><w:t>Sta</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>ff must not for</w:t></w:r><w:r><w:t xml:space="preserve">ward email. </w:t></w:r><w:r><w:t>Ask the office.</w:t></w:r></w:p>';
    const d = await ingestedPolicy({ bytes: docxOf(body), type: 'docx' });
    expect(d.sections.flatMap((x) => x.paragraphs.map((p) => p.text))).toEqual(['Staff must not forward email. Ask the office.']);
  });

  it('reads a one-column table, a box around "Key points", as the heading and list it holds', async () => {
    const para = (text: string, props = ''): string => `<w:p><w:pPr>${props}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const bullet = (text: string): string => para(text, '<w:pStyle w:val="ListBullet"/>');
    const body =
      para('1 Email', '<w:pStyle w:val="Heading1"/>') +
      `<w:tbl><w:tr><w:tc>${para('Key points', '<w:pStyle w:val="Heading2"/>')}${bullet('Never forward school email.')}${bullet('Use BCC for parents.')}</w:tc></w:tr></w:tbl>` +
      para('1.1 Use your school account for school business.');
    const d = await ingestedPolicy({ bytes: docxOf(body), type: 'docx' });
    // The clause after the box returns to its section, as after any summary box.
    expect(d.sections.map((x) => [x.heading, x.paragraphs.map((p) => [p.kind, p.text])])).toEqual([
      ['Email', [['para', 'Use your school account for school business.']]],
      ['Key points', [['bullet', 'Never forward school email.'], ['bullet', 'Use BCC for parents.']]],
    ]);
  });

  it('reports a file that is not a zip as invalid input', async () => {
    const r = await ingest({ bytes: new Uint8Array([1, 2, 3, 4]), type: 'docx' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid_input');
  });
});

describe('ingest plain text', () => {
  const header = 'Meadow School – Acceptable Use';
  const txt = [
    header, '', 'STAFF ACCEPTABLE USE POLICY', '', 'Contents', '1. Scope.....\t2', '',
    '1. Scope', '', 'This policy covers all staff, gover-', 'nors and volunteers.', '', '1',
    '\f' + header, '',
    '[bookmark: _Toc123456]Email Rules',
    '· Use your school account for school business.',
    '❖ Never set up automatic forwarding to a personal ac-',
    'count.',
    '• Attachments must stay under 2 MB.',
    '', '2',
    '\f' + header, '',
    '4.1 Leavers', '', 'Accounts are disabled on the last day. HYPERLINK "https://x.example" See the HR policy.', '', '3',
    '\f' + header, '', 'Section 5 Monitoring', '', 'Use of email is monitored.', '', '4',
  ].join('\n');

  it('finds numbered, named, capitalised and bookmarked headings and removes debris', async () => {
    const d = await ingestedPolicy({ bytes: txt, type: 'txt' });
    expect(d.sections.map((s) => [s.number ?? '', s.heading])).toEqual([
      ['1', 'Scope'],
      // An unnumbered heading after a numbered one is read as its sub-heading, and cited with its number.
      ['1', 'Email Rules'],
      ['4.1', 'Leavers'],
      ['5', 'Monitoring'],
    ]);
    expect(d.sections[0]!.text).toBe('This policy covers all staff, governors and volunteers.');
    expect(d.sections[1]!.paragraphs.map((p) => p.kind)).toEqual(['bullet', 'bullet', 'bullet']);
    expect(d.sections[1]!.paragraphs[1]!.text).toBe('Never set up automatic forwarding to a personal account.');
    expect(d.sections[2]!.text).toBe('Accounts are disabled on the last day. See the HR policy.');
    const all = d.sections.map((s) => `${s.heading}\n${s.text}`).join('\n');
    expect(all).not.toMatch(/_Toc|bookmark|HYPERLINK|Meadow School –|\.{5}/);
  });

  it('reads a heading the contents page lists as a section of its own, not part of the numbered section before it', async () => {
    const txt = [
      'Larch Hill Staff AUP', '', 'Contents', '', '1. Scope\t2', '2. Leaving\t3', 'Who to Contact\t4', 'Code of Practice\t5', '', '',
      '1. Scope', '', '1.1 This policy applies to all staff.', '',
      '2. Leaving', '', '2.1 Return your laptop on your last day.', '',
      'Who to Contact', '', 'Ask the office about anything in this policy.', '',
      'Code of Practice', '', 'Lock your screen every time you walk away.',
    ].join('\n');
    const d = await ingestedPolicy({ bytes: txt, type: 'txt' });
    expect(d.sections.map((s) => [s.number ?? '', s.heading, s.path.length])).toEqual([
      ['1', 'Scope', 1],
      ['2', 'Leaving', 1],
      ['', 'Who to Contact', 1],
      ['', 'Code of Practice', 1],
    ]);
  });

  it('drops a contents page typed without page numbers, and reads its last entry as a section of its own', async () => {
    const txt = [
      'Larch Hill Code of Conduct', '', 'Contents', '1.\tScope', '2.\tLeaving', 'Acknowledgement form', '', '',
      '1.\tScope', '', '1.1\tThis code applies to all staff.', '',
      '2.\tLeaving', '', '2.1\tReturn your laptop on your last day.', '', '',
      'Acknowledgement form', '', 'Please return this slip to the office.',
    ].join('\n');
    const d = await ingestedPolicy({ bytes: txt, type: 'txt' });
    expect(d.sections.map((s) => [s.number ?? '', s.heading, s.paragraphs.map((p) => p.text)])).toEqual([
      ['1', 'Scope', ['This code applies to all staff.']],
      ['2', 'Leaving', ['Return your laptop on your last day.']],
      ['', 'Acknowledgement form', ['Please return this slip to the office.']],
    ]);
  });

  it("names the document by the front-matter line saying what it is, not by the trust's name above it", async () => {
    const front = ['PENNINE RIDGE LEARNING TRUST', '', 'Calderbrook Academy', '', 'STAFF EMAIL AND ACCEPTABLE USE POLICY', '', 'Version: 3.2', ''];
    const body = ['1. Scope', '', '1.1 This policy applies to all staff.'];
    expect((await ingestedPolicy({ bytes: [...front, ...body].join('\n'), type: 'txt' })).title).toBe('STAFF EMAIL AND ACCEPTABLE USE POLICY');
    // A title that large type wrapped onto a second heading line is read whole.
    expect((await ingestedPolicy({ bytes: ['# Thornbury', '', '# Staff Email and Online Safety', '', '## Policy', '', '## 1. Scope', '', 'All staff.'].join('\n'), type: 'md' })).title).toBe(
      'Staff Email and Online Safety Policy',
    );
    // …and so is one whose first line cannot end a title, even when its second line names a policy alone.
    const wrapped = ['HARTLEY VALE ACADEMY', '', 'STAFF EMAIL AND', '', 'DATA PROTECTION POLICY', '', 'Version 4.0', '', ...body].join('\n');
    expect((await ingestedPolicy({ bytes: wrapped, type: 'txt' })).title).toBe('STAFF EMAIL AND DATA PROTECTION POLICY');
  });

  it("does not take a flowchart's 'Yes' / 'No' or a sentence that lost its full stop for a heading", async () => {
    const txt = [
      '5. Incidents', '', 'Was illegal material found?', '', 'No', '', '',
      'Review the incident and decide on sanctions.', '', '',
      'The member of staff may also wish to take advice from their union', '', '',
      'Parental Involvement', '', 'Parents are told about incidents that involve their child.',
    ].join('\n');
    const d = await ingestedPolicy({ bytes: txt, type: 'txt' });
    expect(d.sections.map((s) => [s.heading, s.path.at(-2), s.paragraphs.map((p) => p.text)])).toEqual([
      ['Incidents', undefined, ['Was illegal material found?', 'No', 'Review the incident and decide on sanctions.', 'The member of staff may also wish to take advice from their union']],
      ['Parental Involvement', 'Incidents', ['Parents are told about incidents that involve their child.']],
    ]);
  });

  it('ends a list of unmarked items at the next numbered clause, which then introduces its own list', async () => {
    const txt = [
      '6. DATA', '6.1 High-risk data includes:', 'health information;', 'safeguarding information.',
      '6.4 High-risk data sent outside the Trust must be encrypted.', '6.5 Before you send any email, check:', '• the address;', '• the attachment.',
    ].join('\n');
    const d = await ingestedPolicy({ bytes: txt, type: 'txt' });
    expect(d.sections[0]!.paragraphs.map((p) => [p.kind, p.number, p.text])).toEqual([
      ['para', '6.1', 'High-risk data includes:'],
      ['bullet', '6.1', 'health information;'],
      ['bullet', '6.1', 'safeguarding information.'],
      ['para', '6.4', 'High-risk data sent outside the Trust must be encrypted.'],
      ['para', '6.5', 'Before you send any email, check:'],
      ['bullet', '6.5', 'the address;'],
      ['bullet', '6.5', 'the attachment.'],
    ]);
  });

  // A paragraph wrapped at about 70 characters, as typed in a plain-text editor or extracted from a PDF.
  const filler = [
    'Staff must follow the rules in this section whenever they use school',
    'systems, whether they are working at school, at home or on a trip, and',
    'should ask the School Business Manager whenever they are not sure.',
    '',
  ];

  it('joins a hard-wrapped paragraph even where a full line ends a sentence or the next starts with a name', async () => {
    const txt = [
      '2. PASSWORDS', '',
      ...filler, ...filler, ...filler,
      '2.1 Multi-factor authentication is on for every account and device.',
      'If you would rather not use your own phone for it, ask the office for',
      'a hardware security key instead, which the school provides for free.',
      '',
      '2.2 Records about a pupil go into Arbor or into the pupil folder on',
      'SharePoint',
      '',
      ...filler, ...filler, ...filler,
    ].join('\n');
    const paragraphs = await paragraphsOf({ bytes: txt, type: 'txt' });
    expect(paragraphs.find((p) => p.number === '2.1')?.text).toMatch(/^Multi-factor .* provides for free\.$/);
    expect(paragraphs.find((p) => p.number === '2.2')?.text).toBe('Records about a pupil go into Arbor or into the pupil folder on SharePoint');
    expect(paragraphs).toHaveLength(8);
  });

  it('drops a footer set out across the page and the running header under it, and joins the sentence they split', async () => {
    // Copied out of a PDF: no form feeds, the footer and header land wherever the page broke.
    const pageBreak = (n: number): string[] => [`Staff Email Policy v3.2                                Page ${n} of 9`, 'Moorside Learning Trust  |  Moorside Academy'];
    const txt = [
      '7. PERSONAL DATA', '',
      ...filler,
      '7.1 Only email personal data when there is a genuine need, only to the people who need it,',
      ...pageBreak(4),
      'and include no more than they need.',
      '',
      ...filler, ...pageBreak(5), '',
      '7.2 Send large files as sharing links rather than attachments, and remember that links',
      'to people outside the trust must always be set to the most restrictive setting, which is',
      ...pageBreak(6),
      '"Specific people", and they expire after 30 days.',
      '', ...filler, ...pageBreak(7),
    ].join('\n');
    const paragraphs = await paragraphsOf({ bytes: txt, type: 'txt' });
    expect(paragraphs.find((p) => p.number === '7.1')?.text).toBe('Only email personal data when there is a genuine need, only to the people who need it, and include no more than they need.');
    expect(paragraphs.find((p) => p.number === '7.2')?.text).toMatch(/^Send large files .* which is "Specific people", and they expire after 30 days\.$/);
    expect(paragraphs.map((p) => p.text).join('\n')).not.toMatch(/Page \d of 9|Moorside Learning Trust/);
  });

  it('joins a clause a page break left on a word like "on" to the capitalised words it goes on with, but not to a caption', async () => {
    const pageBreak = ['', 'Harbour View Staff Email Policy v2.1', 'Page 4 of 13', ''];
    const txt = [
      '4. USING EMAIL', '',
      ...filler,
      '4.5 The All Staff list is for operational messages only. Please do not use "Reply all" on',
      ...pageBreak,
      'All Staff emails. Post personal notices in the Staffroom channel instead.',
      '', ...filler, ...pageBreak, '',
      '4.6 The table below sets out who to contact. Leavers\' accounts are closed on',
      ...pageBreak,
      'Table 2: Who to contact',
      '', ...filler, ...pageBreak, ...filler, ...pageBreak,
    ].join('\n');
    const paragraphs = await paragraphsOf({ bytes: txt, type: 'txt' });
    expect(paragraphs.find((p) => p.number === '4.5')?.text).toBe('The All Staff list is for operational messages only. Please do not use "Reply all" on All Staff emails. Post personal notices in the Staffroom channel instead.');
    expect(paragraphs.find((p) => p.number === '4.6')?.text).toMatch(/closed on$/);
  });

  it('joins a clause that a page break splits after an abbreviation ("on ext." / "2150.")', async () => {
    const txt = [
      '10. PHISHING', '',
      ...filler,
      '10.3 If you have clicked a link and typed your password, change it and phone the IT Helpdesk on ext.',
      '\f2150. This is also a possible data breach.',
      '',
      '10.4 Report suspicious emails with the Report button.',
      '', ...filler,
    ].join('\n');
    const paragraphs = await paragraphsOf({ bytes: txt, type: 'txt' });
    expect(paragraphs.find((p) => p.number === '10.3')?.text).toMatch(/on ext\. 2150\. This is also a possible data breach\.$/);
    expect(paragraphs.filter((p) => p.text.startsWith('2150'))).toEqual([]);
  });

  it('reads a version history as rows, not as clauses 3.0 and 3.1, whether its cells are tabbed or spaced', async () => {
    const history = (cells: (row: string[]) => string): string[] => [
      cells(['Version', 'Date', 'Author', 'Summary of changes']),
      cells(['3.0', 'Sept 2022', 'KO', 'Rewritten after the move to Microsoft 365']),
      cells(['3.1', 'Jan 2024', 'KO / DF', 'MFA compulsory for all staff']),
    ];
    for (const cells of [(row: string[]) => row.join('\t'), (row: string[]) => row.join(' ')]) {
      const txt = ['BRAMBLE HILL SCHOOL', '', 'STAFF EMAIL CODE', '', ...history(cells), '', '1. PURPOSE', '', '1.1 This code applies to all staff who use school email.'].join('\n');
      const paragraphs = (await paragraphsOf({ bytes: txt, type: 'txt' }));
      expect(paragraphs.map((p) => p.number).filter(Boolean)).toEqual(['1.1']);
      expect(paragraphs.find((p) => p.text.includes('Jan 2024'))?.text).toMatch(/^3\.1 Jan 2024 /);
    }
  });

  it('reads clauses numbered "1)" … "12)" straight through the document as clauses, and "1)" lists that restart as list items', async () => {
    const clauses = Array.from({ length: 12 }, (_, i) => `${i + 1}) Rule number ${i + 1} applies to every member of staff, every day.`);
    const txt = ['ACCOUNTS', '', ...clauses.slice(0, 6).flatMap((c) => [c, '']), 'DEVICES', '', ...clauses.slice(6).flatMap((c) => [c, ''])].join('\n');
    const paragraphs = await paragraphsOf({ bytes: txt, type: 'txt' });
    expect(paragraphs.map((p) => p.number)).toEqual(clauses.map((_, i) => String(i + 1)));
    // Two lists each numbered from 1): their items.
    const lists = ['ACCOUNTS', '', ...clauses.slice(0, 6), '', 'DEVICES', '', ...clauses.slice(0, 6)].join('\n');
    const items = await paragraphsOf({ bytes: lists, type: 'txt' });
    expect(items.every((p) => p.kind === 'bullet' && p.number === undefined)).toBe(true);
  });

  it('measures the wrap width on prose, not on tabbed table rows far longer than it', async () => {
    const row = (n: number): string => `Row ${n}\t${'A long table cell that runs well past the width of the wrapped prose around it, '.repeat(2)}`;
    const txt = [
      '11. DEVICES', '',
      ...filler, ...filler, ...filler, ...filler, ...filler, ...filler,
      ...Array.from({ length: 8 }, (_, i) => row(i)), '',
      '11.2 You may read school email on your own phone or tablet using the Outlook',
      'app only. Your device must have a screen lock with a PIN of at least six digits.',
      'The Outlook app is protected by Intune, which stops you saving attachments.',
      '', ...filler,
    ].join('\n');
    const paragraphs = await paragraphsOf({ bytes: txt, type: 'txt' });
    expect(paragraphs.find((p) => p.number === '11.2')?.text).toMatch(/six digits\. The Outlook app is protected by Intune, which stops you saving attachments\.$/);
  });

  it('splits list items flattened onto one line, but not a motto whose words the dots only separate', async () => {
    const txt = ['HARTLEY VALE ACADEMY', 'Aspire • Belong • Achieve', '', '1. EMAIL', '', '• Use your school account for school business. • Never share your password.'].join('\n');
    const paragraphs = await paragraphsOf({ bytes: txt, type: 'txt' });
    expect(paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['para', 'Aspire • Belong • Achieve'],
      ['bullet', 'Use your school account for school business.'],
      ['bullet', 'Never share your password.'],
    ]);
  });

  it('starts a sub-clause lettered after its number ("35e)") on a new paragraph, even after a full wrapped line', async () => {
    const txt = [
      '35) Personal phones', ...filler, ...filler, ...filler, ...filler, ...filler, ...filler, ...filler,
      '35d) If a personal device with school apps on it is lost or stolen, report it',
      'as a data breach. The school can remotely wipe the school apps and their data,',
      '35e) Do not use your personal phone to contact pupils or parents.',
    ].join('\n');
    const paragraphs = await paragraphsOf({ bytes: txt, type: 'txt' });
    expect(paragraphs.slice(-2).map((p) => p.text)).toEqual([
      '35d) If a personal device with school apps on it is lost or stolen, report it as a data breach. The school can remotely wipe the school apps and their data,',
      '35e) Do not use your personal phone to contact pupils or parents.',
    ]);
  });

  it('rebuilds a table that a text editor laid out one cell per line, and leaves a list of short items alone', async () => {
    const cells = ['What', 'How long it is kept', 'What happens then', 'Inbox and Sent Items', '2 years from the date sent', 'Deleted automatically', 'Deleted Items folder', '30 days', 'Emptied automatically'];
    const table = ['50) Email retention', '', ...cells].join('\n');
    const rows = await paragraphsOf({ bytes: table, type: 'txt' });
    expect(rows.map((r) => [r.kind, r.label, r.text])).toEqual([
      ['row', 'Inbox and Sent Items', 'Inbox and Sent Items 2 years from the date sent Deleted automatically'],
      ['row', 'Deleted Items folder', 'Deleted Items folder 30 days Emptied automatically'],
    ]);
    expect(rows[0]!.columns).toEqual(['What', 'How long it is kept', 'What happens then']);
    const list = ['Use only these apps', '', 'Outlook', 'Teams', 'OneDrive', 'Arbor', 'CPOMS', 'Egress'].join('\n');
    const items = await paragraphsOf({ bytes: list, type: 'txt' });
    expect(items.some((p) => p.kind === 'row')).toBe(false);
  });

  it('reads text that Notepad saved as "Unicode" (UTF-16 with a byte order mark)', async () => {
    const text = 'STAFF EMAIL POLICY\r\n\r\n1. Email\r\n\r\n1.1 Use your school account for all school business.\r\n';
    const utf16 = (littleEndian: boolean): Uint8Array => {
      const out = new Uint8Array(2 + text.length * 2);
      const view = new DataView(out.buffer);
      view.setUint16(0, 0xfeff, littleEndian);
      [...text].forEach((ch, i) => view.setUint16(2 + i * 2, ch.charCodeAt(0), littleEndian));
      return out;
    };
    for (const littleEndian of [true, false]) {
      const d = await ingestedPolicy({ bytes: utf16(littleEndian), type: 'txt' });
      expect(d.title).toBe('STAFF EMAIL POLICY');
      expect(d.sections.map((x) => [x.number, x.heading, x.paragraphs.map((p) => p.text)])).toEqual([['1', 'Email', ['Use your school account for all school business.']]]);
    }
  });

  it('reads a Symbol-font bullet copied out of Word as a bullet, and spells out ligatures a PDF kept', async () => {
    const txt = ['STAFF POLICY', '', '1. EMAIL', '', 'Read this carefully.', '', '\uf0b7\tsend a \ufb01le over 10 MB only as a link;', '\uf0a7\tnever keep an o\ufb04ine copy.'].join('\n');
    const paragraphs = await paragraphsOf({ bytes: txt, type: 'txt' });
    expect(paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['para', 'Read this carefully.'],
      ['bullet', 'send a file over 10 MB only as a link;'],
      ['bullet', 'never keep an offline copy.'],
    ]);
  });

  it('reads a numbered clause wrapped after a heading-like first line as a clause, not a heading', async () => {
    const txt = [
      '5. USING SCHOOL EMAIL', '',
      ...filler, ...filler, ...filler,
      // The first line happens to be short, capitalised and unpunctuated, like a heading.
      '5.3 Occasional, brief personal use of school email is allowed',
      'provided it does not interfere with your work.',
      '',
      '5.4 Personal Use In Lessons',
      'Not during lessons or while supervising pupils, at any time of the day.',
      '',
    ].join('\n');
    const d = await ingestedPolicy({ bytes: txt, type: 'txt' });
    const paragraphs = d.sections.flatMap((x) => x.paragraphs);
    expect(paragraphs.find((p) => p.number === '5.3')?.text).toBe('Occasional, brief personal use of school email is allowed provided it does not interfere with your work.');
    expect(d.sections.map((s) => s.heading)).toEqual(['USING SCHOOL EMAIL', 'Personal Use In Lessons']);
  });

  // Where a line without a full stop ends, in text typed a paragraph (or a lost bullet) to a line.
  it.each([
    {
      where: 'where the next line is a new rule, in a list whose bullets were lost',
      lines: [
        'As a user of the school ICT equipment, you are responsible for your activity',
        'Ensure that all ICT equipment that you use is kept physically secure',
        'Do not attempt unauthorised access or make unauthorised modifications to computer equipment',
        'Staff must return all ICT equipment to their line manager when they leave the school',
        'even if it was bought with a grant.',
      ],
      paragraphs: [
        'As a user of the school ICT equipment, you are responsible for your activity',
        'Ensure that all ICT equipment that you use is kept physically secure',
        'Do not attempt unauthorised access or make unauthorised modifications to computer equipment',
        'Staff must return all ICT equipment to their line manager when they leave the school even if it was bought with a grant.',
      ],
    },
    {
      where: 'where the next line opens with a word the document writes in lower case, but not where it goes on with a name',
      lines: [
        'Staff laptops are encrypted and must be kept on the school network for updates',
        'On termination of employment, return all equipment to your line manager.',
        'Laptops are issued by the business office and their use on the network is logged on the asset register',
        'The loan of a laptop is recorded on the network and on the asset register.',
        'Software is licensed by the school for use on its devices and by staff of The Meadow Learning',
        'Trust schools on the network.',
      ],
      paragraphs: [
        'Staff laptops are encrypted and must be kept on the school network for updates',
        'On termination of employment, return all equipment to your line manager.',
        'Laptops are issued by the business office and their use on the network is logged on the asset register',
        'The loan of a laptop is recorded on the network and on the asset register.',
        'Software is licensed by the school for use on its devices and by staff of The Meadow Learning Trust schools on the network.',
      ],
    },
  ])('ends a line without a full stop $where', async ({ lines, paragraphs }) => {
    const txt = ['School ICT equipment', '', ...lines].join('\n');
    expect((await paragraphsOf({ bytes: txt, type: 'txt' })).map((p) => p.text)).toEqual(paragraphs);
  });

  it("reads a form's labels (\"Name of pupil:\", \"Date:\") as blanks to fill in, not headings or the lead-in of the list after them", async () => {
    const txt = [
      'Appendix 3: Pupil agreement',
      '',
      'Acceptable use of the school computers: agreement for pupils',
      'Name of pupil:',
      'When I use the school computers, I will not:',
      "Log in using someone else's name or password",
      'Share my name and address with people I meet online',
      'Use a made-up name in emails',
      '',
      'Signed (pupil):',
      'Date:',
      'Please return this form to your class teacher by the end of the week.',
    ].join('\n');
    const doc = await ingestedPolicy({ bytes: txt, type: 'txt' });
    const paragraphs = doc.sections.flatMap((s) => s.paragraphs);
    expect(paragraphs.find((p) => p.text === 'Use a made-up name in emails')?.leadIn).toBe('When I use the school computers, I will not:');
    const closing = doc.sections.find((s) => s.paragraphs.some((p) => p.text.startsWith('Please return')));
    expect(closing?.heading).toBe('Appendix 3: Pupil agreement');
    expect(closing?.paragraphs.at(-1)?.leadIn).toBeUndefined();
  });

  it('reads an unnumbered capitals heading after capitals sections as one more section, not a part of the last', async () => {
    const txt = [
      '9.  EMAIL RETENTION', '',
      '9.1  Email in all folders is deleted automatically three years after it was sent.', '',
      '10.  WHEN YOU LEAVE THE TRUST', '',
      '10.1  Your account will be disabled at the end of your last working day.', '',
      'THE TRUST EMAIL DISCLAIMER', '',
      'The following wording is added automatically to every email sent outside the Trust.', '',
    ].join('\n');
    const d = await ingestedPolicy({ bytes: txt, type: 'txt' });
    const disclaimer = d.sections.find((s) => s.heading === 'THE TRUST EMAIL DISCLAIMER');
    expect(disclaimer?.path).toEqual(['THE TRUST EMAIL DISCLAIMER']);
  });

  it('rebuilds a flattened two-column table', async () => {
    const cell = (left: string, right: string): string => `\t${left}\n\t${right}\n`;
    const table = [
      'Code of practice', '',
      cell('', 'Old emails are deleted after'), cell('Storage', '12 months.'), cell('', ''),
      cell('', 'Attachments may be up to 2 MB'), cell('Message', 'in size. Use shared areas for'), cell('size', 'bigger files.'), cell('', ''),
    ].join('\n');
    const d = await ingestedPolicy({ bytes: `1. Email\n\nIntro text for the email section.\n\n${table}`, type: 'txt' });
    const rows = d.sections.flatMap((s) => s.paragraphs).filter((p) => p.kind === 'row');
    expect(rows).toEqual([
      { kind: 'row', text: 'Old emails are deleted after 12 months.', label: 'Storage' },
      { kind: 'row', text: 'Attachments may be up to 2 MB in size. Use shared areas for bigger files.', label: 'Message size' },
    ]);
  });
});

describe('tables', () => {
  const rowsOf = (d: PolicyDocument) => d.sections.flatMap((s) => s.paragraphs).filter((p) => p.kind === 'row');

  it('reads a cell merged down several rows (rowspan, Word vMerge) as part of each row, and one merged across as one cell', async () => {
    const html = `<h2>9. Retention</h2><table><tr><th>Record</th><th>Where</th><th>How long</th></tr>
      <tr><td rowspan="2">Staff email</td><td>Inbox</td><td>2 years</td></tr><tr><td>Deleted Items</td><td>30 days</td></tr>
      <tr><td colspan=2>Teams chats</td><td>1 year</td></tr><tr><td>Pupil files</td><td rowspan=2>CPOMS</td><td>25 years</td></tr>
      <tr><td>Referrals</td><td>Until 25</td></tr></table>`;
    const fromHtml = rowsOf(await ingestedPolicy({ bytes: html, type: 'html' }));
    expect(fromHtml.map((r) => [r.label, r.text])).toEqual([
      ['Staff email', 'Staff email | Inbox | 2 years'],
      ['Staff email', 'Staff email | Deleted Items | 30 days'],
      ['Teams chats', 'Teams chats | 1 year'],
      ['Pupil files', 'Pupil files | CPOMS | 25 years'],
      ['Referrals', 'Referrals | CPOMS | Until 25'],
    ]);
    const tc = (text: string, props = ''): string => `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const tr = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
    const word =
      '<w:tbl>' +
      tr(tc('Record'), tc('Where'), tc('How long')) +
      tr(tc('Staff email', '<w:vMerge w:val="restart"/>'), tc('Inbox'), tc('2 years')) +
      tr('<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>', tc('Deleted Items'), tc('30 days')) +
      tr(tc('Teams chats', '<w:gridSpan w:val="2"/>'), tc('1 year')) +
      '</w:tbl>';
    const fromWord = rowsOf(await ingestedPolicy({ bytes: docxOf(word), type: 'docx' }));
    expect(fromWord.map((r) => r.text)).toEqual(['Staff email | Inbox | 2 years', 'Staff email | Deleted Items | 30 days', 'Teams chats | 1 year']);
  });

  it('reads each markdown row with its column labels, its left-hand cell and the clause introducing the table', async () => {
    const md = [
      '## 7. Keeping email',
      '',
      '7.2 The table below shows how long messages are kept.',
      '',
      '| Type of message | How long it is kept |',
      '|---|---|',
      '| Everyday email | Deleted two years after it was sent |',
      '| Deleted Items folder | Emptied after 30 days |',
    ].join('\n');
    const rows = rowsOf(await ingestedPolicy({ bytes: md, type: 'md' }));
    expect(rows).toEqual([
      { kind: 'row', text: 'Everyday email | Deleted two years after it was sent', number: '7.2', label: 'Everyday email', columns: ['Type of message', 'How long it is kept'], leadIn: 'The table below shows how long messages are kept.' },
      { kind: 'row', text: 'Deleted Items folder | Emptied after 30 days', number: '7.2', label: 'Deleted Items folder', columns: ['Type of message', 'How long it is kept'], leadIn: 'The table below shows how long messages are kept.' },
    ]);
  });

  it("labels a row with a left-hand cell that says what the row is about, however wordy, but not with one that is a sentence", async () => {
    const html = `<h2>2. Contacts</h2><table>
      <tr><th>If you need to</th><th>Who</th></tr>
      <tr><td>Report an email sent to the wrong person, or any lost or stolen data or device</td><td>School Business Manager</td></tr>
      <tr><td>Never reply to a phishing email.</td><td>Report it with the Report button</td></tr></table>`;
    const rows = rowsOf(await ingestedPolicy({ bytes: new TextEncoder().encode(html), type: 'html' }));
    expect(rows.map((r) => r.label)).toEqual(['Report an email sent to the wrong person, or any lost or stolen data or device', undefined]);
  });

  it('takes an html row of <th> cells as the header, but not a row whose first cell alone is a <th>', async () => {
    const html = `<h2>5. Contacts</h2><table>
      <tr><th>Problem</th><th>Who to tell</th></tr>
      <tr><td>Lost laptop</td><td>Business manager, same day</td></tr>
      <tr><th>Phishing email</th><td>IT support</td></tr></table>`;
    const rows = rowsOf(await ingestedPolicy({ bytes: new TextEncoder().encode(html), type: 'html' }));
    expect(rows.map((r) => [r.text, r.label, r.columns])).toEqual([
      ['Lost laptop | Business manager, same day', 'Lost laptop', ['Problem', 'Who to tell']],
      ['Phishing email | IT support', 'Phishing email', ['Problem', 'Who to tell']],
    ]);
  });

  it('takes a Word header row when marked, or a first row of labels above rows of content', async () => {
    const cell = (t: string): string => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const row = (a: string, b: string, header = false): string => `<w:tr>${header ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cell(a)}${cell(b)}</w:tr>`;
    const docx = (table: string): Uint8Array =>
      docxOf(`<w:p><w:r><w:t>1 Email</w:t></w:r></w:p><w:tbl>${table}</w:tbl>`);
    const marked = rowsOf(await ingestedPolicy({ bytes: docx(row('Item', 'Limit', true) + row('Attachments', '2 MB')), type: 'docx' }));
    expect(marked.map((r) => [r.text, r.columns])).toEqual([['Attachments | 2 MB', ['Item', 'Limit']]]);
    const guessed = rowsOf(await ingestedPolicy({ bytes: docx(row('Item', 'Limit') + row('Attachments', '2 MB') + row('Mailbox', '50 GB')), type: 'docx' }));
    expect(guessed.map((r) => [r.text, r.columns])).toEqual([
      ['Attachments | 2 MB', ['Item', 'Limit']],
      ['Mailbox | 50 GB', ['Item', 'Limit']],
    ]);
    // Two rows are too few to tell a header from content: both stay.
    const short = rowsOf(await ingestedPolicy({ bytes: docx(row('Item', 'Limit') + row('Attachments', '2 MB')), type: 'docx' }));
    expect(short.map((r) => r.text)).toEqual(['Item | Limit', 'Attachments | 2 MB']);
  });

  it("reads a model policy set out in tables, clause numbers in the left column, as numbered clauses in their sections", async () => {
    const cell = (t: string, props = ''): string => `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const clause = (n: string, t: string): string => `<w:tr>${cell(n)}${cell(t)}</w:tr>`;
    const merged = (t: string): string => `<w:tr>${cell(t, '<w:gridSpan w:val="2"/>')}</w:tr>`;
    const word =
      '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Introduction</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>Our trust provides Google Workspace for every school.</w:t></w:r></w:p>' +
      `<w:tbl>${merged('3. Your school account')}${clause('3.1', 'Use your school account for all school business.')}${clause('3.2', 'Automatic forwarding outside the trust is blocked.')}</w:tbl>` +
      `<w:tbl>${clause('4', 'Writing email')}${clause('4.1', 'Use initials, not names, in subject lines.')}${merged('Attachments and large files')}${clause('4.2', 'Share a Drive link for files over 10 MB.')}</w:tbl>` +
      // A section's last clause can sit in a table of its own, after a real table (whose rows, as any
      // table's, belong to the clause before it).
      `<w:tbl>${clause('Inbox', 'Two years')}${clause('Bin', '30 days')}</w:tbl><w:tbl>${clause('4.3', 'Ask the office to keep an email for longer.')}</w:tbl>`;
    const d = await ingestedPolicy({ bytes: docxOf(word), type: 'docx' });
    expect(d.sections.map((s) => [s.number, s.heading, s.paragraphs.map((p) => `${p.number ?? '-'} ${p.text}`)])).toEqual([
      [undefined, 'Introduction', ['- Our trust provides Google Workspace for every school.']],
      ['3', 'Your school account', ['3.1 Use your school account for all school business.', '3.2 Automatic forwarding outside the trust is blocked.']],
      ['4', 'Writing email', ['4.1 Use initials, not names, in subject lines.']],
      ['4', 'Attachments and large files', ['4.2 Share a Drive link for files over 10 MB.', '4.2 Inbox | Two years', '4.2 Bin | 30 days', '4.3 Ask the office to keep an email for longer.']],
    ]);
    // A table of steps numbered 1, 2, 3 is a table: it numbers no clauses within sections.
    const steps = await ingestedPolicy({ bytes: docxOf(`<w:tbl>${clause('1', 'Check the address.')}${clause('2', 'Tell the office.')}${clause('3', 'Delete the draft.')}</w:tbl>`), type: 'docx' });
    expect(rowsOf(steps).map((r) => r.text)).toEqual(['1 | Check the address.', '2 | Tell the office.', '3 | Delete the draft.']);
    // Nor is a version history: no clause is numbered 2.0.
    const history = await ingestedPolicy({ bytes: docxOf(`<w:tbl>${clause('1.0', 'First version.')}${clause('1.1', 'Section 4 updated.')}${clause('2.0', 'Reviewed by governors.')}</w:tbl>`), type: 'docx' });
    expect(rowsOf(history).map((r) => r.text)).toEqual(['1.0 | First version.', '1.1 | Section 4 updated.', '2.0 | Reviewed by governors.']);
  });
});
