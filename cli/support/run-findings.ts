import { severities } from '../../src/domain/checks/ids.ts';
import { listFindings, type StoredFinding } from '../../src/storage/findings.ts';
import type { AuditRun } from '../../src/storage/runs.ts';

/** listFindings returns at most this many rows per call (src/storage/findings.ts). */
const PAGE = 20_000;

/**
 * Every finding a run saw, one query per check so a large school is not cut at one call's limit
 * (a 20,000-mailbox school can pass 20,000 findings). `truncated` says a single check still was.
 */
export async function listRunFindings(db: D1Database, run: AuditRun): Promise<{ findings: StoredFinding[]; truncated: boolean }> {
  const perCheck = await Promise.all(run.checks.map((checkId) => listFindings(db, run.schoolId, { runId: run.id, checkId, limit: PAGE })));
  const rank = (f: StoredFinding) => severities.indexOf(f.severity);
  const findings = perCheck
    .flat()
    .sort((a, b) => rank(a) - rank(b) || a.checkId.localeCompare(b.checkId) || (a.subject.email ?? '').localeCompare(b.subject.email ?? '') || (a.subject.item ?? '').localeCompare(b.subject.item ?? ''));
  return { findings, truncated: perCheck.some((list) => list.length === PAGE) };
}
