import { Hono } from 'hono';
import { listAuditLog } from '../../../storage/audit-log.ts';
import { requireAdmin } from '../../auth/admin-auth.ts';
import type { AppEnv } from '../../context.ts';
import { acknowledgementRoutes } from './acknowledgements.ts';
import { auditRoutes } from './audits.ts';
import { findingRoutes } from './findings.ts';
import { hrRoutes } from './hr.ts';
import { schoolOr404, schoolRoutes } from './schools.ts';

/** The admin JSON API. Every route needs an admin principal. */
export const apiRoutes = new Hono<AppEnv>()
  .use('*', requireAdmin)
  .route('/schools', schoolRoutes)
  .route('/schools', auditRoutes)
  .route('/schools', findingRoutes)
  .route('/schools', hrRoutes)
  .route('/schools', acknowledgementRoutes)
  .get('/schools/:schoolId/audit-log', async (c) => {
    const school = await schoolOr404(c.env.DB, c.req.param('schoolId'));
    return c.json({ ok: true, entries: await listAuditLog(c.env.DB, school.id, { limit: 200 }) });
  });
