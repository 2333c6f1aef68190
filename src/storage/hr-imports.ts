import { z } from 'zod';
import { staffRecordSchema, type StaffRecord } from '../../connectors/hr-feed/index.ts';
import { importActionsSchema, type ImportAction } from '../domain/offboarding/actions.ts';
import { readJson } from './json.ts';

export type ImportSource = 'csv' | 'webhook' | 'api' | 'cli';
export type ImportStatus = 'dry-run' | 'rejected' | 'held' | 'applied' | 'approved' | 'cancelled';

export const rejectedRowSchema = z.object({ row: z.number().int(), error: z.string() });
export type RejectedRow = z.infer<typeof rejectedRowSchema>;

export interface HrImport {
  id: string;
  schoolId: string;
  source: ImportSource;
  contentHash: string;
  status: ImportStatus;
  rowCount: number;
  rejected: RejectedRow[];
  actions: ImportAction[];
  heldReason: string | null;
  receivedAt: string;
  decidedAt: string | null;
  /** Kept only while held: what approval applies. */
  records: StaffRecord[] | null;
}

interface ImportRow {
  id: string;
  school_id: string;
  source: ImportSource;
  content_hash: string;
  status: ImportStatus;
  row_count: number;
  rejected_json: string;
  actions_json: string;
  held_reason: string | null;
  received_at: string;
  decided_at: string | null;
  records_json: string | null;
}

const toImport = (r: ImportRow): HrImport => ({
  id: r.id,
  schoolId: r.school_id,
  source: r.source,
  contentHash: r.content_hash,
  status: r.status,
  rowCount: r.row_count,
  rejected: readJson(z.array(rejectedRowSchema), r.rejected_json, 'hr_imports.rejected_json'),
  actions: readJson(importActionsSchema, r.actions_json, 'hr_imports.actions_json'),
  heldReason: r.held_reason,
  receivedAt: r.received_at,
  decidedAt: r.decided_at,
  records: r.records_json === null ? null : readJson(z.array(staffRecordSchema), r.records_json, 'hr_imports.records_json'),
});

export function insertImportStatement(
  db: D1Database,
  i: Omit<HrImport, 'decidedAt' | 'receivedAt'> & { receivedAt: Date },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO hr_imports (id, school_id, source, content_hash, status, row_count, rejected_json, actions_json, held_reason, received_at, records_json)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)`,
    )
    .bind(i.id, i.schoolId, i.source, i.contentHash, i.status, i.rowCount, JSON.stringify(i.rejected), JSON.stringify(i.actions), i.heldReason, i.receivedAt.toISOString(), i.records === null ? null : JSON.stringify(i.records));
}

/** Decides a held import once: the statement changes nothing unless the import is still held. */
export function decideImportStatement(db: D1Database, id: string, status: 'approved' | 'cancelled', actions: ImportAction[] | null, now: Date): D1PreparedStatement {
  return db
    .prepare(`UPDATE hr_imports SET status = ?2, decided_at = ?3, actions_json = COALESCE(?4, actions_json), records_json = NULL WHERE id = ?1 AND status = 'held'`)
    .bind(id, status, now.toISOString(), actions === null ? null : JSON.stringify(actions));
}

export async function getImport(db: D1Database, id: string): Promise<HrImport | null> {
  const row = await db.prepare('SELECT * FROM hr_imports WHERE id = ?1').bind(id).first<ImportRow>();
  return row ? toImport(row) : null;
}

export async function listImports(db: D1Database, schoolId: string, limit = 50): Promise<Omit<HrImport, 'records'>[]> {
  const { results } = await db.prepare('SELECT * FROM hr_imports WHERE school_id = ?1 ORDER BY received_at DESC, id LIMIT ?2').bind(schoolId, limit).all<ImportRow>();
  return results.map((r) => {
    const { records: _records, ...rest } = toImport(r);
    return rest;
  });
}

/** Rows of the last full roster that was applied: the baseline for the short-feed check. */
export async function previousFeedRows(db: D1Database, schoolId: string): Promise<number | null> {
  const row = await db
    .prepare(`SELECT row_count FROM hr_imports WHERE school_id = ?1 AND source IN ('csv', 'api', 'cli') AND status IN ('applied', 'approved') ORDER BY received_at DESC LIMIT 1`)
    .bind(schoolId)
    .first<{ row_count: number }>();
  return row ? row.row_count : null;
}

/**
 * Lets a sender's retry through after we failed to process an event we had already remembered
 * (remember-then-process): otherwise the retry would be refused as a replay and the leaver lost.
 */
export async function forgetWebhookEvent(db: D1Database, schoolId: string, eventId: string): Promise<void> {
  await db.prepare('DELETE FROM hr_webhook_events WHERE school_id = ?1 AND event_id = ?2').bind(schoolId, eventId).run();
}

/** Drops remembered webhook event ids older than `before`: a replay that late is refused by its timestamp anyway. */
export async function pruneWebhookEvents(db: D1Database, before: Date): Promise<void> {
  await db.prepare('DELETE FROM hr_webhook_events WHERE received_at < ?1').bind(before.toISOString()).run();
}
