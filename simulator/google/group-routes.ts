import { Hono } from 'hono';
import type { SimContext } from '../core/context.ts';
import type { GoogleDomain, GoogleGroup } from '../fixture/google.ts';
import type { GoogleEnv } from './env.ts';
import { badRequest, directoryNotFound, json } from './errors.ts';
import { directoryGuard } from './guard.ts';
import { decodePageToken, encodePageToken, parseMaxResults } from './paging.ts';
import { accepts } from './scopes.ts';
import { findUser, isGone } from './users.ts';

function findGroup(domain: GoogleDomain, key: string): GoogleGroup | undefined {
  const k = key.toLowerCase();
  return domain.groups.find((g) => g.id === key || g.email.toLowerCase() === k);
}

/** One `admin#directory#member` row per address; with derived membership, nested groups are expanded too. */
function memberRows(ctx: SimContext, domain: GoogleDomain, group: GoogleGroup, derived: boolean): Record<string, unknown>[] {
  const rows = new Map<string, Record<string, unknown>>();
  const visited = new Set<string>();
  const walk = (g: GoogleGroup) => {
    if (visited.has(g.id)) return;
    visited.add(g.id);
    for (const address of g.members) {
      const user = findUser(domain, address);
      const nested = findGroup(domain, address);
      if (user && !isGone(ctx, user)) {
        rows.set(user.id, { kind: 'admin#directory#member', id: user.id, email: user.primaryEmail, role: 'MEMBER', type: 'USER', status: user.suspended ? 'SUSPENDED' : 'ACTIVE' });
      } else if (nested) {
        rows.set(nested.id, { kind: 'admin#directory#member', id: nested.id, email: nested.email, role: 'MEMBER', type: 'GROUP', status: 'ACTIVE' });
        if (derived) walk(nested);
      } else if (!user) {
        // Someone outside the domain: Google lists them as a USER without an id it can resolve here.
        rows.set(address.toLowerCase(), { kind: 'admin#directory#member', email: address, role: 'MEMBER', type: 'USER', status: 'ACTIVE' });
      }
    }
  };
  walk(group);
  return [...rows.values()];
}

/** Admin SDK Directory API, members.list (`/groups/{groupKey}/members`). */
export function createGroupRoutes(ctx: SimContext): Hono<GoogleEnv> {
  const app = new Hono<GoogleEnv>();
  app.get('/admin/directory/v1/groups/:groupKey/members', (c) => {
    const access = directoryGuard(c, ctx, accepts.groupMembersRead);
    if (access instanceof Response) return access;
    const group = findGroup(access.domain, c.req.param('groupKey'));
    if (!group) return directoryNotFound('groupKey');
    const maxResults = parseMaxResults(c.req.query('maxResults'), 200, 200);
    if (maxResults === null) return badRequest('Invalid value for maxResults');
    const offset = decodePageToken(c.req.query('pageToken'));
    if (offset === null) return badRequest('Invalid Input: pageToken', 'invalid');
    const rows = memberRows(ctx, access.domain, group, c.req.query('includeDerivedMembership') === 'true');
    const next = offset + maxResults < rows.length ? encodePageToken(offset + maxResults) : undefined;
    return json({
      kind: 'admin#directory#members',
      etag: `"sim-members-${ctx.changeSeq.value}"`,
      ...(rows.length > offset ? { members: rows.slice(offset, offset + maxResults) } : {}),
      ...(next ? { nextPageToken: next } : {}),
    });
  });
  return app;
}
