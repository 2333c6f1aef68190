import { Hono } from 'hono';
import type { SimContext } from '../core/context.ts';
import type { MsGroup, MsUser } from '../fixture/microsoft.ts';
import type { SimEnv } from '../sim-env.ts';
import { liveUsers } from './directory.ts';
import { graphError } from './errors.ts';
import { parseFilter, type Row } from './odata-filter.ts';
import { collectionPage, parseSelect, parseTop, project } from './odata-query.ts';
import { denied, withQueryErrors } from './permissions.ts';
import { graphUser, USER_DEFAULTS, USER_PROPERTIES } from './user-shape.ts';

const GROUP_PROPERTIES = ['id', 'displayName', 'mail'] as const;
const GROUP_ENTITY = 'microsoft.graph.group';
/** Listing groups and their members: GroupMember.Read.All is the least privilege Graph documents. */
const PERMISSION = 'GroupMember.Read.All';

const groupsOf = (ctx: SimContext): MsGroup[] => ctx.fixture.microsoft?.groups ?? [];

/** Users in a group and every group nested in it, each once (cycles are possible in Entra). */
function transitiveUsers(ctx: SimContext, group: MsGroup): MsUser[] {
  const users = new Map(liveUsers(ctx).map((u) => [u.id, u]));
  const groups = new Map(groupsOf(ctx).map((g) => [g.id, g]));
  const found = new Map<string, MsUser>();
  const visited = new Set<string>();
  const walk = (g: MsGroup) => {
    if (visited.has(g.id)) return;
    visited.add(g.id);
    for (const id of g.members) {
      const user = users.get(id);
      if (user) found.set(user.id, user);
      const nested = groups.get(id);
      if (nested) walk(nested);
    }
  };
  walk(group);
  return [...found.values()];
}

/** /v1.0/groups (with $filter, e.g. `mail eq '…'`) and /v1.0/groups/{id}/transitiveMembers[/microsoft.graph.user]. */
export function createGroupRoutes(ctx: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();

  app.get('/v1.0/groups', (c) =>
    withQueryErrors(c, () => {
      const refusal = denied(ctx, c, PERMISSION, 'directory');
      if (refusal) return refusal;
      const select = parseSelect(c.req.query('$select'), GROUP_PROPERTIES, GROUP_ENTITY);
      const filterText = c.req.query('$filter');
      const filter = filterText ? parseFilter(filterText, GROUP_PROPERTIES, GROUP_ENTITY) : undefined;
      const rows = groupsOf(ctx)
        .map((g) => ({ id: g.id, displayName: g.displayName, mail: g.mail }))
        .filter((row) => !filter || filter(row));
      const fragment = select ? `groups(${select.join(',')})` : 'groups';
      return c.json(collectionPage(c.req.url, rows, parseTop(c.req.query('$top'), 100, 999), fragment, { shape: (row) => project(row, select, GROUP_PROPERTIES) }));
    }),
  );

  app.get('/v1.0/groups/:id/transitiveMembers/:cast?', (c) =>
    withQueryErrors(c, () => {
      const refusal = denied(ctx, c, PERMISSION, 'directory');
      if (refusal) return refusal;
      const cast = c.req.param('cast');
      if (cast !== undefined && cast !== 'microsoft.graph.user') {
        return graphError(c, 400, 'Request_UnsupportedQuery', `The simulator models only user members; cast ${cast} is not supported.`);
      }
      const group = groupsOf(ctx).find((g) => g.id === c.req.param('id'));
      if (!group) return graphError(c, 404, 'Request_ResourceNotFound', `Resource '${c.req.param('id')}' does not exist or one of its queried reference-property objects are not present.`);
      const select = parseSelect(c.req.query('$select'), USER_PROPERTIES, 'microsoft.graph.user');
      const shape = (row: Row) => ({ '@odata.type': '#microsoft.graph.user', ...project(row, select, USER_DEFAULTS) });
      return c.json(collectionPage(c.req.url, transitiveUsers(ctx, group).map(graphUser), parseTop(c.req.query('$top'), 100, 999), 'directoryObjects', { shape }));
    }),
  );

  return app;
}
