import { Hono } from 'hono';
import type { SimContext } from '../core/context.ts';
import type { SimEnv } from '../sim-env.ts';
import { liveUsers } from './directory.ts';
import type { Row } from './odata-filter.ts';
import { contextUrl, decodeToken, encodeToken, linkWith, parseSelect, preferredPageSize, project } from './odata-query.ts';
import { denied, withQueryErrors } from './permissions.ts';
import { msState, syncChanges } from './state.ts';
import { graphUser, USER_DEFAULTS, USER_PROPERTIES } from './user-shape.ts';

/**
 * GET /v1.0/users/delta. The first round lists every user; its last page carries a deltaLink whose
 * token is the change counter at the start of the round. Following it returns users changed since,
 * and users that disappeared as `@removed` (reason "changed": Entra soft-deletes users).
 */
export function createDeltaRoutes(ctx: SimContext): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  app.get('/v1.0/users/delta', (c) =>
    withQueryErrors(c, () => {
      const refusal = denied(ctx, c, 'User.Read.All', 'directory');
      if (refusal) return refusal;
      const select = parseSelect(c.req.query('$select'), USER_PROPERTIES, 'microsoft.graph.user');
      const size = preferredPageSize(c.req.header('prefer'), 100, 999);
      const skip = decodeToken(c.req.query('$skiptoken'));
      // Once per round: later pages of the round reuse what the first page saw.
      if (!skip) syncChanges(ctx);
      const delta = decodeToken(c.req.query('$deltatoken'));
      // since = -1: a first round (everything); baseline = where the next round starts.
      const since = skip?.s ?? delta?.b ?? -1;
      const baseline = skip?.b ?? ctx.changeSeq.value;
      const offset = skip?.o ?? 0;
      const state = msState(ctx);
      const rows: Row[] = liveUsers(ctx)
        .filter((u) => since < 0 || (state.changedAt.get(u.id) ?? 0) > since)
        .map((u) => project(graphUser(u), select, USER_DEFAULTS));
      if (since >= 0) {
        for (const [id, at] of state.removedAt) if (at > since) rows.push({ id, '@removed': { reason: 'changed' } });
      }
      const page = rows.slice(offset, offset + size);
      const body: Record<string, unknown> = { '@odata.context': contextUrl(c.req.url, 'users') };
      const base = linkWith(c.req.url, '$skiptoken', '', ['$skiptoken', '$deltatoken']).replace(/[?&]\$skiptoken=$/, '');
      if (offset + size < rows.length) body['@odata.nextLink'] = linkWith(base, '$skiptoken', encodeToken({ s: since, b: baseline, o: offset + size }));
      else body['@odata.deltaLink'] = linkWith(base, '$deltatoken', encodeToken({ b: baseline }));
      body.value = page;
      return c.json(body);
    }),
  );
  return app;
}
