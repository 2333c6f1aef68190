import { env, exports } from 'cloudflare:workers';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WORDED_NOTE } from '../../adaptive-cards/answer-card.ts';
import { WORDING_MODEL } from '../../src/domain/policy-qa/index.ts';
import { api } from '../support/api.ts';
import { configureBots, postSlack, recorded, seedSchool } from './support.ts';

const SCHOOL = 'wording-school';
const QUESTION = 'is there a size limit for attachments?';
const QUOTE_START = 'Attachments must be no larger than 3 MB.';
const WORDED = 'Yes: attachments must be 3 MB or smaller, so share a link from the school drive for bigger files.';
const policy = ['# Wording Primary Email Policy', '', '## 2. Attachments', '', '2.1 Attachments must be no larger than 3 MB. For bigger files, share a link from the school drive instead.'].join('\n');
const profile = (bot = '') =>
  `school:\n  name: Wording Primary\n  contacts: { sbm: { name: Office Manager, email: sbm@wording.sch.uk } }\ndomains: { internal: [wording.sch.uk] }\n${bot}`;

/** Workers AI as the Worker sees it through env.AI: the external boundary, faked like fetch. */
const calls: { model: string; input: { messages: { role: string; content: string }[] } }[] = [];
const fakeAi = {
  run(model: string, input: { messages: { role: string; content: string }[] }) {
    calls.push({ model, input });
    return Promise.resolve({ response: WORDED });
  },
};

const posted: Record<string, unknown>[] = [];
const server = setupServer(
  http.post('https://slack.com/api/auth.test', () => HttpResponse.json({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' })),
  http.post('https://slack.com/api/users.info', () => HttpResponse.json({ ok: true, user: { id: 'U1', profile: { email: 'teacher@wording.sch.uk' } } })),
  http.post('https://slack.com/api/chat.postMessage', async ({ request }) => {
    posted.push((await request.json()) as Record<string, unknown>);
    return HttpResponse.json({ ok: true, ts: '1.2', channel: 'D1' });
  }),
);

const mode = env.TUTELA_MODE;
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  configureBots();
  await seedSchool(SCHOOL, 'tenant-wording', [{ id: 'aad-teacher', email: 'teacher@wording.sch.uk' }], 'slack');
  expect((await api('PUT', `/api/schools/${SCHOOL}/policy-documents/email?type=md`, policy, { 'content-type': 'text/markdown' })).status).toBe(201);
  expect((await api('PUT', `/api/schools/${SCHOOL}/profile`, profile(), { 'content-type': 'application/yaml' })).status).toBe(201);
});
afterEach(() => {
  Object.assign(env, { TUTELA_MODE: mode, AI: undefined });
  calls.length = 0;
  posted.length = 0;
});
afterAll(() => server.close());

/** The text of the Teams card the playground shows, one entry per TextBlock. */
async function playgroundCard(): Promise<string[]> {
  Object.assign(env, { TUTELA_MODE: 'dev' });
  const res = await exports.default.fetch(`http://localhost/playground?school=${SCHOOL}&as=aad-teacher&q=${encodeURIComponent(QUESTION)}`);
  expect(res.status).toBe(200);
  const card = /<div class="card">([\s\S]*?)<\/div>/.exec(await res.text())?.[1] ?? '';
  return card.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').split('\n\n');
}

describe('generative wording of bot answers', () => {
  it('is off by default: with Workers AI bound, the binding is never called and the answer is the verbatim extract', async () => {
    Object.assign(env, { AI: fakeAi });
    const card = await playgroundCard();
    expect(card[0]).toMatch(new RegExp(`^${QUOTE_START}`));
    expect(card[1]).toBe('From section 2.1 Attachments of Wording Primary Email Policy');
    expect(card).not.toContain(WORDED_NOTE);
    expect(calls).toEqual([]);
  });

  it('once the school turns it on, answers in the generated words and quotes the policy verbatim beneath them', async () => {
    expect((await api('PUT', `/api/schools/${SCHOOL}/profile`, profile('bot: { generativeWording: true }\n'), { 'content-type': 'application/yaml' })).status).toBe(201);
    Object.assign(env, { AI: fakeAi });
    const card = await playgroundCard();
    expect(card[0]).toBe(WORDED);
    expect(card[1]).toBe(WORDED_NOTE);
    expect(card[2]).toMatch(new RegExp(`^“${QUOTE_START}`));
    expect(card[3]).toBe('From section 2.1 Attachments of Wording Primary Email Policy');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.model).toBe(WORDING_MODEL);
    expect(calls[0]!.input.messages[1]!.content).toContain(`[2.1 Attachments] ${QUOTE_START}`);

    // The same through Slack, where the work runs after the ack.
    const event = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'Ev-wording',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: QUESTION, ts: '100.1' },
    });
    expect((await postSlack('/bot/slack/events', event, 'application/json')).status).toBe(200);
    const [message] = await recorded(posted, 1);
    const blocks = JSON.stringify(message);
    expect(blocks).toContain(WORDED);
    expect(blocks).toContain(`“${QUOTE_START}`);
    expect(calls).toHaveLength(2);
  });

  it('without the binding, a school that turned it on still gets the complete verbatim answer', async () => {
    expect((await api('PUT', `/api/schools/${SCHOOL}/profile`, profile('bot: { generativeWording: true }\n'), { 'content-type': 'application/yaml' })).status).toBeLessThan(300);
    const card = await playgroundCard();
    expect(card[0]).toMatch(new RegExp(`^${QUOTE_START}`));
    expect(card).not.toContain(WORDED_NOTE);
  });
});
