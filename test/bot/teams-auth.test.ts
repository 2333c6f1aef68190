import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBotKeySource } from '../../connectors/teams/bot-keys.ts';
import { verifyBotFrameworkRequest, type RefusalReason } from '../../connectors/teams/verify-token.ts';
import { BOT_APP_ID, botFrameworkKeyHandlers, configureBots, makeSigner, postTeams, SERVICE_URL, seedSchool, teamsActivity, recorded, type BotSigner } from './support.ts';

const good = await makeSigner('key-msteams');
const unendorsed = await makeSigner('key-other-channel');
const stranger = await makeSigner('key-msteams'); // same kid, different key: a forgery
let metadataFetches = 0;
const replies: unknown[] = [];

const server = setupServer(
  ...botFrameworkKeyHandlers(
    () => [
      { signer: good, endorsements: ['msteams'] },
      { signer: unendorsed, endorsements: ['webchat'] },
    ],
    () => metadataFetches++,
  ),
  http.post('https://login.microsoftonline.com/bot-home-tenant/oauth2/v2.0/token', () => HttpResponse.json({ access_token: 'bot-token', expires_in: 3600, token_type: 'Bearer' })),
  http.post(`${SERVICE_URL}v3/conversations/:conv/activities/:replyTo`, async ({ request }) => {
    replies.push(await request.json());
    return HttpResponse.json({ id: 'reply-1' });
  }),
);

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  configureBots();
  await seedSchool('teams-auth', 'tenant-oak', [{ id: 'aad-user-1', email: 'teacher@oak.sch.uk' }]);
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const claims = (overrides: Record<string, unknown> = {}) => ({ serviceurl: SERVICE_URL, ...overrides });
const nowSeconds = () => Math.floor(Date.now() / 1000);

interface Case {
  name: string;
  reason: RefusalReason;
  token: () => Promise<string>;
  activity?: Record<string, unknown>;
}

const refused: Case[] = [
  { name: 'signed with the wrong key (forged)', reason: 'bad_signature', token: () => stranger.sign(claims()) },
  // Expired by more than the 5-minute skew.
  { name: 'expired', reason: 'expired', token: () => good.sign(claims(), { expiresIn: nowSeconds() - 6 * 60 }) },
  { name: 'for another bot (wrong audience)', reason: 'wrong_audience', token: () => good.sign(claims(), { audience: 'some-other-bot' }) },
  { name: 'from another issuer', reason: 'wrong_issuer', token: () => good.sign(claims(), { issuer: 'https://sts.windows.net/evil/' }) },
  { name: 'signed by a key not endorsed for msteams', reason: 'channel_not_endorsed', token: () => unendorsed.sign(claims()) },
  { name: 'naming another serviceUrl than the activity', reason: 'service_url_mismatch', token: () => good.sign(claims({ serviceurl: 'https://smba.trafficmanager.net/emea/' })) },
  {
    name: 'for an activity whose serviceUrl is not a Bot Connector host',
    reason: 'service_url_not_allowed',
    token: () => good.sign(claims({ serviceurl: 'https://attacker.example/' })),
    activity: teamsActivity({ serviceUrl: 'https://attacker.example/' }),
  },
  { name: 'signed with an unknown key id', reason: 'unknown_key', token: async () => (await makeSigner('key-unknown')).sign(claims()) },
];

describe('Teams inbound authentication', () => {
  it('refuses a request without a token', async () => {
    const res = await postTeams(teamsActivity());
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it.each(refused)('refuses a token $name', async ({ token, activity, reason }) => {
    const jwt = await token();
    const act = activity ?? teamsActivity();
    const res = await postTeams(act, jwt);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    // The same request through the verifier alone, to see that it failed for the intended reason.
    const direct = await verifyBotFrameworkRequest(`Bearer ${jwt}`, { serviceUrl: String(act.serviceUrl), channelId: 'msteams' }, { appId: BOT_APP_ID, keys: createBotKeySource() });
    expect(direct).toMatchObject({ ok: false, error: { details: { reason } } });
  });

  it('accepts a valid token, answers the message, and fetches the keys once for many requests', async () => {
    const before = metadataFetches;
    const first = await postTeams(teamsActivity({ text: 'hi' }), await good.sign(claims()));
    expect(first.status).toBe(202);
    const [reply] = await recorded(replies);
    expect(reply).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }] });
    const second = await postTeams(teamsActivity({ type: 'conversationUpdate' }), await good.sign(claims()));
    expect(second.status).toBe(200);
    // Keys were cached by the first request of this file (or earlier); none of these fetched again.
    expect(metadataFetches - before).toBeLessThanOrEqual(1);
  });

  it('accepts a token within the 5-minute clock skew', async () => {
    const res = await postTeams(teamsActivity({ type: 'conversationUpdate' }), await good.sign(claims(), { expiresIn: nowSeconds() - 60 }));
    expect(res.status).toBe(200);
  });

  it('refreshes the key set when a new key id appears (rotation), but not on every unknown kid', async () => {
    let fetches = 0;
    const rotated: { signer: BotSigner; endorsements: string[] }[] = [{ signer: good, endorsements: ['msteams'] }];
    let t = 1_000_000;
    const keys = createBotKeySource({ now: () => t, minRefreshMs: 60_000 });
    server.use(...botFrameworkKeyHandlers(() => rotated, () => fetches++));
    const verify = async (signer: BotSigner) =>
      verifyBotFrameworkRequest(`Bearer ${await signer.sign(claims())}`, { serviceUrl: SERVICE_URL, channelId: 'msteams' }, { appId: BOT_APP_ID, keys });
    expect((await verify(good)).ok).toBe(true);
    expect((await verify(good)).ok).toBe(true);
    expect(fetches).toBe(1);
    const next = await makeSigner('key-rotated');
    rotated.push({ signer: next, endorsements: ['msteams'] });
    // Within the refresh interval an unknown kid is refused without another fetch…
    expect(await verify(next)).toMatchObject({ ok: false, error: { details: { reason: 'unknown_key' } } });
    expect(fetches).toBe(1);
    // …after it, the set is read again and the rotated key is accepted.
    t += 61_000;
    expect((await verify(next)).ok).toBe(true);
    expect(fetches).toBe(2);
  });
});
