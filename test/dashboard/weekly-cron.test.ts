import { env } from 'cloudflare:workers';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardRuleProblems } from '../../adaptive-cards/weekly-card-rules.ts';
import type { Env } from '../../src/env.ts';
import { weeklyCardHook } from '../../src/jobs/weekly-card.ts';
import { upsertConversationRef } from '../../src/storage/conversation-refs.ts';
import { NOW, seedSchool } from './seed.ts';

const sent: { conversation: string; card: Record<string, unknown> }[] = [];
const server = setupServer(
  http.post('https://login.microsoftonline.com/:tenant/oauth2/v2.0/token', () => HttpResponse.json({ access_token: 'bot-token', expires_in: 3600 })),
  http.post('https://smba.trafficmanager.net/emea/v3/conversations/:id/activities', async ({ request, params }) => {
    const body = (await request.json()) as { attachments: { content: Record<string, unknown> }[] };
    sent.push({ conversation: String(params.id), card: body.attachments[0]?.content ?? {} });
    return HttpResponse.json({ id: `activity-${sent.length}` });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const botEnv = { ...env, TEAMS_BOT_APP_ID: 'bot-app', TEAMS_BOT_TENANT_ID: 'bot-tenant', SECRET_TEAMS_BOT_PASSWORD: 'pw', PUBLIC_URL: 'https://tutela.example.org' } as Env;
const ctx = { waitUntil: () => undefined, passThroughOnException: () => undefined, props: {} } as unknown as ExecutionContext;

describe('weekly card cron', () => {
  it('sends the card to the SBM only at 08:00 London time, on either side of BST', async () => {
    const s = await seedSchool('weekly-cron');
    await upsertConversationRef(
      env.DB,
      {
        schoolId: 'weekly-cron',
        channel: 'teams',
        userKey: 'aad-sbm',
        email: s.sbmEmail,
        reference: { serviceUrl: 'https://smba.trafficmanager.net/emea/', conversationId: 'a:sbm-chat', tenantId: 'tenant-weekly-cron', userId: '29:sbm', aadObjectId: 'aad-sbm', botId: '28:bot', personal: true },
      },
      NOW,
    );
    // A teacher who has talked to the bot gets nothing.
    await upsertConversationRef(env.DB, { schoolId: 'weekly-cron', channel: 'teams', userKey: 'aad-t', email: 'teacher@weekly-cron.sch.uk', reference: { serviceUrl: 'https://smba.trafficmanager.net/emea/', conversationId: 'a:teacher', tenantId: 't', userId: '29:t', aadObjectId: 'aad-t', botId: '28:bot', personal: true } }, NOW);

    const mine = () => sent.filter((m) => m.conversation === 'a:sbm-chat' || m.conversation === 'a:teacher');
    // Summer: 07:00 UTC is 08:00 BST; the 08:00 UTC run (09:00 BST) sends nothing.
    await weeklyCardHook(botEnv, ctx, new Date('2026-06-15T08:00:00Z'));
    expect(mine()).toHaveLength(0);
    await weeklyCardHook(botEnv, ctx, new Date('2026-06-15T07:00:00Z'));
    expect(mine().map((m) => m.conversation)).toEqual(['a:sbm-chat']);
    // Winter: 07:00 UTC is 07:00 GMT (nothing), 08:00 UTC sends.
    await weeklyCardHook(botEnv, ctx, new Date('2026-11-23T07:00:00Z'));
    expect(mine()).toHaveLength(1);
    await weeklyCardHook(botEnv, ctx, new Date('2026-11-23T08:00:00Z'));
    expect(mine().map((m) => m.conversation)).toEqual(['a:sbm-chat', 'a:sbm-chat']);

    const card = mine()[1]?.card ?? {};
    expect(cardRuleProblems(card)).toEqual([]);
    expect(card).toMatchObject({ version: '1.5', refresh: { userIds: ['29:sbm'] } });
    expect(JSON.stringify(card)).toContain('https://tutela.example.org/dashboard/schools/weekly-cron');
    expect(JSON.stringify(card)).toContain('"verb":"sbm.remediation.approve"');
  });
});
