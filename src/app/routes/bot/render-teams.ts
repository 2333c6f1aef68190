import { acknowledgedCard } from '../../../../adaptive-cards/acknowledged-card.ts';
import { acknowledgementCard } from '../../../../adaptive-cards/acknowledgement-card.ts';
import { answerCard } from '../../../../adaptive-cards/answer-card.ts';
import { noticeCard } from '../../../../adaptive-cards/notice-card.ts';
import type { StaffCard } from '../../../../adaptive-cards/staff-card.ts';
import type { BotReply } from './replies.ts';

/** One Adaptive Card per reply. */
export function teamsCard(reply: BotReply): StaffCard {
  switch (reply.kind) {
    case 'text':
      return noticeCard({ title: reply.title ?? 'Tutela', text: reply.text });
    case 'answer':
      return answerCard(reply.data);
    case 'ack-request':
      return acknowledgementCard(reply.data);
    case 'acknowledged':
      return acknowledgedCard(reply.data);
  }
}
