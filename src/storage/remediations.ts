import { z } from 'zod';
import type { CheckId, RemediationMode } from '../domain/checks/ids.ts';
import { readJson } from './json.ts';

export type ActionStatus = 'pending-approval' | 'approved' | 'rejected' | 'running' | 'done' | 'failed' | 'skipped';

export interface RemediationAction {
  id: string;
  schoolId: string;
  findingId: string | null;
  checkId: CheckId;
  action: string;
  mode: RemediationMode;
  dryRun: boolean;
  status: ActionStatus;
  params: Record<string, unknown>;
  result: unknown;
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
}

interface ActionRow {
  id: string;
  school_id: string;
  finding_id: string | null;
  check_id: CheckId;
  action: string;
  mode: RemediationMode;
  dry_run: number;
  status: ActionStatus;
  params_json: string;
  result_json: string | null;
  requested_by: string;
  created_at: string;
  updated_at: string;
}

const paramsSchema = z.record(z.string(), z.unknown());

const toAction = (r: ActionRow): RemediationAction => ({
  id: r.id,
  schoolId: r.school_id,
  findingId: r.finding_id,
  checkId: r.check_id,
  action: r.action,
  mode: r.mode,
  dryRun: r.dry_run === 1,
  status: r.status,
  params: readJson(paramsSchema, r.params_json, 'remediation_actions.params_json'),
  result: r.result_json === null ? null : (JSON.parse(r.result_json) as unknown),
  requestedBy: r.requested_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** An action still waiting or under way blocks a second one for the same finding. */
export const LIVE_STATUSES: ActionStatus[] = ['pending-approval', 'approved', 'running'];

export function insertActionStatement(
  db: D1Database,
  a: Omit<RemediationAction, 'result' | 'createdAt' | 'updatedAt'> & { idempotencyKey: string },
  now: Date,
): D1PreparedStatement {
  const at = now.toISOString();
  // INSERT … SELECT … WHERE NOT EXISTS: a finding never gets two live actions, however often a run is finalised.
  return db
    .prepare(
      `INSERT INTO remediation_actions (id, school_id, finding_id, check_id, action, mode, dry_run, status, params_json, idempotency_key, requested_by, created_at, updated_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12
       WHERE NOT EXISTS (SELECT 1 FROM remediation_actions WHERE finding_id = ?3 AND action = ?5 AND status IN ('pending-approval', 'approved', 'running'))
       ON CONFLICT (idempotency_key) DO NOTHING`,
    )
    .bind(a.id, a.schoolId, a.findingId, a.checkId, a.action, a.mode, a.dryRun ? 1 : 0, a.status, JSON.stringify(a.params), a.idempotencyKey, a.requestedBy, at);
}

export async function getAction(db: D1Database, id: string): Promise<RemediationAction | null> {
  const row = await db.prepare('SELECT * FROM remediation_actions WHERE id = ?1').bind(id).first<ActionRow>();
  return row ? toAction(row) : null;
}

export async function listActions(db: D1Database, schoolId: string, options: { status?: ActionStatus; findingId?: string; limit?: number } = {}): Promise<RemediationAction[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM remediation_actions WHERE school_id = ?1 AND (?2 IS NULL OR status = ?2) AND (?3 IS NULL OR finding_id = ?3)
       ORDER BY created_at DESC LIMIT ?4`,
    )
    .bind(schoolId, options.status ?? null, options.findingId ?? null, Math.min(options.limit ?? 200, 1000))
    .all<ActionRow>();
  return results.map(toAction);
}

/** Moves an action from one of `from` to `to`; false when it was not in one of those states (someone else moved it). */
export async function transitionAction(db: D1Database, id: string, from: ActionStatus[], to: ActionStatus, now: Date, result?: unknown): Promise<boolean> {
  const res = await db
    .prepare(
      `UPDATE remediation_actions SET status = ?2, updated_at = ?3, result_json = COALESCE(?4, result_json)
       WHERE id = ?1 AND status IN (SELECT value FROM json_each(?5))`,
    )
    .bind(id, to, now.toISOString(), result === undefined ? null : JSON.stringify(result), JSON.stringify(from))
    .run();
  return res.meta.changes === 1;
}

export function transitionActionStatement(db: D1Database, id: string, to: ActionStatus, now: Date, result: unknown): D1PreparedStatement {
  return db
    .prepare('UPDATE remediation_actions SET status = ?2, updated_at = ?3, result_json = ?4 WHERE id = ?1')
    .bind(id, to, now.toISOString(), JSON.stringify(result));
}
