import type { Context } from 'hono';
import type { VerifiedStaff } from '../../../domain/acknowledgements/index.ts';
import type { AppEnv } from '../../context.ts';
import { logger } from '../../logger.ts';
import { publicUrl } from '../../public-url.ts';
import { answerPolicyQuestion, type AnswerDeps } from './answerer.ts';
import { detectIntent } from './intents.ts';
import { ackStatusReplies, complianceReplies, forwardingReplies } from './personal.ts';
import { HELP, UNKNOWN_PERSON, type BotReply } from './replies.ts';

export interface RespondDeps extends AnswerDeps {
  now: Date;
}

/** What a bot request answers with: this deployment's D1, link base, Workers AI binding (if any) and logger. */
export const respondDeps = (c: Context<AppEnv>): RespondDeps => ({ db: c.env.DB, publicUrl: publicUrl(c), now: new Date(), ai: c.env.AI, log: logger(c) });

/**
 * The bot's answer to a message, whatever the channel. `who` comes only from the channel's verified
 * identity; without it the bot says so rather than guess a school.
 */
export async function respond(deps: RespondDeps, who: VerifiedStaff | null, text: string): Promise<BotReply[]> {
  if (!who) return [UNKNOWN_PERSON];
  switch (detectIntent(text)) {
    case 'help':
      return [HELP];
    case 'ack-status':
      return ackStatusReplies(deps.db, who, deps.publicUrl, deps.now);
    case 'forwarding-why':
      return forwardingReplies(deps, who);
    case 'mailbox-compliance':
      return complianceReplies(deps.db, who);
    case 'policy-question': {
      const a = await answerPolicyQuestion(deps, who.schoolId, text);
      return [{ kind: 'answer', data: { question: text, ...a } }];
    }
  }
}
