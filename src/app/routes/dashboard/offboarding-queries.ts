// Read-only views of the offboarding engine's tables (offboarding_jobs, offboarding_steps,
// hr_imports). Only columns from the first migration are required, so the page works whichever
// version of the engine has written them, and says so when nothing has.

export interface ImportView {
  id: string;
  source: string;
  status: string;
  rowCount: number;
  heldReason: string | null;
  receivedAt: string;
  decidedAt: string | null;
  planned: number;
}

export interface JobView {
  id: string;
  hrImportId: string | null;
  subjectEmail: string;
  actAt: string;
  status: string;
  updatedAt: string;
  steps: { seq: number; step: string; status: string; attempts: number; lastError: string | null; updatedAt: string }[];
}

export async function recentImports(db: D1Database, schoolId: string): Promise<ImportView[]> {
  const { results } = await db
    .prepare(
      `SELECT id, source, status, row_count, held_reason, received_at, decided_at, json_array_length(actions_json) AS planned
       FROM hr_imports WHERE school_id = ?1 ORDER BY CASE status WHEN 'held' THEN 0 ELSE 1 END, received_at DESC LIMIT 50`,
    )
    .bind(schoolId)
    .all<{ id: string; source: string; status: string; row_count: number; held_reason: string | null; received_at: string; decided_at: string | null; planned: number }>();
  return results.map((r) => ({ id: r.id, source: r.source, status: r.status, rowCount: r.row_count, heldReason: r.held_reason, receivedAt: r.received_at, decidedAt: r.decided_at, planned: r.planned }));
}

export async function recentJobs(db: D1Database, schoolId: string): Promise<JobView[]> {
  const [jobs, steps] = await Promise.all([
    db
      .prepare('SELECT id, hr_import_id, subject_email, act_at, status, updated_at FROM offboarding_jobs WHERE school_id = ?1 ORDER BY act_at DESC LIMIT 200')
      .bind(schoolId)
      .all<{ id: string; hr_import_id: string | null; subject_email: string; act_at: string; status: string; updated_at: string }>(),
    db
      .prepare(
        `SELECT s.job_id, s.seq, s.step, s.status, s.attempts, s.last_error, s.updated_at FROM offboarding_steps s
         WHERE s.job_id IN (SELECT id FROM offboarding_jobs WHERE school_id = ?1 ORDER BY act_at DESC LIMIT 200) ORDER BY s.job_id, s.seq`,
      )
      .bind(schoolId)
      .all<{ job_id: string; seq: number; step: string; status: string; attempts: number; last_error: string | null; updated_at: string }>(),
  ]);
  const byJob = new Map<string, JobView['steps']>();
  for (const s of steps.results) {
    const list = byJob.get(s.job_id) ?? [];
    list.push({ seq: s.seq, step: s.step, status: s.status, attempts: s.attempts, lastError: s.last_error, updatedAt: s.updated_at });
    byJob.set(s.job_id, list);
  }
  return jobs.results.map((j) => ({ id: j.id, hrImportId: j.hr_import_id, subjectEmail: j.subject_email, actAt: j.act_at, status: j.status, updatedAt: j.updated_at, steps: byJob.get(j.id) ?? [] }));
}
