import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.ts';
import { answerPolicyQuestion } from '../../src/app/routes/bot/answerer.ts';
import { createSchool } from '../../src/storage/schools.ts';
import { onePagePdf } from '../support/pdf.ts';

const SCHOOL = 'pdf-school';

// A policy page laid out as a PDF: a heading in larger type, numbered clauses and a two-column table.
const policy = onePagePdf([
  { text: 'Rowan Primary Email Policy', x: 60, y: 740, size: 16 },
  { text: '4. Forwarding', x: 60, y: 710, size: 13 },
  { text: '4.1 Automatic forwarding of school email to personal accounts such as Gmail is not', x: 60, y: 690 },
  { text: 'allowed.', x: 60, y: 676 },
  { text: '5. Keeping email', x: 60, y: 646, size: 13 },
  { text: '5.1 The table below shows how long messages are kept.', x: 60, y: 626 },
  { text: 'Type of message', x: 60, y: 600 },
  { text: 'How long it is kept', x: 300, y: 600 },
  { text: 'Everyday email', x: 60, y: 580 },
  { text: 'Deleted automatically after two years', x: 300, y: 580 },
  { text: 'Deleted Items folder', x: 60, y: 560 },
  { text: 'Emptied after 30 days', x: 300, y: 560 },
]);

beforeAll(async () => {
  await createSchool(env.DB, { id: SCHOOL, name: 'Rowan Primary', notifyChannel: 'none' }, new Date('2026-11-01T00:00:00Z'));
});

describe('a policy uploaded as a PDF', () => {
  it('is read in workerd into clauses and table rows that the bot answers from', async () => {
    const put = await exports.default.fetch(`http://localhost/api/schools/${SCHOOL}/policy-documents/email?type=pdf`, {
      method: 'PUT',
      headers: { authorization: 'Bearer test-admin-token', 'content-type': 'application/pdf' },
      body: policy,
    });
    expect(put.status).toBe(201);
    const deps = { db: env.DB, publicUrl: 'https://tutela.example.org/', log: createLogger() };
    const forwarding = await answerPolicyQuestion(deps, SCHOOL, 'can I forward my school email to my Gmail?');
    expect(forwarding.citations[0]?.section).toBe('4.1 Forwarding');
    const keeping = await answerPolicyQuestion(deps, SCHOOL, 'how long are emails kept?');
    expect(keeping.citations[0]?.quote).toMatch(/two years/);
  });
});
