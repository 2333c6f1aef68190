import type { WeeklyCardData } from '../../../adaptive-cards/weekly-card-data.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * One word for the week. "Action needed" when something waits on the School Business Manager
 * (approvals, held leavers, a leaver switched off late, serious findings); "Needs attention" when
 * something is open but nobody is blocked; otherwise "All good". The reasons say why.
 */
export function overallStatus(
  d: WeeklyCardData,
  facts: { highOpen: number; overdueAcks: number; lastRun: { status: string; errors: number } | null },
): WeeklyCardData['status'] {
  const action: string[] = [];
  const attention: string[] = [];
  const heldPeople = d.leavers.held.reduce((n, h) => n + h.people, 0);
  if (heldPeople > 0) action.push(`${plural(heldPeople, 'leaver')} held for your approval`);
  if (d.remediations.pendingCount > 0) action.push(`${plural(d.remediations.pendingCount, 'fix', 'fixes')} waiting for your approval`);
  if (d.leavers.late > 0) action.push(`${plural(d.leavers.late, 'leaver')} switched off late this week`);
  if (facts.highOpen > 0) action.push(`${plural(facts.highOpen, 'serious finding')} open`);
  if (d.retention.level === 'action') action.push(d.retention.text);
  if (facts.overdueAcks > 0) attention.push(`${plural(facts.overdueAcks, 'acknowledgement')} overdue`);
  const otherOpen = d.findings.totalOpen - facts.highOpen;
  if (otherOpen > 0) attention.push(`${plural(otherOpen, 'other finding')} open`);
  if (!facts.lastRun) attention.push('No audit has finished yet');
  else if (facts.lastRun.status !== 'completed') attention.push(`The last audit was ${facts.lastRun.status} (${plural(facts.lastRun.errors, 'error')}); see connection health`);
  if (action.length) return { level: 'action', headline: 'Action needed', reasons: [...action, ...attention] };
  if (attention.length) return { level: 'attention', headline: 'Needs attention', reasons: attention };
  return { level: 'good', headline: 'All good', reasons: ['Every check passed and nothing is waiting for you.'] };
}
