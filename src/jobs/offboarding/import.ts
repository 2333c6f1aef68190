import { parseHrCsv, type HrMappingInput, type StaffRecord } from '../../../connectors/hr-feed/index.ts';
import type { ImportAction } from '../../domain/offboarding/actions.ts';
import { planImport, type ImportPlan } from '../../domain/offboarding/plan.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { appendAuditLogStatement } from '../../storage/audit-log.ts';
import { listConnections } from '../../storage/connections.ts';
import { listDirectoryUsers } from '../../storage/directory.ts';
import { insertImportStatement, previousFeedRows, type ImportSource, type ImportStatus, type RejectedRow } from '../../storage/hr-imports.ts';
import { listJobs } from '../../storage/offboarding.ts';
import { sha256Hex } from '../../domain/content-hash.ts';
import { getActiveProfile } from '../../storage/profiles.ts';
import type { AuditDeps } from '../audit/deps.ts';
import { alertSbm } from './alert.ts';
import { applyPlan } from './apply.ts';
import { ACTOR } from './context.ts';

export type ImportInput =
  | { schoolId: string; source: Exclude<ImportSource, 'webhook'>; csv: string; mapping: HrMappingInput; dryRun: boolean }
  | { schoolId: string; source: 'webhook'; records: StaffRecord[]; contentHash: string; dryRun: boolean };

/** The one document `tutela hr import --json` prints and the API answers. */
export interface ImportReport {
  importId: string;
  status: ImportStatus;
  accepted: Pick<StaffRecord, 'employeeId' | 'email' | 'status' | 'leaveDate' | 'leaveAt' | 'line' | 'flagged'>[];
  rejected: RejectedRow[];
  held: boolean;
  reason: string | null;
  actions: ImportAction[];
  /** Jobs whose first step was sent to the queue now (the leave time has passed). */
  enqueued: number;
}

const summary = (r: StaffRecord): ImportReport['accepted'][number] => ({ employeeId: r.employeeId, email: r.email, status: r.status, leaveDate: r.leaveDate, leaveAt: r.leaveAt, line: r.line, flagged: r.flagged });

/** Matches the feed to each connection's stored directory and plans the import against the jobs on record. */
export async function planFor(deps: AuditDeps, schoolId: string, records: StaffRecord[], feed: { fullFeed: boolean; rows: number }, approved = false): Promise<Result<ImportPlan>> {
  const profile = await getActiveProfile(deps.db, schoolId);
  if (!profile) return err('not_configured', `School ${schoolId} has no policy profile: the leavers section decides how offboarding works`);
  const connections = await listConnections(deps.db, schoolId);
  const directories = await Promise.all(connections.map(async (c) => ({ id: c.id, users: await listDirectoryUsers(deps.db, c.id) })));
  const jobs = (await listJobs(deps.db, schoolId, { statuses: ['held', 'scheduled', 'running', 'done', 'failed', 'undone'], limit: 100_000 })).map((j) => ({
    id: j.id,
    connectionId: j.connectionId,
    employeeId: j.employeeId,
    leaveDate: j.leaveDate,
    actAt: j.actAt,
    status: j.status,
  }));
  return ok(
    planImport({
      records,
      connections: directories,
      jobs,
      leavers: profile.profile.leavers,
      now: deps.now(),
      fullFeed: feed.fullFeed,
      previousRows: feed.fullFeed ? await previousFeedRows(deps.db, schoolId) : null,
      rows: feed.rows,
      approved,
    }),
  );
}

/**
 * One HR import, CSV roster or webhook event: parse and validate (a structural error applies
 * nothing), match, plan, then either record a dry run, hold the whole import for approval (circuit
 * breaker, short feed), or apply it — staff roster, jobs, cancellations, starter enrolments — and
 * send the jobs whose leave time has passed to the queue straight away.
 */
export async function runHrImport(deps: AuditDeps, input: ImportInput): Promise<Result<ImportReport>> {
  const { db } = deps;
  const now = deps.now();
  const importId = crypto.randomUUID();
  const profile = await getActiveProfile(db, input.schoolId);
  if (!profile) return err('not_configured', `School ${input.schoolId} has no policy profile: the leavers section decides how offboarding works`);

  let records: StaffRecord[];
  let rejected: RejectedRow[] = [];
  let contentHash: string;
  let fullFeed = false;
  if ('csv' in input) {
    contentHash = await sha256Hex(input.csv);
    const parsed = parseHrCsv(input.csv, input.mapping, { disableAt: profile.profile.leavers.disableAt });
    if (!parsed.ok) return parsed;
    if (parsed.value.structuralErrors.length > 0) {
      // Apply nothing: the file itself is broken (wrong columns, truncated, contradictory dates).
      // Row 0: a problem with the file as a whole rather than one line.
      const structural = parsed.value.structuralErrors.map((e) => ({ row: e.line ?? 0, error: e.message }));
      await insertImportStatement(db, { id: importId, schoolId: input.schoolId, source: input.source, contentHash, status: 'rejected', rowCount: 0, rejected: structural, actions: [], heldReason: 'structural errors: nothing applied', receivedAt: now, records: null }).run();
      return ok({ importId, status: 'rejected', accepted: [], rejected: structural, held: false, reason: `The file was refused and nothing was applied: ${structural.map((s) => `line ${s.row}: ${s.error}`).join('; ')}`, actions: [], enqueued: 0 });
    }
    records = parsed.value.accepted;
    rejected = parsed.value.rejected.map((r) => ({ row: r.row, error: r.error }));
    fullFeed = true;
  } else {
    records = input.records;
    contentHash = input.contentHash;
  }

  const rows = records.length + rejected.length;
  const planned = await planFor(deps, input.schoolId, records, { fullFeed, rows });
  if (!planned.ok) return planned;
  const plan = planned.value;
  const report = (status: ImportStatus, enqueued = 0): ImportReport => ({ importId, status, accepted: records.map(summary), rejected, held: status !== 'applied' && plan.held, reason: plan.reason, actions: plan.actions, enqueued });
  const base = { id: importId, schoolId: input.schoolId, source: input.source, contentHash, rowCount: rows, rejected, actions: plan.actions, receivedAt: now };

  if (input.dryRun) {
    await insertImportStatement(db, { ...base, status: 'dry-run', heldReason: plan.reason, records: null }).run();
    return ok(report('dry-run'));
  }
  if (plan.held) {
    await db.batch([
      insertImportStatement(db, { ...base, status: 'held', heldReason: plan.reason, records }),
      appendAuditLogStatement(db, { schoolId: input.schoolId, actor: ACTOR, action: 'hr-import.held', targetType: 'hr-import', targetId: importId, policyRef: 'leavers.breaker', outcome: 'applied', after: { reason: plan.reason, disables: plan.disables, activeStaff: plan.activeStaff, rows } }, now),
    ]);
    await alertSbm(deps, { id: importId, schoolId: input.schoolId, subjectEmail: 'hr-import' }, 'An HR import is waiting for your approval', `${plan.reason ?? ''} Nothing has been changed. Approve or reject it in Tutela.`);
    return ok(report('held'));
  }
  const applied = await applyPlan(deps, { importId, schoolId: input.schoolId, records, plan, profile: profile.profile, now, record: [insertImportStatement(db, { ...base, status: 'applied', heldReason: null, records: null })] });
  return ok(report('applied', applied.enqueued));
}
