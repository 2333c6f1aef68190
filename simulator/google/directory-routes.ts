import { Hono } from 'hono';
import { z } from 'zod';
import type { SimContext } from '../core/context.ts';
import type { GoogleUser } from '../fixture/google.ts';
import { readJson } from './body.ts';
import { parseUserQuery } from './directory-query.ts';
import type { GoogleEnv } from './env.ts';
import { badRequest, directoryNotAuthorized, directoryNotFound, json, noContent } from './errors.ts';
import { directoryGuard } from './guard.ts';
import type { GoogleContext } from './guard.ts';
import { decodePageToken, encodePageToken, parseMaxResults } from './paging.ts';
import { accepts } from './scopes.ts';
import { domainOf, findUser, isGone, toDirectoryUser } from './users.ts';

const BASE = '/admin/directory/v1/users';

/** users.update and users.patch both have patch semantics on the Directory API. */
const userUpdateSchema = z.object({
  suspended: z.boolean().optional(),
  name: z.object({ givenName: z.string().optional(), familyName: z.string().optional() }).optional(),
  orgUnitPath: z.string().startsWith('/').optional(),
  externalIds: z.array(z.object({ type: z.string(), value: z.string() })).optional(),
});

const orderKeys: Record<string, (u: GoogleUser) => string> = {
  email: (u) => u.primaryEmail.toLowerCase(),
  givenname: (u) => u.name.givenName.toLowerCase(),
  familyname: (u) => u.name.familyName.toLowerCase(),
};

function list(c: GoogleContext, ctx: SimContext): Response {
  const access = directoryGuard(c, ctx, accepts.directoryRead);
  if (access instanceof Response) return access;
  const { domain } = access;
  const customer = c.req.query('customer');
  const domainName = c.req.query('domain');
  if (customer === undefined && domainName === undefined) return badRequest('Bad Request', 'badRequest');
  if (customer !== undefined && customer !== 'my_customer' && customer !== domain.customerId) return directoryNotAuthorized();
  if (domainName !== undefined && !domain.domains.some((d) => d.toLowerCase() === domainName.toLowerCase())) return directoryNotAuthorized();
  const maxResults = parseMaxResults(c.req.query('maxResults'), 100, 500);
  if (maxResults === null) return badRequest('Invalid value for maxResults');
  const offset = decodePageToken(c.req.query('pageToken'));
  if (offset === null) return badRequest('Invalid Input: pageToken', 'invalid');
  const predicate = parseUserQuery(c.req.query('query'));
  if (!predicate) return badRequest('Invalid Input', 'invalid');

  let users = domain.users.filter((u) => !isGone(ctx, u) && predicate(u));
  if (domainName !== undefined) users = users.filter((u) => u.primaryEmail.toLowerCase().endsWith(`@${domainName.toLowerCase()}`));
  const orderBy = c.req.query('orderBy');
  if (orderBy !== undefined) {
    const key = orderKeys[orderBy.toLowerCase()];
    if (!key) return badRequest(`Invalid value for orderBy: ${orderBy}`);
    const direction = c.req.query('sortOrder')?.toUpperCase() === 'DESCENDING' ? -1 : 1;
    users = [...users].sort((a, b) => direction * key(a).localeCompare(key(b)));
  }
  const page = users.slice(offset, offset + maxResults);
  const next = offset + maxResults < users.length ? encodePageToken(offset + maxResults) : undefined;
  return json({
    kind: 'admin#directory#users',
    etag: `"sim-users-${ctx.changeSeq.value}"`,
    // An empty result has no `users` field at all on the real API.
    ...(page.length > 0 ? { users: page.map((u) => toDirectoryUser(u, domain)) } : {}),
    ...(next ? { nextPageToken: next } : {}),
  });
}

function target(ctx: SimContext, key: string): GoogleUser | undefined {
  const domain = domainOf(ctx);
  const user = domain ? findUser(domain, key) : undefined;
  return user && !isGone(ctx, user) ? user : undefined;
}

/** Admin SDK Directory API, users collection: list, get, update/patch, signOut. */
export function createDirectoryRoutes(ctx: SimContext): Hono<GoogleEnv> {
  const app = new Hono<GoogleEnv>();

  app.get(BASE, (c) => list(c, ctx));

  app.get(`${BASE}/:userKey`, (c) => {
    const user = target(ctx, c.req.param('userKey'));
    const access = directoryGuard(c, ctx, accepts.directoryRead, user);
    if (access instanceof Response) return access;
    return user ? json(toDirectoryUser(user, access.domain)) : directoryNotFound();
  });

  const update = async (c: GoogleContext): Promise<Response> => {
    const user = target(ctx, c.req.param('userKey') ?? '');
    const access = directoryGuard(c, ctx, accepts.directoryWrite, user);
    if (access instanceof Response) return access;
    if (!user) return directoryNotFound();
    const body = await readJson(c, userUpdateSchema);
    if (!body.ok) return body.response;
    const { suspended, name, orgUnitPath, externalIds } = body.data;
    if (suspended !== undefined) user.suspended = suspended;
    if (orgUnitPath !== undefined) user.orgUnitPath = orgUnitPath;
    if (externalIds !== undefined) user.externalIds = externalIds;
    if (name) {
      user.name.givenName = name.givenName ?? user.name.givenName;
      user.name.familyName = name.familyName ?? user.name.familyName;
      user.name.fullName = `${user.name.givenName} ${user.name.familyName}`;
    }
    ctx.changeSeq.value += 1;
    return json(toDirectoryUser(user, access.domain));
  };
  app.put(`${BASE}/:userKey`, update);
  app.patch(`${BASE}/:userKey`, update);

  app.post(`${BASE}/:userKey/signOut`, (c) => {
    const user = target(ctx, c.req.param('userKey'));
    const access = directoryGuard(c, ctx, accepts.directorySecurity, user);
    if (access instanceof Response) return access;
    if (!user) return directoryNotFound();
    user.signedOutAt = ctx.now().toISOString();
    ctx.changeSeq.value += 1;
    return noContent();
  });

  return app;
}
