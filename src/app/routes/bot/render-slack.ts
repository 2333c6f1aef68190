import type { SlackBlock } from '../../../../connectors/slack/index.ts';
import { WORDED_NOTE } from '../../../../adaptive-cards/answer-card.ts';
import type { BotReply } from './replies.ts';

/** Slack mrkdwn treats &, < and > as control characters; everything else is shown as written. */
const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const section = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text: esc(text).slice(0, 3000) } });
const context = (text: string): SlackBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text: esc(text) }] });
const short = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Block Kit for one reply, plus the plain text Slack shows in notifications. */
export function slackBlocks(reply: BotReply): { text: string; blocks: SlackBlock[] } {
  switch (reply.kind) {
    case 'text':
      return { text: reply.title ?? short(reply.text, 150), blocks: [...(reply.title ? [section(`*${reply.title}*`)] : []), section(reply.text)] };
    case 'answer': {
      const d = reply.data;
      const cite = d.citations[0];
      const blocks: SlackBlock[] = [section(short(d.answer, 600))];
      if (d.answered && cite && d.worded) blocks.push(context(WORDED_NOTE), section(`“${short(cite.quote, 600)}”`));
      if (d.answered && cite) blocks.push(context(`From section ${cite.section}${d.documentTitle ? ` of ${d.documentTitle}` : ''}`));
      const buttons: SlackBlock[] = [];
      if (d.answered && d.documentUrl) buttons.push({ type: 'button', action_id: 'open_policy', text: { type: 'plain_text', text: 'Open the policy' }, url: d.documentUrl });
      if (d.feedback) {
        blocks.push(context(d.feedback === 'helpful' ? 'Thanks — glad that helped.' : 'Thanks — the School Business Manager will see that this answer did not help.'));
      } else {
        const value = JSON.stringify({ question: short(d.question, 300), section: cite?.section ?? null });
        blocks.push(context('Was this helpful?'));
        buttons.push(
          { type: 'button', action_id: 'feedback_yes', text: { type: 'plain_text', text: 'Yes' }, value },
          { type: 'button', action_id: 'feedback_no', text: { type: 'plain_text', text: 'No' }, value },
        );
      }
      if (buttons.length) blocks.push({ type: 'actions', elements: buttons });
      return { text: short(d.answer, 150), blocks };
    }
    case 'ack-request': {
      const d = reply.data;
      return {
        text: `Please read and acknowledge ${d.documentTitle}`,
        blocks: [
          section(`*${d.documentTitle}*\nVersion ${d.version} · ${d.overdue ? 'was due' : 'please acknowledge by'} ${d.dueDate}`),
          section('Please read the policy, then confirm that you have read it and will follow it.'),
          {
            type: 'actions',
            elements: [
              { type: 'button', action_id: 'open_policy', text: { type: 'plain_text', text: 'Read the policy' }, url: d.documentUrl },
              // The value names the campaign, version and intended person; who clicked comes from Slack's signed payload.
              { type: 'button', action_id: 'acknowledge', style: 'primary', text: { type: 'plain_text', text: 'I have read and agree' }, value: JSON.stringify(d.action) },
            ],
          },
        ],
      };
    }
    case 'acknowledged': {
      const d = reply.data;
      return { text: `Acknowledged on ${d.acknowledgedOn}`, blocks: [section(`*${d.documentTitle}* (version ${d.version})\n✅ Acknowledged on ${d.acknowledgedOn}`)] };
    }
  }
}

/** Several replies as one Slack message (slash command responses are a single message). */
export function slackMessage(replies: BotReply[]): { text: string; blocks: SlackBlock[] } {
  const parts = replies.map(slackBlocks);
  return { text: parts.map((p) => p.text).join(' · ').slice(0, 3000), blocks: parts.flatMap((p, i) => (i === 0 ? p.blocks : [{ type: 'divider' }, ...p.blocks])) };
}
