import { Hono } from 'hono';
import type { AppEnv } from './context.ts';
import { errorResponse, onError } from './errors.ts';
import { requestContext } from './request-context.ts';
import { apiRoutes } from './routes/api/index.ts';
import { healthRoutes } from './routes/health.ts';
import { landingRoutes } from './routes/landing.tsx';

/** Builds the HTTP app. Feature routes are mounted here and nowhere else. */
export function createApp(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestContext);
  app.route('/', healthRoutes);
  app.route('/api', apiRoutes);
  app.route('/', landingRoutes);
  app.notFound((c) => errorResponse(c, { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` }));
  app.onError(onError);
  return app;
}
