import type { SlackBlock } from '../connectors/slack/index.ts';
import { changeText, weeklyVerbs, type WeeklyCardData } from './weekly-card-data.ts';

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const section = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const icon: Record<WeeklyCardData['status']['level'], string> = { good: ':white_check_mark:', attention: ':warning:', action: ':red_circle:' };

type Button = { text: string; verb: string; data: Record<string, string>; style?: 'primary' | 'danger' };

/**
 * One row of buttons per item, so each action id (the verb) is unique within its block as Slack
 * requires. The value names the school and the item only; who pressed comes from Slack's signed payload.
 */
const buttons = (schoolId: string, items: Button[]): SlackBlock => ({
  type: 'actions',
  elements: items.map((b) => ({ type: 'button', text: { type: 'plain_text', text: b.text }, action_id: b.verb, value: JSON.stringify({ schoolId, ...b.data }), ...(b.style ? { style: b.style } : {}) })),
});

/**
 * The Monday card for schools whose bot is in Slack (Block Kit). Same data and the same `sbm.*`
 * verbs as the Teams card: the Slack bot route runs them and replaces this message with the card
 * rebuilt. The URL button reuses the action id the Slack bot acknowledges without doing anything.
 */
export function weeklySlackBlocks(d: WeeklyCardData): { text: string; blocks: SlackBlock[] } {
  const a = d.acknowledgements;
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `Email policy this week — ${d.schoolName}`.slice(0, 150) } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `Week of ${esc(d.weekOf)}` }] },
    section(`${icon[d.status.level]} *${esc(d.status.headline)}*\n${d.status.reasons.map((r) => `• ${esc(r)}`).join('\n')}`),
    { type: 'divider' },
    section(
      a.percent === null
        ? '*Policy acknowledgements*\nNo acknowledgement campaign is running.'
        : `*Policy acknowledgements*: ${a.percent}% done (${a.done} of ${a.total})${a.outstandingCount ? `\nStill to acknowledge: ${a.outstanding.map(esc).join(', ')}${a.outstandingCount > a.outstanding.length ? ` and ${a.outstandingCount - a.outstanding.length} more` : ''}` : ''}`,
    ),
    ...(a.outstandingCount ? [buttons(d.schoolId, [{ text: 'Send reminders', verb: weeklyVerbs.remind, data: {} }])] : []),
    section(`*Open findings*: ${d.findings.totalOpen} (${changeText(d.findings.totalChange)})\n${d.findings.byCheck.map((c) => `• ${esc(c.title)}: ${c.open} (${changeText(c.change)})`).join('\n')}`.trim()),
    section(`*Fixes*: ${d.remediations.doneThisWeek} applied this week; ${d.remediations.pendingCount} waiting for your approval.`),
    ...d.remediations.pending.flatMap((p) => [
      section(`${esc(p.title)} — ${esc(p.subject)}`),
      buttons(d.schoolId, [
        { text: 'Approve fix', verb: weeklyVerbs.approveRemediation, data: { actionId: p.actionId }, style: 'primary' },
        { text: 'Reject', verb: weeklyVerbs.rejectRemediation, data: { actionId: p.actionId } },
      ]),
    ]),
    section(
      d.leavers.tracked
        ? `*Leavers*: ${d.leavers.onTime} on time, ${d.leavers.late} late, ${d.leavers.held.reduce((n, h) => n + h.people, 0)} held for approval.`
        : '*Leavers*: no leavers from the HR feed have been processed yet.',
    ),
    ...d.leavers.held.flatMap((h) => [
      section(`HR import of ${esc(h.receivedOn)}: ${h.people} leaver${h.people === 1 ? '' : 's'} held — ${esc(h.reason)}`),
      buttons(d.schoolId, [
        { text: 'Approve leavers', verb: weeklyVerbs.approveLeavers, data: { importId: h.importId }, style: 'primary' },
        { text: 'Reject', verb: weeklyVerbs.rejectLeavers, data: { importId: h.importId }, style: 'danger' },
      ]),
    ]),
    section(`*Dormant accounts*: ${d.dormant.open} (${changeText(d.dormant.change)})\n*Retention*: ${esc(d.retention.text)}`),
    {
      type: 'actions',
      elements: [
        { type: 'button', text: { type: 'plain_text', text: 'Open the dashboard' }, url: d.dashboardUrl, action_id: 'open_policy', style: 'primary' },
        { type: 'button', text: { type: 'plain_text', text: 'Refresh' }, action_id: weeklyVerbs.refresh, value: JSON.stringify({ schoolId: d.schoolId }) },
      ],
    },
  ];
  if (d.notice) blocks.splice(2, 0, { type: 'context', elements: [{ type: 'mrkdwn', text: `${d.notice.tone === 'good' ? ':white_check_mark:' : ':warning:'} ${esc(d.notice.text)}` }] });
  return { text: `Email policy this week for ${d.schoolName}: ${d.status.headline}`, blocks };
}
