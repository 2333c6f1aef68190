import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/app/logger.ts';
import { answerPolicyQuestion } from '../../src/app/routes/bot/answerer.ts';
import { createSchool } from '../../src/storage/schools.ts';
import { api } from '../support/api.ts';

const SCHOOL = 'page-school';
const policy = [
  '# Page Primary Email Policy',
  '',
  '## 1. Forwarding',
  '',
  '1.1 Automatic forwarding of school email to personal accounts such as Gmail is not allowed.',
  '',
  '## 2. Devices',
  '',
  'Staff must:',
  '',
  '- lock their screen when they leave the room',
  '- report a lost laptop to the office <the same day>',
].join('\n');

beforeAll(async () => {
  await createSchool(env.DB, { id: SCHOOL, name: 'Page Primary', notifyChannel: 'none' }, new Date('2026-11-01T00:00:00Z'));
  const put = await api('PUT', `/api/schools/${SCHOOL}/policy-documents/email?type=md`, policy, { 'content-type': 'text/markdown' });
  expect(put.status).toBe(201);
});

describe('the policy page behind a bot answer', () => {
  it('is where the answer links, with the cited section anchored', async () => {
    const answer = await answerPolicyQuestion({ db: env.DB, publicUrl: 'https://tutela.example.org/', log: createLogger() }, SCHOOL, 'can I forward my school email to my Gmail?');
    expect(answer.answered).toBe(true);
    const url = new URL(answer.documentUrl!);
    expect(url.origin).toBe('https://tutela.example.org');
    expect(url.pathname).toBe(`/policies/${SCHOOL}/email`);

    const res = await exports.default.fetch(`http://localhost${url.pathname}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<h1>Page Primary Email Policy</h1>');
    expect(html).not.toContain('<h2>Page Primary Email Policy</h2>');
    expect(html).toContain('<h2>1 Forwarding</h2>');
    expect(html).toContain(`id="${url.hash.slice(1)}"`);
    expect(html).toContain('Automatic forwarding of school email to personal accounts such as Gmail is not allowed.');
    // Bullets stay a list under their lead-in, and the policy's own text is escaped, not markup.
    expect(html).toMatch(/<p>Staff must:<\/p><ul><li>lock their screen when they leave the room<\/li>/);
    expect(html).toContain('&lt;the same day&gt;');
  });

  it('answers 404 for a document or school it does not have, without a session', async () => {
    for (const path of [`/policies/${SCHOOL}/nope`, '/policies/no-such-school/email']) {
      const res = await exports.default.fetch(`http://localhost${path}`);
      expect(res.status, path).toBe(404);
      expect((await res.json<{ error: { code: string } }>()).error.code).toBe('not_found');
    }
  });
});
