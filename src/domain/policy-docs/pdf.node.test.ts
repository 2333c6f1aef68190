import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPolicyQa } from '../policy-qa/index.ts';
import { ingest } from './index.ts';

// Our sample policy printed to PDF by Chromium (test/fixtures/README.md): two pages, running header and
// footer, numbered sections, a bordered table whose cells wrap, and a list whose bullets are drawn.
const pdf = readFileSync(join(import.meta.dirname, '../../../test/fixtures/elmstead-staff-email-policy.pdf'));

describe('ingesting a PDF policy', () => {
  it('keeps numbered clauses, the table rows and the list, and drops the page furniture', async () => {
    const result = await ingest({ bytes: pdf, type: 'pdf' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const paragraphs = result.value.sections.flatMap((s) => s.paragraphs);
    expect(paragraphs.find((p) => p.number === '2.2')?.text).toBe(
      'Automatic forwarding of school email to any address outside elmstead.sch.uk is not permitted. IT support checks for forwarding rules every night and removes them.',
    );
    expect(paragraphs.filter((p) => p.kind === 'row').map((p) => p.label)).toEqual([
      'Everyday email (inbox, sent items, folders)',
      'Deleted Items folder',
      'Mailbox of a member of staff who has left',
    ]);
    expect(paragraphs.find((p) => p.label === 'Everyday email (inbox, sent items, folders)')?.text).toMatch(/Deleted automatically 12 months after it was sent or received$/);
    const all = result.value.sections.map((s) => `${s.heading}\n${s.text}`).join('\n');
    expect(all).toMatch(/hand back your laptop and any memory sticks/);
    expect(all).not.toMatch(/file:\/\/|\b[12]\/2\b|AM\b/);
  });

  it('answers from it as from the same policy in any other format', async () => {
    const result = await ingest({ bytes: pdf, type: 'pdf' });
    if (!result.ok) throw new Error(result.error.message);
    const qa = createPolicyQa([result.value]);
    expect(qa.answer('how long are emails kept?').citations[0]?.quote).toMatch(/12 months/);
    expect(qa.answer('can I forward my email to my gmail?').citations[0]?.section).toBe('2.2 Your school account');
    expect(qa.answer('what is the biggest attachment I can send?').citations[0]?.section).toBe('3.1 Attachments and large files');
  });
});
