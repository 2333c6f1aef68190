import { env, exports } from 'cloudflare:workers';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueAt, enrolStarter, remindOutstanding } from '../../src/domain/acknowledgements/index.ts';
import { createLogger } from '../../src/app/logger.ts';
import { botNotifier } from '../../src/jobs/bot-notifier.ts';
import { assignmentsForPerson } from '../../src/storage/acknowledgements.ts';
import { api } from '../support/api.ts';
import { ackProfile } from '../support/policy.ts';
import { botFrameworkKeyHandlers, configureBots, makeSigner, postTeams, recorded, SERVICE_URL, seedSchool, teamsActivity } from './support.ts';

const SCHOOL = 'ack-school';
const TENANT = 'tenant-ack';
const signer = await makeSigner('ack-key');
const replies: { conversation: string; body: Record<string, unknown> }[] = [];

const server = setupServer(
  ...botFrameworkKeyHandlers(() => [{ signer, endorsements: ['msteams'] }]),
  http.post('https://login.microsoftonline.com/bot-home-tenant/oauth2/v2.0/token', () => HttpResponse.json({ access_token: 'bot-token', expires_in: 3600 })),
  http.post(`${SERVICE_URL}v3/conversations/:conv/activities/:replyTo`, async ({ request, params }) => {
    replies.push({ conversation: String(params.conv), body: (await request.json()) as Record<string, unknown> });
    return HttpResponse.json({ id: `reply-${replies.length}` });
  }),
  http.post(`${SERVICE_URL}v3/conversations/:conv/activities`, async ({ request, params }) => {
    replies.push({ conversation: String(params.conv), body: (await request.json()) as Record<string, unknown> });
    return HttpResponse.json({ id: `proactive-${replies.length}` });
  }),
);

const profile = ackProfile('Ack School', 'ack.sch.uk', ['{ document: aup, audience: all-staff, dueDays: 14 }', '{ document: aup, audience: starters, dueDays: 14 }'], 10);
const policy = (extra = '') => `# Acceptable Use Policy\n\n## 4. Email\n\n4.2 Staff must not set up automatic forwarding of school email to addresses outside the school.${extra}\n\n## 6. Attachments\n\n6.1 Attachments may be at most 2 MB.\n`;

const anna = { id: 'aad-anna', email: 'anna@ack.sch.uk' };
const ben = { id: 'aad-ben', email: 'ben@ack.sch.uk' };
const dan = { id: 'aad-dan', email: 'dan@ack.sch.uk' };
const from = (who: { id: string }) => ({ from: { id: `29:${who.id}`, name: 'x', aadObjectId: who.id }, conversation: { id: `a:conv-${who.id}`, conversationType: 'personal', tenantId: TENANT }, channelData: { tenant: { id: TENANT } } });
const token = () => signer.sign({ serviceurl: SERVICE_URL });

async function uploadPolicy(text: string, title?: string) {
  const q = new URLSearchParams({ type: 'md', ...(title ? { title } : {}) });
  return api('PUT', `/api/schools/${SCHOOL}/policy-documents/aup?${q.toString()}`, text, { 'content-type': 'text/markdown' });
}

/** Asks the bot "have I signed the AUP?" as `who` and returns the Adaptive Cards it replied with. */
async function askStatus(who: { id: string }): Promise<Record<string, unknown>[]> {
  const before = replies.length;
  const res = await postTeams(teamsActivity({ ...from(who), id: `msg-${Math.random()}`, text: 'have I signed the AUP?' }), await token());
  expect(res.status).toBe(202);
  await recorded(replies, before + 1);
  return replies.slice(before).map((r) => (r.body.attachments as { content: Record<string, unknown> }[])[0]!.content);
}

const executeData = (card: Record<string, unknown>) => (card.actions as { type: string; verb?: string; data?: Record<string, unknown> }[]).find((a) => a.verb === 'acknowledge')!.data!;

async function press(who: { id: string }, data: unknown) {
  const res = await postTeams(teamsActivity({ ...from(who), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'acknowledge', data } } }), await token());
  expect(res.status).toBe(200);
  return res.json<{ statusCode: number; type: string; value: Record<string, unknown> }>();
}

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  configureBots();
  await seedSchool(SCHOOL, TENANT, [anna, ben, dan]);
  expect((await api('PUT', `/api/schools/${SCHOOL}/profile`, profile, { 'content-type': 'application/yaml' })).status).toBe(201);
  expect((await uploadPolicy(policy())).status).toBe(201);
});
afterAll(() => server.close());

describe('acknowledgements through the Teams bot', () => {
  let card: Record<string, unknown>;

  it('shows an outstanding acknowledgement card with the exact version', async () => {
    card = (await askStatus(anna))[0]!;
    expect(JSON.stringify(card)).toContain('Acceptable Use Policy');
    expect(executeData(card)).toMatchObject({ forUser: anna.id });
  });

  it('refuses a card that names another person or another version, and records nothing', async () => {
    const data = executeData(card);
    const forBen = await press(anna, { ...data, forUser: ben.id });
    expect(forBen).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'forbidden' } });
    const otherVersion = await press(anna, { ...data, versionId: 'some-other-version' });
    expect(otherVersion).toMatchObject({ statusCode: 400, value: { code: 'forbidden' } });
    // Ben pressing Anna's card (forwarded or replayed) is refused too.
    expect(await press(ben, data)).toMatchObject({ statusCode: 400, value: { code: 'forbidden' } });
    const count = await env.DB.prepare('SELECT COUNT(*) AS n FROM acknowledgements WHERE school_id = ?1').bind(SCHOOL).first<{ n: number }>();
    expect(count?.n).toBe(0);
  });

  it('records the acknowledgement for the verified sender, once', async () => {
    const first = await press(anna, executeData(card));
    expect(first).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(first.value)).toContain('Acknowledged on');
    const second = await press(anna, executeData(card));
    expect(second.value).toEqual(first.value);
    const rows = await env.DB.prepare('SELECT user_key, email, channel FROM acknowledgements WHERE school_id = ?1').bind(SCHOOL).all();
    expect(rows.results).toEqual([{ user_key: anna.id, email: anna.email, channel: 'teams' }]);
  });

  it('exports CSV evidence with formula-looking values neutralised', async () => {
    // A title that a spreadsheet would run as a formula.
    expect((await uploadPolicy(policy(), '=HYPERLINK("http://evil","x")')).status).toBe(200);
    const res = await exports.default.fetch(`http://localhost/api/schools/${SCHOOL}/acknowledgements.csv`, { headers: { authorization: 'Bearer test-admin-token' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('document,document_title,version,content_hash,email,user_key,status,acknowledged_at,channel,campaign_id,assigned_at,due_at');
    const annaLine = lines.find((l) => l.includes(anna.email))!;
    expect(annaLine).toContain(',acknowledged,');
    expect(annaLine).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(lines.find((l) => l.includes(ben.email))).toContain(',outstanding,');
  });

  it('asks again when the document changes', async () => {
    const res = await uploadPolicy(policy('\n\n4.3 Forwarding to personal accounts is never allowed.'));
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ document: { version: 2 } });
    const mine = await assignmentsForPerson(env.DB, SCHOOL, anna.email);
    expect(mine.map((a) => [a.version, a.acknowledgedAt])).toEqual([[2, null]]);
    // The old card is now refused: it names a version that is no longer being asked for.
    expect(await press(anna, executeData(card))).toMatchObject({ statusCode: 400, value: { code: 'conflict' } });
  });

  it('reminds people with outstanding acknowledgements through their stored conversation, once per interval', async () => {
    const before = replies.length;
    const log = createLogger({ test: 'reminders' });
    const now = new Date();
    // Anna and Ben have talked to the bot (references stored); Dan never has, so cannot be reached.
    const first = await remindOutstanding({ db: env.DB, notifier: botNotifier(env, log), now: () => now, log });
    expect(first).toEqual({ sent: 2, undelivered: 1, skipped: 0 });
    const sent = replies.slice(before);
    expect(sent.map((s) => s.conversation).sort()).toEqual([`a:conv-${anna.id}`, `a:conv-${ben.id}`]);
    expect(JSON.stringify(sent[0]?.body)).toContain('Please read and acknowledge');
    const again = await remindOutstanding({ db: env.DB, notifier: botNotifier(env, log), now: () => now, log });
    expect(again).toEqual({ sent: 0, undelivered: 1, skipped: 2 });
  });

  it('enrols a starter with the profile’s starterDays', async () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const { campaignIds } = await enrolStarter(env.DB, SCHOOL, 'cara@ack.sch.uk', 'aad-cara', now);
    expect(campaignIds).toHaveLength(2);
    await enrolStarter(env.DB, SCHOOL, 'cara@ack.sch.uk', 'aad-cara', now);
    const mine = await assignmentsForPerson(env.DB, SCHOOL, 'cara@ack.sch.uk');
    expect(mine).toHaveLength(2);
    const starters = mine.find((a) => a.audience === 'starters')!;
    expect(dueAt(starters, 10)).toBe('2026-12-11T10:00:00.000Z');
  });
});
