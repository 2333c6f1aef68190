import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { createSlackApi, createSlackBot, firstDelivery, verifySlackSignature, type SlackActionIn, type SlackApi, type SlackHandlers } from '../../../../connectors/slack/index.ts';
import { weeklySlackBlocks } from '../../../../adaptive-cards/weekly-slack-blocks.ts';
import { acknowledge, ukDateTime } from '../../../domain/acknowledgements/index.ts';
import { isSbmVerb, runSbmAction } from '../../../domain/sbm-actions/index.ts';
import { sbmDeps } from '../../../jobs/weekly-card.ts';
import type { AppEnv } from '../../context.ts';
import { errorResponse } from '../../errors.ts';
import { logger } from '../../logger.ts';
import { answerPolicyQuestion } from './answerer.ts';
import { feedbackSchema } from './feedback.ts';
import { slackBlocks, slackMessage } from './render-slack.ts';
import { respond, respondDeps } from './respond.ts';
import { UNKNOWN_PERSON } from './replies.ts';
import { slackStaff } from './slack-identity.ts';

const eventIdSchema = z.looseObject({ type: z.literal('event_callback'), event_id: z.string().min(1) });
// Slack's two buttons say helpful or not by action id, so the value carries the rest of the Teams shape.
const feedbackValue = feedbackSchema.omit({ helpful: true });

function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function handlersFor(c: Context<AppEnv>, api: SlackApi): SlackHandlers {
  const db = c.env.DB;

  async function onAction(a: SlackActionIn): Promise<void> {
    const who = await slackStaff(db, api, a.teamId, a.userId, new Date());
    if (!who) {
      await api.respond(a.responseUrl, { text: slackBlocks(UNKNOWN_PERSON).text, blocks: slackBlocks(UNKNOWN_PERSON).blocks });
      return;
    }
    if (isSbmVerb(a.actionId)) {
      // The clicker is the signed payload's user (resolved above); the value only names the item.
      const res = await runSbmAction(sbmDeps(c.env, logger(c)), { who, channel: 'slack', verb: a.actionId, data: jsonOrNull(a.value) });
      const sent = res.ok ? await api.respond(a.responseUrl, { ...weeklySlackBlocks(res.value), replaceOriginal: true }) : await api.respond(a.responseUrl, { text: res.error.message });
      if (!sent.ok) throw new Error(`response_url failed: ${sent.error.message}`);
      return;
    }
    if (a.actionId === 'acknowledge') {
      // The button's value says what was shown; who is acknowledging is the verified payload's user.
      const res = await acknowledge(db, { who, data: jsonOrNull(a.value), channel: 'slack', now: new Date() });
      if (!res.ok) {
        logger(c).warn('ack_refused', { code: res.error.code, schoolId: who.schoolId, channel: 'slack' });
        await api.respond(a.responseUrl, { text: res.error.message });
        return;
      }
      const { ack, documentTitle, version } = res.value;
      const done = slackBlocks({ kind: 'acknowledged', data: { documentTitle, version, acknowledgedOn: ukDateTime(ack.acknowledgedAt) } });
      await api.respond(a.responseUrl, { ...done, replaceOriginal: true });
      return;
    }
    const fb = feedbackValue.safeParse(jsonOrNull(a.value));
    if (!fb.success) return;
    const helpful = a.actionId === 'feedback_yes';
    logger(c).info('bot_feedback', { schoolId: who.schoolId, channel: 'slack', helpful, section: fb.data.section });
    const again = await answerPolicyQuestion(respondDeps(c), who.schoolId, fb.data.question);
    await api.respond(a.responseUrl, { ...slackBlocks({ kind: 'answer', data: { question: fb.data.question, ...again, feedback: helpful ? 'helpful' : 'not-helpful' } }), replaceOriginal: true });
  }

  return {
    async message(m) {
      const who = await slackStaff(db, api, m.teamId, m.userId, new Date());
      const replies = await respond(respondDeps(c), who, m.text);
      const threadTs = m.kind === 'mention' ? (m.threadTs ?? m.ts) : undefined;
      for (const reply of replies) {
        const sent = await api.postMessage({ channel: m.channelId, ...slackBlocks(reply), ...(threadTs ? { threadTs } : {}) });
        if (!sent.ok) throw new Error(`chat.postMessage failed: ${sent.error.message}`);
      }
    },
    async command(cmd) {
      const who = await slackStaff(db, api, cmd.teamId, cmd.userId, new Date());
      const replies = await respond(respondDeps(c), who, cmd.text);
      const sent = await api.respond(cmd.responseUrl, slackMessage(replies));
      if (!sent.ok) throw new Error(`response_url failed: ${sent.error.message}`);
    },
    action: onAction,
    failed(what, error) {
      logger(c).error('bot_background_failed', { what, error: error instanceof Error ? error.message : String(error) });
    },
  };
}

/**
 * Slack events, slash commands and interactivity. The signature is checked here first (stable 401
 * shape, five minutes either side) and again by slack-edge, which acks and runs the work lazily.
 */
async function handleSlack(c: Context<AppEnv>): Promise<Response> {
  const signingSecret = c.env.SECRET_SLACK_SIGNING_SECRET;
  const botToken = c.env.SECRET_SLACK_BOT_TOKEN;
  if (!signingSecret || !botToken) return errorResponse(c, { code: 'not_configured', message: 'The Slack bot is not configured' });
  const raw = await c.req.text();
  const verified = await verifySlackSignature(signingSecret, c.req.raw.headers, raw);
  if (!verified.ok) {
    logger(c).warn('slack_auth_refused', { details: verified.error.details });
    return errorResponse(c, { code: 'unauthorized', message: 'The Slack request signature was refused' });
  }
  const event = eventIdSchema.safeParse(jsonOrNull(raw));
  if (event.success && !(await firstDelivery(c.env.DB, event.data.event_id, new Date()))) {
    logger(c).info('slack_event_duplicate', { eventId: event.data.event_id, retry: c.req.header('x-slack-retry-num') ?? null });
    return c.body(null, 200);
  }
  const api = createSlackApi(botToken);
  const bot = createSlackBot({ signingSecret, botToken, handlers: handlersFor(c, api) });
  return bot.run(new Request(c.req.url, { method: 'POST', headers: c.req.raw.headers, body: raw }), c.executionCtx as ExecutionContext);
}

/** POST /bot/slack/events (Events API and interactivity) and POST /bot/slack/commands (slash commands). */
export const slackBotRoutes = new Hono<AppEnv>().post('/', handleSlack);
