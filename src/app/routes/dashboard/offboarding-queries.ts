import { listImports } from '../../../storage/hr-imports.ts';
import { listJobs, type OffboardingJob } from '../../../storage/offboarding.ts';

// Reads for the offboarding page, on top of the storage modules. Steps are read for all shown jobs
// in one query (storage's listSteps is per job, which would be one D1 read per leaver).

export type ImportView = Awaited<ReturnType<typeof listImports>>[number];

export interface JobView extends OffboardingJob {
  steps: { step: string; status: string; attempts: number; lastError: string | null; updatedAt: string }[];
}

/** The last 50 imports, held ones first (they are what the page asks someone to act on). */
export async function recentImports(db: D1Database, schoolId: string): Promise<ImportView[]> {
  const imports = await listImports(db, schoolId, 50);
  return [...imports.filter((i) => i.status === 'held'), ...imports.filter((i) => i.status !== 'held')];
}

/** The last 200 jobs, latest act-at first, each with its step log. */
export async function recentJobs(db: D1Database, schoolId: string): Promise<JobView[]> {
  const jobs = await listJobs(db, schoolId, { limit: 200 });
  if (jobs.length === 0) return [];
  const { results } = await db
    .prepare('SELECT job_id, step, status, attempts, last_error, updated_at FROM offboarding_steps WHERE job_id IN (SELECT value FROM json_each(?1)) ORDER BY job_id, seq')
    .bind(JSON.stringify(jobs.map((j) => j.id)))
    .all<{ job_id: string; step: string; status: string; attempts: number; last_error: string | null; updated_at: string }>();
  const byJob = new Map<string, JobView['steps']>();
  for (const s of results) {
    const list = byJob.get(s.job_id) ?? [];
    list.push({ step: s.step, status: s.status, attempts: s.attempts, lastError: s.last_error, updatedAt: s.updated_at });
    byJob.set(s.job_id, list);
  }
  return jobs.map((j) => ({ ...j, steps: byJob.get(j.id) ?? [] })).sort((a, b) => b.actAt.localeCompare(a.actAt));
}
