import { Hono } from 'hono';
import { z } from 'zod';
import { checkIds } from '../../../domain/checks/ids.ts';
import { getConnection } from '../../../storage/connections.ts';
import { getRun, listRuns } from '../../../storage/runs.ts';
import type { AppEnv } from '../../context.ts';
import { AppError } from '../../errors.ts';
import { jsonBody, validate } from '../../validate.ts';
import { schoolOr404 } from './schools.ts';

const startSchema = z.object({ connectionId: z.string().min(1), checks: z.array(z.enum(checkIds)).min(1).optional(), dryRun: z.boolean().optional() }).strict();

export const auditRoutes = new Hono<AppEnv>()
  .post('/:schoolId/audits', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const input = validate(startSchema, await jsonBody(c.req), 'audit request');
    const connection = await getConnection(c.env.DB, input.connectionId);
    if (!connection || connection.schoolId !== school.id) throw new AppError({ code: 'not_found', message: `No connection ${input.connectionId} for this school` });
    // Ack at once; the directory read and the batches run from the queue.
    const runId = crypto.randomUUID();
    await c.env.JOBS.send({ kind: 'audit.start', runId, schoolId: school.id, connectionId: connection.id, trigger: 'api', ...(input.checks ? { checks: input.checks } : {}), ...(input.dryRun ? { dryRun: true } : {}) });
    return c.json({ ok: true, runId, status: 'queued', links: { run: `/api/schools/${school.id}/runs/${runId}` } }, 202);
  })
  .get('/:schoolId/runs', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    return c.json({ ok: true, runs: await listRuns(c.env.DB, school.id) });
  })
  .get('/:schoolId/runs/:runId', async (c) => {
    const run = await getRun(c.env.DB, c.req.param('runId'));
    // A run that is queued but not yet started has no row: say so rather than 404.
    if (!run) return c.json({ ok: true, run: { id: c.req.param('runId'), status: 'queued' } });
    if (run.schoolId !== c.req.param('schoolId')) throw new AppError({ code: 'not_found', message: 'No such run for this school' });
    return c.json({ ok: true, run });
  });
