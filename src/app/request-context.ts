import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context.ts';
import { createLogger, levelFrom } from './logger.ts';

/** Gives every request an id (kept from cf-ray or x-request-id when present) and a logger carrying it. */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const requestId = c.req.header('x-request-id') ?? c.req.header('cf-ray') ?? crypto.randomUUID();
  const log = createLogger({ requestId }, console.log, levelFrom(c.env));
  c.set('requestId', requestId);
  c.set('log', log);
  const started = Date.now();
  await next();
  c.header('x-request-id', requestId);
  log.info('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms: Date.now() - started });
});
