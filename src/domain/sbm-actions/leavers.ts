import { err, ok, type Result } from '../result.ts';

export type LeaverDecision = 'approved' | 'rejected';

/**
 * Approving or rejecting an HR import the breaker held. A port, because applying an import belongs
 * to the offboarding engine: when it offers its own decision function, wire that in place of
 * `heldImportDecider` (src/jobs/weekly-card.ts and the dashboard build the deps).
 */
export interface LeaverDecider {
  decide(input: { schoolId: string; importId: string; decision: LeaverDecision; by: string; now: Date }): Promise<Result<{ status: string; changed: boolean }>>;
}

/**
 * The decision on the rows the schema defines: a held import's held jobs become scheduled
 * (approve) or cancelled (reject), the import is marked decided, and the approval is recorded —
 * all in one batch, and only while the import is still held, so a second press changes nothing.
 * An approval that would need the import's records applied first (no held jobs yet) is refused
 * with not_configured rather than marking it approved with nothing done.
 */
export function heldImportDecider(db: D1Database): LeaverDecider {
  return {
    async decide({ schoolId, importId, decision, by, now }) {
      const row = await db
        .prepare("SELECT status, (SELECT COUNT(*) FROM offboarding_jobs j WHERE j.hr_import_id = i.id AND j.status = 'held') AS held_jobs FROM hr_imports i WHERE id = ?1 AND school_id = ?2")
        .bind(importId, schoolId)
        .first<{ status: string; held_jobs: number }>();
      if (!row) return err('not_found', 'No such HR import for this school.');
      const decided = decision === 'approved' ? 'approved' : 'cancelled';
      if (row.status !== 'held') {
        return row.status === decided ? ok({ status: row.status, changed: false }) : err('conflict', `This HR import is already ${row.status}; nothing was changed.`);
      }
      if (decision === 'approved' && row.held_jobs === 0) {
        return err('not_configured', 'Approving this import needs the offboarding engine to apply it; approve it from the offboarding page once the engine is installed.');
      }
      const at = now.toISOString();
      // Jobs first, while the import is still held; then the import; the approval row is unique per import.
      const results = await db.batch([
        db
          .prepare("UPDATE offboarding_jobs SET status = ?2, updated_at = ?3 WHERE hr_import_id = ?1 AND status = 'held' AND EXISTS (SELECT 1 FROM hr_imports WHERE id = ?1 AND status = 'held')")
          .bind(importId, decision === 'approved' ? 'scheduled' : 'cancelled', at),
        db.prepare("UPDATE hr_imports SET status = ?2, decided_at = ?3 WHERE id = ?1 AND status = 'held'").bind(importId, decided, at),
        db
          .prepare("INSERT INTO approvals (id, school_id, subject_type, subject_id, decision, decided_by, decided_at) VALUES (?1, ?2, 'hr-import', ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING")
          .bind(crypto.randomUUID(), schoolId, importId, decision, by, at),
      ]);
      return ok({ status: decided, changed: (results[1]?.meta.changes ?? 0) > 0 });
    },
  };
}
