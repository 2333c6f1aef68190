import { Hono } from 'hono';
import type { SimContext } from '../core/context.ts';
import type { SimEnv } from '../sim-env.ts';
import { graphError } from './errors.ts';
import { createExchangeRoutes } from './exchange/invoke.ts';
import { createBatchRoutes } from './graph-batch.ts';
import type { Dispatch } from './graph-batch.ts';
import { createDeltaRoutes } from './graph-delta.ts';
import { graphGate } from './graph-gate.ts';
import { createGroupRoutes } from './graph-groups.ts';
import { createMailRoutes } from './graph-mail.ts';
import { createReportRoutes } from './graph-reports.ts';
import { createRuleRoutes } from './graph-rules.ts';
import { createSettingsRoutes } from './graph-settings.ts';
import { createUserRoutes } from './graph-users.ts';
import { msState } from './state.ts';
import { createTokenRoutes } from './token.ts';

export type { Dispatch } from './graph-batch.ts';

/**
 * The Microsoft 365 side at its real paths: login.microsoftonline.com's token endpoint, Graph
 * v1.0 and Exchange admin REST. `dispatch` re-enters the whole simulator for $batch sub-requests.
 */
export function createMicrosoftRoutes(ctx: SimContext, dispatch: Dispatch): Hono<SimEnv> {
  msState(ctx);
  const app = new Hono<SimEnv>();
  app.route('/', createTokenRoutes(ctx));
  app.route('/', createExchangeRoutes(ctx));
  app.use('/v1.0/*', graphGate(ctx));
  app.route('/', createBatchRoutes(ctx, dispatch));
  app.route('/', createDeltaRoutes(ctx));
  app.route('/', createRuleRoutes(ctx));
  app.route('/', createUserRoutes(ctx));
  app.route('/', createGroupRoutes(ctx));
  app.route('/', createMailRoutes(ctx));
  app.route('/', createSettingsRoutes(ctx));
  app.route('/', createReportRoutes(ctx));
  app.all('/v1.0/*', (c) => {
    const segment = new URL(c.req.url).pathname.split('/').filter(Boolean).slice(1).join('/');
    return graphError(c, 400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
  });
  return app;
}
