import type { StaffRecord } from '../../../connectors/hr-feed/index.ts';
import { listIncludes } from '../audit/addresses.ts';
import type { DirectoryUser } from '../audit/snapshot.ts';
import type { PolicyProfile } from '../profile/schema.ts';
import type { ImportAction } from './actions.ts';
import { indexDirectory, matchAccount } from './match.ts';

export interface JobSummary {
  id: string;
  connectionId: string;
  employeeId: string;
  leaveDate: string | null;
  actAt: string;
  status: 'held' | 'scheduled' | 'running' | 'done' | 'failed' | 'cancelled' | 'undone';
}

export interface PlanInput {
  records: readonly StaffRecord[];
  connections: readonly { id: string; users: readonly DirectoryUser[] }[];
  /** Every job of the school that is not cancelled (live, done, failed and undone). */
  jobs: readonly JobSummary[];
  leavers: PolicyProfile['leavers'];
  now: Date;
  /** A full roster (CSV) is compared with the last one; a webhook event carries one person. */
  fullFeed: boolean;
  /** Data rows of the last applied full feed, if any. */
  previousRows: number | null;
  /** Data rows of this feed (accepted and rejected). */
  rows: number;
  /** Set when a person approved a held import: the breaker has had its say. */
  approved?: boolean;
}

export interface ImportPlan {
  actions: ImportAction[];
  held: boolean;
  reason: string | null;
  /** Distinct people this import would disable (now or later). */
  disables: number;
  activeStaff: number;
}

const isProtected = (u: DirectoryUser, list: readonly string[]) => listIncludes(list, u.email) || u.aliases.some((a) => listIncludes(list, a.replace(/^smtp:/i, '')));

/**
 * Decides what an import does; pure, so the dry run, the held import and the applied one agree.
 * Protected accounts are never disabled; ambiguous or missing matches become review items; the
 * circuit breaker holds the whole import when it would disable too many people at once.
 */
export function planImport(input: PlanInput): ImportPlan {
  const actions: ImportAction[] = [];
  const indexes = input.connections.map((c) => ({ id: c.id, index: indexDirectory(c.users) }));
  const live = (connectionId: string, employeeId: string) =>
    input.jobs.find((j) => j.connectionId === connectionId && j.employeeId.toLowerCase() === employeeId.toLowerCase() && ['held', 'scheduled', 'running'].includes(j.status));
  const finished = (connectionId: string, employeeId: string, leaveDate: string | null) =>
    input.jobs.find((j) => j.connectionId === connectionId && j.employeeId.toLowerCase() === employeeId.toLowerCase() && ['done', 'failed', 'undone'].includes(j.status) && j.leaveDate === leaveDate);

  for (const r of input.records) {
    const found = indexes.map((c) => ({ connectionId: c.id, outcome: matchAccount(r, c.index) }));
    const review = (connectionId: string | null, reason: string, candidates: { id: string; email: string }[] = []) =>
      actions.push({ type: 'review', employeeId: r.employeeId, email: r.email, line: r.line, connectionId, reason, candidates });

    for (const f of found) {
      if (f.outcome.kind === 'ambiguous' && r.status !== 'current') review(f.connectionId, `ambiguous match: ${f.outcome.reason}`, f.outcome.candidates);
    }
    if (r.status === 'leaver' && found.every((f) => f.outcome.kind === 'unmatched')) review(null, 'leaver with no matching account (by employee id, address or alias)');
    if (r.status === 'starter' && found.every((f) => f.outcome.kind === 'unmatched')) review(null, 'starter with no account yet: enrol them once the account exists');

    for (const f of found) {
      if (f.outcome.kind !== 'matched') continue;
      const u = f.outcome.user;
      const who = { employeeId: r.employeeId, email: u.email, userId: u.id, connectionId: f.connectionId };
      const job = live(f.connectionId, r.employeeId);

      if (r.status !== 'leaver') {
        if (job && job.status !== 'running') actions.push({ type: 'cancel', ...who, jobId: job.id, reason: r.status === 'current' && !r.leaveDate ? 'rehired' : 'no-longer-leaving' });
        if (r.status === 'starter') actions.push({ type: 'enrol-starter', ...who });
        continue;
      }
      const leaveDate = r.leaveDate as string;
      const actAt = r.leaveAt as string;
      if (isProtected(u, input.leavers.protectedAccounts)) {
        actions.push({ type: 'protected', ...who, note: 'protected account: never disabled by the HR feed' });
        continue;
      }
      if (job) {
        if (job.leaveDate === leaveDate || job.status === 'running') {
          actions.push({ type: 'already-scheduled', ...who, jobId: job.id, actAt: job.actAt });
          continue;
        }
        actions.push({ type: 'cancel', ...who, jobId: job.id, reason: 'leave-date-changed' });
      }
      if (!u.enabled) {
        actions.push({ type: 'already-disabled', ...who });
        continue;
      }
      const past = finished(f.connectionId, r.employeeId, leaveDate);
      if (past) {
        review(f.connectionId, `account is enabled again after offboarding job ${past.id} (${past.status}); not repeated automatically`, [{ id: u.id, email: u.email }]);
        continue;
      }
      const when = Date.parse(actAt) <= input.now.getTime() ? 'now' : 'scheduled';
      actions.push({ type: 'disable', ...who, leaveDate, actAt, when, matchedBy: f.outcome.by });
    }
  }

  const disables = new Set(actions.filter((a) => a.type === 'disable').map((a) => a.employeeId.toLowerCase())).size;
  const activeStaff = Math.max(0, ...input.connections.map((c) => c.users.filter((u) => u.enabled && u.kind === 'user' && !isProtected(u, input.leavers.protectedAccounts)).length));
  const reasons: string[] = [];
  const { maxDisables, maxPercent, minFeedRatio } = input.leavers.breaker;
  if (disables > maxDisables) reasons.push(`it would disable ${disables} people; the profile allows ${maxDisables} per import without approval`);
  else if (disables * 100 > maxPercent * activeStaff) reasons.push(`it would disable ${disables} of ${activeStaff} active staff, more than ${maxPercent}%`);
  if (input.fullFeed && input.previousRows !== null && input.rows < minFeedRatio * input.previousRows) {
    reasons.push(`the feed has ${input.rows} rows, fewer than ${Math.round(minFeedRatio * 100)}% of the previous feed's ${input.previousRows} (a truncated export?)`);
  }
  const held = !input.approved && reasons.length > 0;
  return { actions, held, reason: reasons.length ? `Held for approval: ${reasons.join('; ')}.` : null, disables, activeStaff };
}
