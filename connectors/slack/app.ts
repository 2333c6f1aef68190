import { SlackApp, type AuthorizeResult } from 'slack-edge';
import { z } from 'zod';
import { createSlackApi } from './web-api.ts';

/** What Tutela reads from Slack's (already verified) payloads; the user always comes from here. */
export interface SlackMessageIn {
  kind: 'dm' | 'mention';
  teamId: string;
  userId: string;
  channelId: string;
  text: string;
  ts: string;
  threadTs?: string;
}
export interface SlackCommandIn {
  teamId: string;
  userId: string;
  channelId: string;
  text: string;
  responseUrl: string;
}
export interface SlackActionIn {
  teamId: string;
  userId: string;
  actionId: string;
  value: string;
  responseUrl: string;
}

export interface SlackHandlers {
  message(m: SlackMessageIn): Promise<void>;
  command(c: SlackCommandIn): Promise<void>;
  action(a: SlackActionIn): Promise<void>;
  /** Lazy work is run through waitUntil; a failure must be logged, never dropped. */
  failed(what: string, error: unknown): void;
}

export const SLACK_COMMAND = '/policy';
export const ACK_ACTION_ID = 'acknowledge';
export const FEEDBACK_ACTION_ID = /^feedback_(yes|no)$/;
/** The School Business Manager's weekly-card buttons: the action id is the verb (`sbm.leavers.approve`). */
export const SBM_ACTION_ID = /^sbm\.[a-z.]+$/;

const messageEvent = z.looseObject({
  type: z.enum(['message', 'app_mention']),
  user: z.string().min(1),
  text: z.string().default(''),
  channel: z.string().min(1),
  channel_type: z.string().optional(),
  ts: z.string(),
  thread_ts: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
});
const eventEnvelope = z.looseObject({ team_id: z.string().min(1) });
const commandPayload = z.looseObject({ team_id: z.string().min(1), user_id: z.string().min(1), channel_id: z.string(), text: z.string().default(''), response_url: z.url() });
const actionPayload = z.looseObject({
  team: z.looseObject({ id: z.string().min(1) }),
  user: z.looseObject({ id: z.string().min(1) }),
  response_url: z.url(),
  actions: z.array(z.looseObject({ action_id: z.string(), value: z.string().default('') })).min(1),
});

const identities = new Map<string, Promise<AuthorizeResult>>();

/** The bot's own ids, read once per isolate with auth.test instead of on every request. */
function cachedAuthorize(botToken: string): () => Promise<AuthorizeResult> {
  return () => {
    let hit = identities.get(botToken);
    if (!hit) {
      hit = createSlackApi(botToken)
        .authTest()
        .then((r) => {
          if (!r.ok) throw new Error(r.error.message);
          return { botToken, botId: r.value.botId, botUserId: r.value.botUserId, botScopes: [], ...(r.value.teamId ? { teamId: r.value.teamId } : {}) };
        });
      hit.catch(() => identities.delete(botToken));
      identities.set(botToken, hit);
    }
    return hit;
  };
}

/** The Slack side of the staff bot: slack-edge verifies, acks within 3 s and runs `lazy` via waitUntil. */
export function createSlackBot(options: { signingSecret: string; botToken: string; handlers: SlackHandlers }) {
  const { handlers } = options;
  const guard = (what: string, work: () => Promise<void>) => work().catch((error: unknown) => handlers.failed(what, error));
  const app = new SlackApp({
    env: { SLACK_SIGNING_SECRET: options.signingSecret, SLACK_BOT_TOKEN: options.botToken, SLACK_LOGGING_LEVEL: 'WARN' },
    authorize: cachedAuthorize(options.botToken),
  });

  const onMessage = (kind: SlackMessageIn['kind']) => (req: { payload: unknown; body: unknown }) =>
    guard(`slack_${kind}`, async () => {
      const event = messageEvent.safeParse(req.payload);
      const team = eventEnvelope.safeParse(req.body);
      if (!event.success || !team.success) return;
      const e = event.data;
      // Edits, joins and other bots' messages are not questions.
      if (e.subtype || e.bot_id) return;
      if (kind === 'dm' && e.channel_type !== 'im') return;
      await handlers.message({ kind, teamId: team.data.team_id, userId: e.user, channelId: e.channel, text: e.text.replace(/<@[A-Z0-9]+>/g, ' ').trim(), ts: e.ts, ...(e.thread_ts ? { threadTs: e.thread_ts } : {}) });
    });

  app.event('message', onMessage('dm'));
  app.event('app_mention', onMessage('mention'));
  app.command(
    SLACK_COMMAND,
    () => Promise.resolve(''),
    (req) =>
      guard('slack_command', async () => {
        const p = commandPayload.parse(req.payload);
        await handlers.command({ teamId: p.team_id, userId: p.user_id, channelId: p.channel_id, text: p.text, responseUrl: p.response_url });
      }),
  );
  const onAction = (req: { payload: unknown }) =>
    guard('slack_action', async () => {
      const p = actionPayload.parse(req.payload);
      const action = p.actions[0]!;
      await handlers.action({ teamId: p.team.id, userId: p.user.id, actionId: action.action_id, value: action.value, responseUrl: p.response_url });
    });
  app.action(ACK_ACTION_ID, () => Promise.resolve(), onAction);
  app.action(FEEDBACK_ACTION_ID, () => Promise.resolve(), onAction);
  app.action(SBM_ACTION_ID, () => Promise.resolve(), onAction);
  app.action('open_policy', () => Promise.resolve());

  return { run: (request: Request, ctx: ExecutionContext) => app.run(request, ctx) };
}
