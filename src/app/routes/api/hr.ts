import { Hono } from 'hono';
import { z } from 'zod';
import { csvLine, hrMappingSchema } from '../../../../connectors/hr-feed/index.ts';
import { decideImport } from '../../../jobs/offboarding/decide.ts';
import { runHrImport } from '../../../jobs/offboarding/import.ts';
import { undoJob } from '../../../jobs/offboarding/undo.ts';
import { workerDeps } from '../../../jobs/worker-deps.ts';
import { getImport, listImports } from '../../../storage/hr-imports.ts';
import { getJob, listJobs, listSteps } from '../../../storage/offboarding.ts';
import type { AppEnv } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { logger } from '../../logger.ts';
import { jsonBody, validate } from '../../validate.ts';
import { schoolOr404 } from './schools.ts';

const MAX_CSV = 5 * 1024 * 1024;
const importSchema = z.object({ csv: z.string().min(1).max(MAX_CSV), mapping: hrMappingSchema.optional(), dryRun: z.boolean().optional() }).strict();
const decisionSchema = z.object({ comment: z.string().max(1000).optional() }).strict();

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: ConstructorParameters<typeof AppError>[0] }): T => {
  if (!r.ok) throw new AppError(r.error);
  return r.value;
};

/**
 * HR imports and offboarding jobs. An upload is `text/csv` (column presets, `?dryRun=true`) or JSON
 * `{ csv, mapping?, dryRun? }`. A held import waits for approve/reject; a finished job can be undone
 * until its account deletion runs.
 */
export const hrRoutes = new Hono<AppEnv>()
  .post('/:schoolId/hr-imports', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const type = c.req.header('content-type') ?? '';
    let input: z.infer<typeof importSchema>;
    if (type.includes('json')) input = validate(importSchema, await jsonBody(c.req), 'HR import');
    else {
      const csv = await c.req.text();
      if (csv.length > MAX_CSV) throw new AppError({ code: 'invalid_input', message: 'The file is larger than 5 MB' });
      input = { csv, dryRun: ['1', 'true'].includes(c.req.query('dryRun') ?? '') };
    }
    const report = unwrap(await runHrImport(workerDeps(c.env, logger(c)), { schoolId: school.id, source: 'api', csv: input.csv, mapping: input.mapping ?? {}, dryRun: input.dryRun ?? false }));
    return c.json({ ok: true, ...report }, report.status === 'rejected' ? 422 : report.status === 'held' ? 202 : 200);
  })
  .get('/:schoolId/hr-imports', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    return c.json({ ok: true, imports: await listImports(c.env.DB, school.id) });
  })
  .get('/:schoolId/hr-imports/:importId', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const found = await getImport(c.env.DB, c.req.param('importId'));
    if (!found || found.schoolId !== school.id) throw new AppError({ code: 'not_found', message: 'No such HR import for this school' });
    const { records: _records, ...rest } = found;
    return c.json({ ok: true, import: rest });
  })
  .get('/:schoolId/hr-imports/:importId/review.csv', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const found = await getImport(c.env.DB, c.req.param('importId'));
    if (!found || found.schoolId !== school.id) throw new AppError({ code: 'not_found', message: 'No such HR import for this school' });
    // Every cell goes through csvLine (csvSafe + quoting): HR text must not become a formula in Excel.
    const lines = [csvLine(['kind', 'row', 'employee id', 'email', 'detail'])];
    for (const r of found.rejected) lines.push(csvLine(['rejected', String(r.row), '', '', r.error]));
    for (const a of found.actions) {
      if (a.type === 'review') lines.push(csvLine(['review', a.line === null ? '' : String(a.line), a.employeeId, a.email ?? '', `${a.reason}${a.candidates.length ? ` (${a.candidates.map((x) => x.email).join(', ')})` : ''}`]));
      else lines.push(csvLine([a.type, '', a.employeeId, a.email, 'actAt' in a ? a.actAt : '']));
    }
    return c.body(`${lines.join('\r\n')}\r\n`, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="hr-import-${found.id}.csv"` });
  })
  .post('/:schoolId/hr-imports/:importId/:decision{approve|reject}', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const body = c.req.header('content-type')?.includes('json') ? validate(decisionSchema, await jsonBody(c.req), 'decision') : {};
    const decision = c.req.param('decision') === 'approve' ? 'approve' : 'reject';
    const result = unwrap(await decideImport(workerDeps(c.env, logger(c)), school.id, c.req.param('importId'), decision, c.get('principal').id, body.comment ?? null));
    return c.json({ ok: true, ...result });
  })
  .get('/:schoolId/offboarding', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    return c.json({ ok: true, jobs: await listJobs(c.env.DB, school.id, { limit: 200 }) });
  })
  .get('/:schoolId/offboarding/:jobId', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const job = await getJob(c.env.DB, c.req.param('jobId'));
    if (!job || job.schoolId !== school.id) throw new AppError({ code: 'not_found', message: 'No such offboarding job for this school' });
    return c.json({ ok: true, job, steps: await listSteps(c.env.DB, job.id) });
  })
  .post('/:schoolId/offboarding/:jobId/undo', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const result = unwrap(await undoJob(workerDeps(c.env, logger(c)), school.id, c.req.param('jobId'), c.get('principal').id));
    return c.json({ ok: true, ...result });
  });
