import type { SlackBlock } from '../connectors/slack/index.ts';
import { changeText, type WeeklyCardData } from './weekly-card-data.ts';

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const section = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const icon: Record<WeeklyCardData['status']['level'], string> = { good: ':white_check_mark:', attention: ':warning:', action: ':red_circle:' };

/**
 * The Monday card for schools whose bot is in Slack (Block Kit). Same data as the Teams card;
 * decisions (approve, reject, reminders) open the dashboard, where they are taken with CSRF-protected
 * forms, because Slack interactivity for these buttons is not wired to the SBM actions yet. The URL
 * button reuses the action id the Slack bot already acknowledges without doing anything.
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
    section(`*Open findings*: ${d.findings.totalOpen} (${changeText(d.findings.totalChange)})\n${d.findings.byCheck.map((c) => `• ${esc(c.title)}: ${c.open} (${changeText(c.change)})`).join('\n')}`.trim()),
    section(`*Fixes*: ${d.remediations.doneThisWeek} applied this week; ${d.remediations.pendingCount} waiting for your approval.`),
    section(
      d.leavers.tracked
        ? `*Leavers*: ${d.leavers.onTime} on time, ${d.leavers.late} late, ${d.leavers.held.reduce((n, h) => n + h.people, 0)} held for approval.`
        : '*Leavers*: no leavers from the HR feed have been processed yet.',
    ),
    section(`*Dormant accounts*: ${d.dormant.open} (${changeText(d.dormant.change)})\n*Retention*: ${esc(d.retention.text)}`),
    { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open the dashboard' }, url: d.dashboardUrl, action_id: 'open_policy', style: 'primary' }] },
  ];
  return { text: `Email policy this week for ${d.schoolName}: ${d.status.headline}`, blocks };
}
