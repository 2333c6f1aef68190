import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createSimulator } from '../../simulator/app.ts';
import type { Simulator } from '../../simulator/app.ts';
import type { Fixture, FixtureInput } from '../../simulator/fixture/schema.ts';

/** The real hosts the simulator stands in for; everything else stays unhandled (an error). */
export const SIMULATED_HOSTS = [
  'login.microsoftonline.com',
  'graph.microsoft.com',
  'outlook.office365.com',
  'oauth2.googleapis.com',
  'admin.googleapis.com',
  'gmail.googleapis.com',
  'www.googleapis.com',
] as const;

export interface SimulatorHandle {
  /** The simulator requests are routed to now; read `sim.ctx.recorder` / `sim.ctx.fixture` in tests. */
  readonly sim: Simulator;
  /** Replaces the simulator with a fresh one (same fixture, or `next`): clean state, tokens and dice. */
  reset: (next?: FixtureInput | Fixture) => Simulator;
}

export interface SimulatorOptions {
  /** Sees each routed request before the simulator answers it; read the body from a clone. */
  observe?: (request: Request) => Promise<void> | void;
}

/**
 * Routes outbound fetches for the providers' real hosts into a simulator (msw 2 `setupServer`,
 * which works in the workerd pool). Call at the top of a test file or describe block.
 */
export function useSimulator(input: FixtureInput | Fixture | (() => FixtureInput | Fixture), options: SimulatorOptions = {}): SimulatorHandle {
  const build = (): Simulator => createSimulator(typeof input === 'function' ? input() : input);
  const holder = { sim: build() };
  const handlers = SIMULATED_HOSTS.map((host) =>
    http.all(
      ({ request }) => new URL(request.url).hostname === host,
      async ({ request }) => {
        // msw's Request is the platform's; only the type declarations (Node vs workers) differ.
        const req = request as unknown as Request;
        await options.observe?.(req);
        return holder.sim.fetch(req);
      },
    ),
  );
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return {
    get sim() {
      return holder.sim;
    },
    reset: (next) => {
      holder.sim = next ? createSimulator(next) : build();
      return holder.sim;
    },
  };
}
