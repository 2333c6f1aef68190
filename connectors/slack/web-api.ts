import { z } from 'zod';
import { err, ok, type Result } from '../../src/domain/result.ts';

export const SLACK_API_BASE = 'https://slack.com/api';

/** Block Kit blocks are plain data; Slack validates their detail. */
export type SlackBlock = Record<string, unknown>;

const envelope = z.looseObject({ ok: z.boolean(), error: z.string().optional() });
const usersInfo = z.looseObject({ user: z.looseObject({ id: z.string(), deleted: z.boolean().optional(), is_bot: z.boolean().optional(), profile: z.looseObject({ email: z.string().optional() }) }) });
const authTest = z.looseObject({ user_id: z.string(), bot_id: z.string().optional(), team_id: z.string().optional() });
const posted = z.looseObject({ ts: z.string().optional(), channel: z.string().optional() });

export interface SlackApi {
  /** The verified workspace email of a user (scope users:read.email); null for bots and deleted users. */
  userEmail(userId: string): Promise<Result<string | null>>;
  postMessage(input: { channel: string; text: string; blocks?: SlackBlock[]; threadTs?: string }): Promise<Result<{ ts: string; channel: string }>>;
  /** Posts to a slash command's or an action's response_url (valid for 30 minutes, 5 uses). */
  respond(responseUrl: string, message: { text: string; blocks?: SlackBlock[]; replaceOriginal?: boolean; ephemeral?: boolean }): Promise<Result<void>>;
  authTest(): Promise<Result<{ botUserId: string; botId: string; teamId: string | undefined }>>;
}

export function createSlackApi(botToken: string, options: { fetch?: typeof fetch; base?: string } = {}): SlackApi {
  const doFetch = options.fetch ?? ((i, init) => fetch(i, init));
  const base = options.base ?? SLACK_API_BASE;

  async function call(method: string, body: Record<string, unknown>): Promise<Result<unknown>> {
    const res = await doFetch(`${base}/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${botToken}`, 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
    });
    if (res.status === 429) return err('throttled', `Slack ${method} is rate limited`, { retryAfter: res.headers.get('retry-after') });
    if (!res.ok) return err('upstream_failed', `Slack ${method} answered ${res.status}`);
    const json: unknown = await res.json();
    const e = envelope.safeParse(json);
    if (!e.success) return err('upstream_failed', `Slack ${method} answer was not understood`);
    if (!e.data.ok) {
      const code = e.data.error ?? 'unknown_error';
      return err(/invalid_auth|not_authed|token_revoked|account_inactive/.test(code) ? 'upstream_unauthorized' : code === 'missing_scope' ? 'upstream_forbidden' : 'upstream_failed', `Slack ${method}: ${code}`);
    }
    return ok(json);
  }

  return {
    async userEmail(userId) {
      // users.info is a GET-style method; Slack accepts its arguments as JSON too.
      const res = await call('users.info', { user: userId });
      if (!res.ok) return res;
      const parsed = usersInfo.safeParse(res.value);
      if (!parsed.success) return err('upstream_failed', 'Slack users.info answer was not understood');
      const u = parsed.data.user;
      return ok(u.deleted || u.is_bot ? null : (u.profile.email?.toLowerCase() ?? null));
    },
    async postMessage(input) {
      const res = await call('chat.postMessage', { channel: input.channel, text: input.text, ...(input.blocks ? { blocks: input.blocks } : {}), ...(input.threadTs ? { thread_ts: input.threadTs } : {}) });
      if (!res.ok) return res;
      const p = posted.parse(res.value);
      return ok({ ts: p.ts ?? '', channel: p.channel ?? input.channel });
    },
    async respond(responseUrl, message) {
      const url = new URL(responseUrl);
      // response_url is taken from the verified payload, but it must still be Slack's own host.
      if (url.protocol !== 'https:' || !(url.hostname === 'hooks.slack.com' || url.hostname.endsWith('.slack.com'))) {
        return err('invalid_input', 'response_url is not a Slack address');
      }
      const res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({
          text: message.text,
          ...(message.blocks ? { blocks: message.blocks } : {}),
          ...(message.replaceOriginal ? { replace_original: true } : {}),
          response_type: message.ephemeral === false ? 'in_channel' : 'ephemeral',
        }),
      });
      return res.ok ? ok(undefined) : err('upstream_failed', `Slack response_url answered ${res.status}`);
    },
    async authTest() {
      const res = await call('auth.test', {});
      if (!res.ok) return res;
      const a = authTest.safeParse(res.value);
      if (!a.success) return err('upstream_failed', 'Slack auth.test answer was not understood');
      return ok({ botUserId: a.data.user_id, botId: a.data.bot_id ?? '', teamId: a.data.team_id });
    },
  };
}
