import { Hono } from 'hono';
import type { AppEnv } from './context.ts';
import { errorResponse, onError } from './errors.ts';
import { requestContext } from './request-context.ts';
import { apiRoutes } from './routes/api/index.ts';
import { dashboardRoutes } from './routes/dashboard/index.ts';
import { slackBotRoutes } from './routes/bot/slack.ts';
import { teamsBotRoutes } from './routes/bot/teams.ts';
import { healthRoutes } from './routes/health.ts';
import { hrWebhookRoutes } from './routes/hr-webhook.ts';
import { landingRoutes } from './routes/landing.tsx';
import { playgroundRoutes } from './routes/playground.tsx';
import { policyPageRoutes } from './routes/policy-page.tsx';

/** Builds the HTTP app. Feature routes are mounted here and nowhere else. */
export function createApp(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestContext);
  app.route('/', healthRoutes);
  app.route('/api', apiRoutes);
  app.route('/dashboard', dashboardRoutes);
  app.route('/hooks/hr', hrWebhookRoutes);
  app.route('/bot/teams/messages', teamsBotRoutes);
  app.route('/bot/slack/events', slackBotRoutes);
  app.route('/bot/slack/commands', slackBotRoutes);
  app.route('/policies', policyPageRoutes);
  app.route('/', playgroundRoutes);
  app.route('/', landingRoutes);
  app.notFound((c) => errorResponse(c, { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}` }));
  app.onError(onError);
  return app;
}
