import { Hono } from 'hono';
import type { MiddlewareHandler } from 'hono';
import type { SimContext } from '../core/context.ts';
import { createBatchRoutes } from './batch-route.ts';
import { createDirectoryRoutes } from './directory-routes.ts';
import type { GoogleEnv } from './env.ts';
import { createGmailForwardingRoutes } from './gmail-forwarding-routes.ts';
import { createGmailMessageRoutes } from './gmail-messages-routes.ts';
import { createGmailSettingsRoutes } from './gmail-settings-routes.ts';
import { createGroupRoutes } from './group-routes.ts';
import { createTokenRoutes } from './token-route.ts';

export { MAX_BATCH_PARTS } from './batch-route.ts';
export { USER_QUOTA_UNITS_PER_MINUTE, gmailCost } from './quota.ts';
export { scope as googleScopes } from './scopes.ts';

/**
 * Path prefixes this module answers. Middleware is registered per prefix, never on `*`: once the
 * app is mounted with `app.route('/', …)` a `*` middleware would also run for Microsoft routes.
 */
// '/batch/*' also matches '/batch' itself in Hono, so it is listed once.
const PREFIXES = ['/token', '/oauth2/v4/token', '/admin/directory/v1/*', '/gmail/v1/*', '/batch/*'];

/**
 * Google Workspace as one origin: oauth2.googleapis.com (`/token`), admin.googleapis.com
 * (`/admin/directory/v1/…`) and gmail.googleapis.com (`/gmail/v1/…`, `/batch/gmail/v1`), at the
 * real paths. Mount with `app.route('/', createGoogleRoutes(ctx))` inside simulator/app.ts, which
 * records top-level requests; this module records batch parts (provider `google-workspace`).
 */
export function createGoogleRoutes(ctx: SimContext): Hono<GoogleEnv> {
  const app = new Hono<GoogleEnv>();
  const batchParts = new WeakSet<Request>();

  const around: MiddlewareHandler<GoogleEnv> = async (c, next) => {
    const inBatch = batchParts.has(c.req.raw);
    // A batch pays one round-trip of latency; its parts pay none.
    if (!inBatch) await ctx.gate.latency();
    try {
      await next();
    } finally {
      c.get('release')?.();
    }
    // simulator/app.ts records every top-level request (reading `mailbox`); batch parts never pass
    // through it, so they are recorded here.
    if (inBatch) {
      const url = new URL(c.req.url);
      ctx.recorder.record({ method: c.req.method, url: url.pathname + url.search, provider: 'google-workspace', mailbox: c.get('mailbox'), inBatch, status: c.res.status });
    }
  };
  for (const prefix of PREFIXES) app.use(prefix, around);

  const dispatch = async (request: Request): Promise<Response> => {
    batchParts.add(request);
    return app.fetch(request);
  };

  app.route('/', createTokenRoutes(ctx));
  app.route('/', createDirectoryRoutes(ctx));
  app.route('/', createGroupRoutes(ctx));
  app.route('/', createGmailMessageRoutes(ctx));
  app.route('/', createGmailForwardingRoutes(ctx));
  app.route('/', createGmailSettingsRoutes(ctx));
  app.route('/', createBatchRoutes(ctx, dispatch));
  return app;
}
