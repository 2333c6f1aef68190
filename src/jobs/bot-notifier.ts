import { createSlackApi, slackReferenceSchema } from '../../connectors/slack/index.ts';
import { createTeamsClient, teamsReferenceSchema } from '../../connectors/teams/index.ts';
import { noticeCard } from '../../adaptive-cards/notice-card.ts';
import type { Logger } from '../app/logger.ts';
import type { PersonMessage, PersonNotifier } from '../domain/ports/notifier.ts';
import { ok, type Result } from '../domain/result.ts';
import type { Env } from '../env.ts';
import { findConversationRefByEmail } from '../storage/conversation-refs.ts';
import { getSchool } from '../storage/schools.ts';
import { noChannelNotifier } from './notifier.ts';

type Delivery = { delivered: boolean; channel: string; reason?: string };

const undelivered = (channel: string, reason: string): Result<Delivery> => ok({ delivered: false, channel, reason });

/** True when at least one bot channel has its credentials, so the bot notifier is worth wiring. */
export const botChannelConfigured = (env: Env): boolean =>
  Boolean((env.TEAMS_BOT_APP_ID && env.TEAMS_BOT_TENANT_ID && env.SECRET_TEAMS_BOT_PASSWORD) || env.SECRET_SLACK_BOT_TOKEN);

/**
 * Delivers a message to one person through the school's bot channel, using the conversation
 * reference stored when they last talked to the bot. Nobody is messaged who has not installed or
 * used the bot: without a reference the result says so (delivered: false, with the reason).
 */
export function botNotifier(env: Env, log: Logger): PersonNotifier {
  return {
    async notify(message: PersonMessage) {
      const school = await getSchool(env.DB, message.schoolId);
      if (!school || school.notifyChannel === 'none') return noChannelNotifier.notify(message);
      const channel = school.notifyChannel;
      const ref = await findConversationRefByEmail(env.DB, school.id, channel, message.email);
      if (!ref) return undelivered(channel, 'no_conversation_reference');

      if (channel === 'teams') {
        const { TEAMS_BOT_APP_ID: appId, TEAMS_BOT_TENANT_ID: tenantId, SECRET_TEAMS_BOT_PASSWORD: password } = env;
        if (!appId || !tenantId || !password) return noChannelNotifier.notify(message);
        const parsed = teamsReferenceSchema.safeParse(ref.reference);
        if (!parsed.success) return undelivered(channel, 'conversation_reference_unreadable');
        const sent = await createTeamsClient({ appId, tenantId, password }).sendProactive(parsed.data, { card: noticeCard(message) });
        if (!sent.ok) {
          log.warn('notify_failed', { channel, schoolId: school.id, code: sent.error.code });
          return sent;
        }
        return ok({ delivered: true, channel });
      }

      const token = env.SECRET_SLACK_BOT_TOKEN;
      if (!token) return noChannelNotifier.notify(message);
      const parsed = slackReferenceSchema.safeParse(ref.reference);
      if (!parsed.success) return undelivered(channel, 'conversation_reference_unreadable');
      const sent = await createSlackApi(token).postMessage({
        channel: parsed.data.userId,
        text: `${message.title}: ${message.text}`,
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: `*${escape(message.title)}*\n${escape(message.text)}` } },
          { type: 'context', elements: [{ type: 'mrkdwn', text: `Policy rule: ${escape(message.policyRef)}` }] },
        ],
      });
      if (!sent.ok) {
        log.warn('notify_failed', { channel, schoolId: school.id, code: sent.error.code });
        return sent;
      }
      return ok({ delivered: true, channel });
    },
  };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
