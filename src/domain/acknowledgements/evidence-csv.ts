import { csvLine } from '../../../connectors/hr-feed/csv-injection.ts';
import type { Acknowledgement, AssignmentStatus } from '../../storage/acknowledgements.ts';
import { dueAt } from './due.ts';

export const EVIDENCE_COLUMNS = ['document', 'document_title', 'version', 'content_hash', 'email', 'user_key', 'status', 'acknowledged_at', 'channel', 'campaign_id', 'assigned_at', 'due_at'] as const;

type Ack = Acknowledgement & { documentSlug: string; documentTitle: string; version: number };

const personVersion = (versionId: string, email: string) => `${versionId} ${email.trim().toLowerCase()}`;

/**
 * The inspection evidence: one line per person per version asked, plus acknowledgements given
 * without being asked. A person assigned twice for one version (under a Microsoft and a Google
 * account, or by an annual renewal of the same version) is one line: the earliest assignment, or
 * the one whose account acknowledged. Every field goes through csvLine, so a display name or email
 * that starts with "=" cannot become a spreadsheet formula.
 */
export function evidenceCsv(assignments: AssignmentStatus[], acks: Ack[], starterDays: number, now: Date): string {
  const lines: string[] = [csvLine([...EVIDENCE_COLUMNS])];
  const covered = new Set<string>();
  const ackFor = (a: AssignmentStatus) => acks.find((k) => k.versionId === a.versionId && (k.userKey === a.userKey || k.email.toLowerCase() === a.email.toLowerCase()));
  const rank = (a: AssignmentStatus) => `${ackFor(a)?.userKey === a.userKey ? 0 : 1} ${a.assignedAt}`;
  const chosen = new Map<string, AssignmentStatus>();
  for (const a of assignments) {
    const key = personVersion(a.versionId, a.email);
    const prior = chosen.get(key);
    if (!prior || rank(a) < rank(prior)) chosen.set(key, a);
  }
  for (const a of assignments.filter((x) => chosen.get(personVersion(x.versionId, x.email)) === x)) {
    const due = dueAt(a, starterDays);
    const ack = ackFor(a);
    if (ack) covered.add(ack.id);
    const status = ack ? 'acknowledged' : Date.parse(due) < now.getTime() ? 'overdue' : 'outstanding';
    lines.push(csvLine([a.documentSlug, a.documentTitle, a.version, a.contentHash, a.email, a.userKey, status, ack?.acknowledgedAt ?? '', ack?.channel ?? '', a.campaignId, a.assignedAt, due]));
  }
  for (const k of acks.filter((k) => !covered.has(k.id))) {
    lines.push(csvLine([k.documentSlug, k.documentTitle, k.version, k.contentHash, k.email, k.userKey, 'acknowledged', k.acknowledgedAt, k.channel, k.campaignId ?? '', '', '']));
  }
  return `${lines.join('\r\n')}\r\n`;
}
