import { Hono } from 'hono';
import { createControlRoutes } from './control-routes.ts';
import type { SimContext } from './core/context.ts';
import { RealismGate } from './core/realism-gate.ts';
import { RequestRecorder } from './core/recorder.ts';
import { fixtureSchema } from './fixture/schema.ts';
import type { Fixture, FixtureInput } from './fixture/schema.ts';
import { createMicrosoftRoutes } from './microsoft/index.ts';
import { createGoogleRoutes } from './google/index.ts';
import { providerOf } from './sim-env.ts';
import type { SimBindings, SimEnv } from './sim-env.ts';

export interface Simulator {
  app: Hono<SimEnv>;
  ctx: SimContext;
  fetch: (request: Request) => Promise<Response>;
}

/** A fixture that does not parse; `issues` are "path: message" lines. */
export class FixtureError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid simulator fixture:\n${issues.map((i) => `  ${i}`).join('\n')}`);
    this.name = 'FixtureError';
    this.issues = issues;
  }
}

export function parseFixture(input: unknown): Fixture {
  const parsed = fixtureSchema.safeParse(input);
  if (!parsed.success) throw new FixtureError(parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`));
  return parsed.data;
}

/**
 * A simulated school tenant as one Hono app. Every provider is served at its real path, so one
 * origin stands in for login.microsoftonline.com, graph.microsoft.com, outlook.office365.com and
 * Google's hosts. Runs anywhere fetch does (workerd tests, Node via server.ts).
 */
export function createSimulator(input: FixtureInput | Fixture): Simulator {
  const fixture = parseFixture(input);
  const ctx: SimContext = {
    fixture,
    gate: new RealismGate(fixture.realism),
    recorder: new RequestRecorder(),
    tokens: new Map(),
    now: () => (fixture.now ? new Date(fixture.now) : new Date()),
    changeSeq: { value: 0 },
  };
  const app = new Hono<SimEnv>();
  const dispatch = (request: Request, env: SimBindings): Promise<Response> => Promise.resolve(app.fetch(request, env));

  app.use('*', async (c, next) => {
    await next();
    const url = new URL(c.req.url);
    const provider = providerOf(url.pathname);
    if (provider === 'simulator') return;
    ctx.recorder.record({ method: c.req.method, url: url.pathname + url.search, provider, mailbox: c.get('mailbox'), inBatch: Boolean(c.env?.batch), status: c.res.status });
  });
  app.onError((error, c) => c.json({ error: { code: 'InternalServerError', message: `Simulator bug: ${error.message}` } }, 500));
  app.notFound((c) => c.json({ error: { code: 'NotFound', message: `The simulator serves no route for ${c.req.method} ${new URL(c.req.url).pathname}.` } }, 404));

  const providers = [...(fixture.microsoft ? ['microsoft365'] : []), ...(fixture.google ? ['google-workspace'] : [])];
  app.route('/', createControlRoutes(ctx, providers));
  app.route('/', createMicrosoftRoutes(ctx, dispatch));
  app.route('/', createGoogleRoutes(ctx));

  return { app, ctx, fetch: (request) => dispatch(request, {}) };
}
