import { csvLine } from '../../../connectors/hr-feed/csv-injection.ts';
import type { Acknowledgement, AssignmentStatus } from '../../storage/acknowledgements.ts';
import { dueAt } from './due.ts';

export const EVIDENCE_COLUMNS = ['document', 'document_title', 'version', 'content_hash', 'email', 'user_key', 'status', 'acknowledged_at', 'channel', 'campaign_id', 'assigned_at', 'due_at'] as const;

type Ack = Acknowledgement & { documentSlug: string; documentTitle: string; version: number };

/**
 * The inspection evidence: one line per person per version asked, plus acknowledgements given
 * without being asked. Every field goes through csvLine, so a display name or email that starts
 * with "=" cannot become a spreadsheet formula.
 */
export function evidenceCsv(assignments: AssignmentStatus[], acks: Ack[], starterDays: number, now: Date): string {
  const lines: string[] = [csvLine([...EVIDENCE_COLUMNS])];
  const covered = new Set<string>();
  for (const a of assignments) {
    const due = dueAt(a, starterDays);
    const ack = acks.find((k) => k.versionId === a.versionId && (k.userKey === a.userKey || k.email === a.email));
    if (ack) covered.add(ack.id);
    const status = ack ? 'acknowledged' : Date.parse(due) < now.getTime() ? 'overdue' : 'outstanding';
    lines.push(csvLine([a.documentSlug, a.documentTitle, a.version, a.contentHash, a.email, a.userKey, status, ack?.acknowledgedAt ?? '', ack?.channel ?? '', a.campaignId, a.assignedAt, due]));
  }
  for (const k of acks.filter((k) => !covered.has(k.id))) {
    lines.push(csvLine([k.documentSlug, k.documentTitle, k.version, k.contentHash, k.email, k.userKey, 'acknowledged', k.acknowledgedAt, k.channel, k.campaignId ?? '', '', '']));
  }
  return `${lines.join('\r\n')}\r\n`;
}
