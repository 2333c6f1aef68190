import { env } from 'cloudflare:workers';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditLog } from '../../src/storage/audit-log.ts';
import { upsertFindings } from '../../src/storage/findings.ts';
import { botFrameworkKeyHandlers, configureBots, makeSigner, postTeams, recorded, SERVICE_URL, seedSchool, teamsActivity } from './support.ts';

const TENANT = 'tenant-personal';
const SCHOOL = 'personal-school';
const signer = await makeSigner('personal-key');
const replies: string[] = [];
const server = setupServer(
  ...botFrameworkKeyHandlers(() => [{ signer, endorsements: ['msteams'] }]),
  http.post('https://login.microsoftonline.com/bot-home-tenant/oauth2/v2.0/token', () => HttpResponse.json({ access_token: 'bot-token', expires_in: 3600 })),
  http.post(`${SERVICE_URL}v3/conversations/:conv/activities/:replyTo`, async ({ request }) => {
    replies.push(JSON.stringify(await request.json()));
    return HttpResponse.json({ id: 'r' });
  }),
);

const asker = { id: 'aad-asker', email: 'asker@personal.sch.uk' };
const other = { id: 'aad-other', email: 'other@personal.sch.uk' };

async function ask(text: string, aad = asker.id, tenant = TENANT): Promise<string> {
  const before = replies.length;
  const activity = teamsActivity({
    id: `m-${Math.random()}`,
    text,
    from: { id: `29:${aad}`, name: 'x', aadObjectId: aad },
    conversation: { id: `a:${aad}`, conversationType: 'personal', tenantId: tenant },
    channelData: { tenant: { id: tenant } },
  });
  expect((await postTeams(activity, await signer.sign({ serviceurl: SERVICE_URL }))).status).toBe(202);
  await recorded(replies, before + 1);
  return replies.slice(before).join('\n');
}

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  configureBots();
  await seedSchool(SCHOOL, TENANT, [asker, other]);
  const at = new Date('2026-11-20T02:45:00Z');
  const change = (email: string, rule: string, when: Date) =>
    appendAuditLog(env.DB, { schoolId: SCHOOL, actor: 'system', action: 'disable-inbox-rule', targetType: 'forwarding.inbox-rule-external', targetId: `${email}#${rule}`, policyRef: 'forwarding.external', outcome: 'applied', before: { displayName: rule, isEnabled: true }, after: { isEnabled: false } }, when);
  await change(asker.email, 'Old rule', new Date(at.getTime() - 86_400_000));
  await change(asker.email, 'Forward to Gmail', at);
  await change(other.email, 'Other secret rule', at);
  await upsertFindings(env.DB, {
    schoolId: SCHOOL,
    runId: 'run-1',
    now: at,
    findings: [
      { checkId: 'attachments.oversize', severity: 'low', provider: 'microsoft365', subject: { id: other.id, email: other.email }, summary: 'other@ sent 3 oversized attachments', evidence: { count: 3 }, policyRef: 'attachments.maxBytes', remediation: { available: false, action: 'none', mode: 'report' } },
    ],
  });
});
afterAll(() => server.close());

describe('personal answers from the asker’s own records', () => {
  it('explains why their forwarding rule was turned off, most recent first, and nobody else’s', async () => {
    const text = await ask('Why was my forwarding rule turned off?');
    expect(text).toContain('Forward to Gmail');
    expect(text).toContain('forwarding.external');
    expect(text.indexOf('Forward to Gmail')).toBeLessThan(text.indexOf('Old rule'));
    expect(text).not.toContain('Other secret rule');
  });

  it('says the mailbox is compliant when the asker has no open findings, even if a colleague has', async () => {
    const text = await ask('is my mailbox compliant?');
    expect(text).toContain('meets the school’s email policy');
    expect(text).not.toContain('oversized');
  });

  it('lists the asker’s own open findings', async () => {
    const text = await ask('is my mailbox compliant?', other.id);
    expect(text).toContain('oversized attachments');
    expect(text).toContain('attachments.maxBytes');
  });

  it('answers someone from an unknown tenant politely without any school data', async () => {
    const text = await ask('Why was my forwarding rule turned off?', asker.id, 'tenant-nobody-knows');
    expect(text).toContain("can't tell which school you belong to");
    expect(text).not.toContain('Gmail');
  });
});
