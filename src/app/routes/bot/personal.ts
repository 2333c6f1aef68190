import { dueAt, ukDate, ukDateTime, type VerifiedStaff } from '../../../domain/acknowledgements/index.ts';
import { assignmentsForPerson } from '../../../storage/acknowledgements.ts';
import { getActiveProfile } from '../../../storage/profiles.ts';
import { changesForPerson, lastAuditFinishedAt, openFindingsForPerson } from '../../../storage/staff-history.ts';
import { answerPolicyQuestion, documentUrl, type AnswerDeps } from './answerer.ts';
import type { BotReply } from './replies.ts';

/** "Have I signed the AUP?": the asker's own assignments, with a button for anything outstanding. */
export async function ackStatusReplies(db: D1Database, who: VerifiedStaff, publicUrl: string, now: Date): Promise<BotReply[]> {
  const assignments = await assignmentsForPerson(db, who.schoolId, who.email);
  if (assignments.length === 0) return [{ kind: 'text', text: 'You have nothing to acknowledge at the moment.' }];
  const starterDays = (await getActiveProfile(db, who.schoolId))?.profile.acknowledgements.starterDays ?? 14;
  return assignments.map((a): BotReply => {
    if (a.acknowledgedAt) {
      return { kind: 'acknowledged', data: { documentTitle: a.documentTitle, version: a.version, acknowledgedOn: ukDateTime(a.acknowledgedAt) } };
    }
    const due = dueAt(a, starterDays);
    return {
      kind: 'ack-request',
      data: {
        documentTitle: a.documentTitle,
        version: a.version,
        dueDate: ukDate(due),
        documentUrl: documentUrl(publicUrl, who.schoolId, a.documentSlug),
        action: { campaignId: a.campaignId, versionId: a.versionId, forUser: who.userKey },
        ...(Date.parse(due) < now.getTime() ? { overdue: true } : {}),
      },
    };
  });
}

const describeAction = (action: string) => action.replace(/-/g, ' ');

function ruleName(before: unknown): string | undefined {
  if (before && typeof before === 'object') {
    for (const key of ['displayName', 'name', 'ruleName']) {
      const value = (before as Record<string, unknown>)[key];
      if (typeof value === 'string' && value.trim()) return value.trim();
    }
  }
  return undefined;
}

/** "Why was my forwarding rule turned off?": the changes Tutela made to the asker's mailbox, newest first. */
export async function forwardingReplies(deps: AnswerDeps, who: VerifiedStaff): Promise<BotReply[]> {
  const changes = await changesForPerson(deps.db, who.schoolId, who.email, 'forwarding.');
  if (changes.length === 0) {
    return [{ kind: 'text', text: 'Tutela has not changed any forwarding on your mailbox. If forwarding stopped, your IT support can check what else changed.' }];
  }
  const lines = changes.map((c) => {
    const name = ruleName(c.before);
    return `• ${ukDateTime(c.at)}: ${describeAction(c.action)}${name ? ` “${name}”` : ''}${c.policyRef ? ` (policy rule ${c.policyRef})` : ''}`;
  });
  const why = await answerPolicyQuestion(deps, who.schoolId, 'Can I automatically forward my email to an address outside the school?');
  const replies: BotReply[] = [
    { kind: 'text', title: 'Why your forwarding was changed', text: `Your mailbox forwarded mail outside the school, which the email policy does not allow. What Tutela did, most recent first:\n${lines.join('\n')}` },
  ];
  if (why.answered) replies.push({ kind: 'answer', data: { question: 'automatic forwarding', ...why } });
  return replies;
}

/** "Is my mailbox compliant?": the asker's own open findings. */
export async function complianceReplies(db: D1Database, who: VerifiedStaff): Promise<BotReply[]> {
  const [findings, lastAudit] = await Promise.all([openFindingsForPerson(db, who.schoolId, who.email), lastAuditFinishedAt(db, who.schoolId)]);
  const asOf = lastAudit ? ` as of the last check on ${ukDateTime(lastAudit)}` : '';
  if (findings.length === 0) return [{ kind: 'text', text: `Your mailbox meets the school’s email policy${asOf}.` }];
  const lines = findings.map((f) => `• ${f.summary} (policy rule ${f.policyRef})`);
  return [{ kind: 'text', title: `${findings.length} thing${findings.length === 1 ? '' : 's'} to put right`, text: `Your mailbox does not yet meet the email policy${asOf}:\n${lines.join('\n')}` }];
}
