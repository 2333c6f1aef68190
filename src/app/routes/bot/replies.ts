import type { AcknowledgedCardData } from '../../../../adaptive-cards/acknowledged-card.ts';
import type { AcknowledgementCardData } from '../../../../adaptive-cards/acknowledgement-card.ts';
import type { AnswerCardData } from '../../../../adaptive-cards/answer-card.ts';

/** What the bot says, independent of channel: Teams renders Adaptive Cards, Slack renders Block Kit. */
export type BotReply =
  | { kind: 'text'; title?: string; text: string }
  | { kind: 'answer'; data: AnswerCardData }
  | { kind: 'ack-request'; data: AcknowledgementCardData }
  | { kind: 'acknowledged'; data: AcknowledgedCardData };

export const UNKNOWN_PERSON: BotReply = {
  kind: 'text',
  text: "Sorry — I can't tell which school you belong to, so I can't answer yet. Please ask your School Business Manager to check that your account is connected to Tutela.",
};

export const HELP: BotReply = {
  kind: 'text',
  title: 'I can help with the school’s email policy',
  text: 'Ask me a question such as “How big can an attachment be?”, or ask about yourself: “Have I signed the AUP?”, “Why was my forwarding rule turned off?”, “Is my mailbox compliant?”.',
};
