import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { env } from 'cloudflare:workers';
import { assignmentsForPerson } from '../../src/storage/acknowledgements.ts';
import { api } from '../support/api.ts';
import { configureBots, postSlack, recorded, seedSchool, slackButtonPress } from './support.ts';

const posted: Record<string, unknown>[] = [];
const responded: Record<string, unknown>[] = [];
const usersInfo: string[] = [];

const server = setupServer(
  http.post('https://slack.com/api/auth.test', () => HttpResponse.json({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' })),
  http.post('https://slack.com/api/users.info', async ({ request }) => {
    const { user } = (await request.json()) as { user: string };
    usersInfo.push(user);
    return HttpResponse.json({ ok: true, user: { id: user, profile: { email: user === 'U1' ? 'head@slack-school.sch.uk' : 'stranger@elsewhere.com' } } });
  }),
  http.post('https://slack.com/api/chat.postMessage', async ({ request }) => {
    posted.push((await request.json()) as Record<string, unknown>);
    return HttpResponse.json({ ok: true, ts: '1.2', channel: 'D1' });
  }),
  http.post('https://hooks.slack.com/actions/T1/:id/:secret', async ({ request }) => {
    responded.push((await request.json()) as Record<string, unknown>);
    return HttpResponse.text('ok');
  }),
  http.post('https://hooks.slack.com/commands/T1/:id/:secret', async ({ request }) => {
    responded.push((await request.json()) as Record<string, unknown>);
    return HttpResponse.text('ok');
  }),
);

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  configureBots();
  await seedSchool('slack-school', 'tenant-slack', [{ id: 'aad-head', email: 'head@slack-school.sch.uk' }], 'slack');
});
beforeEach(() => {
  posted.length = 0;
  responded.length = 0;
});
afterAll(() => server.close());

const now = () => Math.floor(Date.now() / 1000);

const dm = (eventId: string, user = 'U1', text = 'hi') =>
  JSON.stringify({
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: eventId,
    event_time: now(),
    event: { type: 'message', channel_type: 'im', channel: 'D1', user, text, ts: '100.1' },
  });

describe('Slack requests', () => {
  it('refuses a bad signature with the stable error shape', async () => {
    const res = await postSlack('/bot/slack/events', dm('Ev-bad'), 'application/json', { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('refuses a stale timestamp even when correctly signed', async () => {
    const res = await postSlack('/bot/slack/events', dm('Ev-stale'), 'application/json', { timestamp: now() - 6 * 60 });
    expect(res.status).toBe(401);
    const future = await postSlack('/bot/slack/events', dm('Ev-future'), 'application/json', { timestamp: now() + 6 * 60 });
    expect(future.status).toBe(401);
  });

  it('answers url_verification', async () => {
    const res = await postSlack('/bot/slack/events', JSON.stringify({ type: 'url_verification', token: 't', challenge: 'c-123' }), 'application/json');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('c-123');
  });

  it('answers a DM once, even when Slack retries the event', async () => {
    const first = await postSlack('/bot/slack/events', dm('Ev-retry'), 'application/json');
    expect(first.status).toBe(200);
    await recorded(posted, 1);
    const retry = await postSlack('/bot/slack/events', dm('Ev-retry'), 'application/json', { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    // A later, different event is answered: by the time it is, the retry would have been too.
    await postSlack('/bot/slack/events', dm('Ev-after'), 'application/json');
    await recorded(posted, 2);
    expect(posted).toHaveLength(2);
    expect(posted[0]).toMatchObject({ channel: 'D1' });
  });

  it('tells someone from no known school so, politely', async () => {
    await postSlack('/bot/slack/events', dm('Ev-stranger', 'U2'), 'application/json');
    const [msg] = await recorded(posted, 1);
    expect(JSON.stringify(msg)).toContain("can't tell which school you belong to");
  });

  it('answers the /policy slash command through response_url', async () => {
    const form = new URLSearchParams({
      token: 'x',
      team_id: 'T1',
      team_domain: 'oak',
      channel_id: 'C1',
      channel_name: 'general',
      user_id: 'U1',
      user_name: 'head',
      command: '/policy',
      text: 'is my mailbox compliant?',
      api_app_id: 'A1',
      response_url: 'https://hooks.slack.com/commands/T1/123/abc',
      trigger_id: 't1',
    }).toString();
    const res = await postSlack('/bot/slack/commands', form, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const [reply] = await recorded(responded, 1);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(reply)).toContain('meets the school’s email policy');
  });
});

describe('Slack acknowledgement button', () => {
  const profile = `school:
  name: Slack School
  contacts:
    sbm: { name: Office Manager, email: sbm@slack-school.sch.uk }
domains:
  internal: [slack-school.sch.uk]
acknowledgements:
  campaigns:
    - { document: aup, audience: all-staff }
`;
  const press = (value: unknown, user = 'U1') =>
    postSlack('/bot/slack/events', slackButtonPress(user, 'acknowledge', value, 'I agree'), 'application/x-www-form-urlencoded');

  it('records the acknowledgement for the verified Slack user only, and replaces the message', async () => {
    expect((await api('PUT', '/api/schools/slack-school/profile', profile, { 'content-type': 'application/yaml' })).status).toBe(201);
    const upload = await api('PUT', '/api/schools/slack-school/policy-documents/aup?type=md', '# AUP\n\n## 1. Email\n\n1.1 Do not forward school email outside the school.\n', { 'content-type': 'text/markdown' });
    expect(upload.status).toBe(201);
    const [assignment] = await assignmentsForPerson(env.DB, 'slack-school', 'head@slack-school.sch.uk');
    const value = { campaignId: assignment!.campaignId, versionId: assignment!.versionId, forUser: 'slack:T1:U1' };

    // A button value naming someone else is refused, whoever presses it.
    await press({ ...value, forUser: 'slack:T1:U9' });
    const [refusal] = await recorded(responded, 1);
    expect(refusal).not.toHaveProperty('replace_original');
    expect(JSON.stringify(refusal)).toContain('made for someone else');

    await press(value);
    const [, done] = await recorded(responded, 2);
    expect(done).toMatchObject({ replace_original: true });
    expect(JSON.stringify(done)).toContain('Acknowledged on');
    const rows = await env.DB.prepare("SELECT user_key, email, channel FROM acknowledgements WHERE school_id = 'slack-school'").all();
    expect(rows.results).toEqual([{ user_key: 'slack:T1:U1', email: 'head@slack-school.sch.uk', channel: 'slack' }]);
  });
});
