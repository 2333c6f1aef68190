import { Hono } from 'hono';
import type { SimContext } from './core/context.ts';
import type { SimEnv } from './sim-env.ts';

/** /_sim/*: what tests, benchmarks and the demo ask the simulator about itself. */
export function createControlRoutes(ctx: SimContext, providers: string[]): Hono<SimEnv> {
  const app = new Hono<SimEnv>();
  app.get('/_sim/health', (c) => c.json({ ok: true, providers, requestsSeen: ctx.gate.requestsSeen, changeSeq: ctx.changeSeq.value, now: ctx.now().toISOString() }));
  app.get('/_sim/requests', (c) => {
    const since = Number(c.req.query('since') ?? '0');
    if (!Number.isInteger(since) || since < 0) return c.json({ error: { code: 'BadRequest', message: '`since` must be a non-negative integer (a request seq).' } }, 400);
    const requests = ctx.recorder.requests.filter((r) => r.seq > since);
    return c.json({ httpCount: ctx.recorder.httpCount, lastSeq: ctx.recorder.requests.at(-1)?.seq ?? since, requests });
  });
  app.post('/_sim/requests/clear', (c) => {
    ctx.recorder.clear();
    return c.body(null, 204);
  });
  app.get('/_sim/state', (c) => c.json(ctx.fixture));
  return app;
}
