import { Hono } from 'hono';
import { z } from 'zod';
import { findingFilterSchema, getFinding, listFindings, setFindingStatus } from '../../../storage/findings.ts';
import { appendAuditLog } from '../../../storage/audit-log.ts';
import { listActions } from '../../../storage/remediations.ts';
import { decideRemediation, requestRemediation } from '../../../jobs/remediation/decide.ts';
import { workerDeps } from '../../../jobs/worker-deps.ts';
import type { AppEnv } from '../../context.ts';
import { AppError, errorResponse } from '../../errors.ts';
import { jsonBody, validate } from '../../validate.ts';
import { schoolOr404 } from './schools.ts';

const acceptSchema = z.object({ note: z.string().min(3, 'say why the risk is accepted').max(1000) }).strict();
const remediateSchema = z.object({ dryRun: z.boolean().default(false) }).strict();
const decideSchema = z.object({ comment: z.string().max(1000).optional() }).strict();
const actionFilterSchema = z.object({ status: z.enum(['pending-approval', 'approved', 'rejected', 'running', 'done', 'failed', 'skipped']).optional() }).strict();

export const findingRoutes = new Hono<AppEnv>()
  .get('/:schoolId/findings', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const filter = validate(findingFilterSchema, c.req.query(), 'finding filter');
    return c.json({ ok: true, findings: await listFindings(c.env.DB, school.id, filter) });
  })
  .get('/:schoolId/findings/:findingId', async (c) => {
    const finding = await getFinding(c.env.DB, c.req.param('schoolId'), c.req.param('findingId'));
    if (!finding) throw new AppError({ code: 'not_found', message: 'No such finding' });
    return c.json({ ok: true, finding, actions: await listActions(c.env.DB, finding.schoolId, { findingId: finding.id }) });
  })
  .post('/:schoolId/findings/:findingId/accept-risk', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const { note } = validate(acceptSchema, await jsonBody(c.req), 'risk acceptance');
    const finding = await getFinding(c.env.DB, school.id, c.req.param('findingId'));
    if (!finding) throw new AppError({ code: 'not_found', message: 'No such finding' });
    const now = new Date();
    await setFindingStatus(c.env.DB, { schoolId: school.id, id: finding.id, status: 'accepted-risk', note, now });
    await appendAuditLog(c.env.DB, { schoolId: school.id, actor: c.get('principal').id, action: 'accept-risk', targetType: finding.checkId, targetId: finding.id, policyRef: finding.policyRef, outcome: 'applied', before: { status: finding.status }, after: { status: 'accepted-risk', note } }, now);
    return c.json({ ok: true, status: 'accepted-risk' });
  })
  .post('/:schoolId/findings/:findingId/remediate', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const { dryRun } = validate(remediateSchema, await jsonBody(c.req), 'remediation request');
    const res = await requestRemediation(workerDeps(c.env, c.get('log')), { schoolId: school.id, findingId: c.req.param('findingId'), by: c.get('principal').id, dryRun });
    return res.ok ? c.json({ ok: true, actionId: res.value.actionId, status: 'queued' }, 202) : errorResponse(c, res.error);
  })
  .get('/:schoolId/remediations', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const filter = validate(actionFilterSchema, c.req.query(), 'remediation filter');
    return c.json({ ok: true, remediations: await listActions(c.env.DB, school.id, filter) });
  })
  .post('/:schoolId/remediations/:actionId/:decision{approve|reject}', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    const { comment } = validate(decideSchema, await jsonBody(c.req), 'decision');
    const decision = c.req.param('decision') === 'approve' ? 'approved' : 'rejected';
    const res = await decideRemediation(workerDeps(c.env, c.get('log')), { schoolId: school.id, actionId: c.req.param('actionId'), decision, by: c.get('principal').id, ...(comment ? { comment } : {}) });
    return res.ok ? c.json({ ok: true, remediation: res.value }) : errorResponse(c, res.error);
  });
