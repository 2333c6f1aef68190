import { Hono } from 'hono';
import { z } from 'zod';
import type { SimContext } from '../core/context.ts';
import type { MsUser } from '../fixture/microsoft.ts';
import type { SimEnv } from '../sim-env.ts';
import { liveUsers } from './directory.ts';
import { badRequest, graphError } from './errors.ts';
import { mentions, parseFilter } from './odata-filter.ts';
import { collectionPage, contextUrl, parseSelect, parseTop, project } from './odata-query.ts';
import { denied, withQueryErrors } from './permissions.ts';
import { markChanged } from './state.ts';
import { graphUser, USER_DEFAULTS, USER_PROPERTIES } from './user-shape.ts';

const ENTITY = 'microsoft.graph.user';

const patchSchema = z
  .object({
    accountEnabled: z.boolean(),
    displayName: z.string().min(1),
    givenName: z.string().nullable(),
    surname: z.string().nullable(),
    jobTitle: z.string().nullable(),
    employeeId: z.string().nullable(),
  })
  .partial()
  .strict();

/** signInActivity needs AuditLog.Read.All and an Entra ID P1 tenant, as in Graph. */
function signInActivityRefusal(ctx: SimContext, c: Parameters<typeof badRequest>[0], select: string | undefined, filter: string | undefined): Response | undefined {
  if (!mentions(`${select ?? ''} ${filter ?? ''}`, 'signInActivity')) return undefined;
  const withheld = denied(ctx, c, 'AuditLog.Read.All', 'directory');
  if (withheld) return withheld;
  if (ctx.fixture.microsoft?.premiumSignInActivity === false) {
    return graphError(c, 403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', "Neither tenant is B2C or tenant doesn't have premium license");
  }
  return undefined;
}

/** /v1.0/users, /users/{id|upn}, PATCH, revokeSignInSessions. (delta lives in graph-delta.ts.) */
export function createUserRoutes(ctx: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();

  app.get('/v1.0/users', (c) =>
    withQueryErrors(c, () => {
      const refusal = denied(ctx, c, 'User.Read.All', 'directory') ?? signInActivityRefusal(ctx, c, c.req.query('$select'), c.req.query('$filter'));
      if (refusal) return refusal;
      const select = parseSelect(c.req.query('$select'), USER_PROPERTIES, ENTITY);
      const top = parseTop(c.req.query('$top'), 100, 999);
      const filterText = c.req.query('$filter');
      const filter = filterText ? parseFilter(filterText, USER_PROPERTIES, ENTITY) : undefined;
      const wantsCount = c.req.query('$count') === 'true';
      if (wantsCount && c.req.header('consistencylevel')?.toLowerCase() !== 'eventual') {
        return badRequest(c, "$count is not currently supported without the 'ConsistencyLevel: eventual' header.", 'Request_BadRequest');
      }
      const rows = liveUsers(ctx).map(graphUser).filter((row) => !filter || filter(row));
      const fragment = select ? `users(${select.join(',')})` : 'users';
      return c.json(collectionPage(c.req.url, rows, top, fragment, { ...(wantsCount ? { extra: { '@odata.count': rows.length } } : {}), shape: (row) => project(row, select, USER_DEFAULTS) }));
    }),
  );

  app.get('/v1.0/users/:ref{[^/]+}', (c) =>
    withQueryErrors(c, () => {
      const user = c.get('msUser') as MsUser;
      const refusal = denied(ctx, c, 'User.Read.All', 'directory') ?? signInActivityRefusal(ctx, c, c.req.query('$select'), undefined);
      if (refusal) return refusal;
      const select = parseSelect(c.req.query('$select'), USER_PROPERTIES, ENTITY);
      return c.json({ '@odata.context': contextUrl(c.req.url, 'users/$entity'), ...project(graphUser(user), select, USER_DEFAULTS) });
    }),
  );

  app.patch('/v1.0/users/:ref{[^/]+}', async (c) => {
    const user = c.get('msUser') as MsUser;
    const parsed = patchSchema.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return badRequest(c, `Invalid user update: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`, 'Request_BadRequest');
    const permission = parsed.data.accountEnabled !== undefined ? 'User.EnableDisableAccount.All' : 'User.ReadWrite.All';
    const refusal = denied(ctx, c, permission, 'directory');
    if (refusal) return refusal;
    Object.assign(user, parsed.data);
    markChanged(ctx, user);
    return c.body(null, 204);
  });

  app.post('/v1.0/users/:ref/revokeSignInSessions', (c) => {
    const user = c.get('msUser') as MsUser;
    const refusal = denied(ctx, c, 'User.RevokeSessions.All', 'directory');
    if (refusal) return refusal;
    user.signInSessionsValidFromDateTime = ctx.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
    markChanged(ctx, user);
    return c.json({ '@odata.context': contextUrl(c.req.url, 'Edm.Boolean'), value: true });
  });

  return app;
}
