import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

export const healthRoutes = new Hono<AppEnv>().get('/healthz', async (c) => {
  // A real round-trip to D1: a Worker that cannot reach its database is not healthy.
  const row = await c.env.DB.prepare('SELECT COUNT(*) AS schools FROM schools').first<{ schools: number }>();
  return c.json({ ok: true, service: 'tutela', schools: row?.schools ?? 0 });
});
