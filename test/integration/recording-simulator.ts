import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createSimulator, type Simulator } from '../../simulator/app.ts';
import type { Fixture, FixtureInput } from '../../simulator/fixture/schema.ts';
import { SIMULATED_HOSTS } from '../support/simulator.ts';

export interface RecordingSimulator {
  readonly sim: Simulator;
  /** Exchange cmdlets in the order Tutela invoked them (the simulator's recorder sees only the URL). */
  readonly cmdlets: string[];
  reset: (next?: FixtureInput | Fixture) => Simulator;
}

/**
 * `useSimulator` (test/support/simulator.ts) plus a log of which Exchange cmdlet each InvokeCommand
 * POST ran, so tests can count tenant-wide Get-Mailbox reads per audit run.
 */
export function useRecordingSimulator(input: FixtureInput | Fixture): RecordingSimulator {
  const holder = { sim: createSimulator(input), cmdlets: [] as string[] };
  const server = setupServer(
    ...SIMULATED_HOSTS.map((host) =>
      http.all(
        ({ request }) => new URL(request.url).hostname === host,
        async ({ request }) => {
          const req = request as unknown as Request;
          if (req.method === 'POST' && req.url.includes('/InvokeCommand')) {
            const body = (await req.clone().json().catch(() => null)) as { CmdletInput?: { CmdletName?: string; Parameters?: Record<string, unknown> } } | null;
            const name = body?.CmdletInput?.CmdletName ?? '?';
            holder.cmdlets.push(body?.CmdletInput?.Parameters?.Identity === undefined ? name : `${name} -Identity`);
          }
          return holder.sim.fetch(req);
        },
      ),
    ),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return {
    get sim() {
      return holder.sim;
    },
    get cmdlets() {
      return holder.cmdlets;
    },
    reset: (next) => {
      holder.sim = next ? createSimulator(next) : createSimulator(input);
      holder.cmdlets.length = 0;
      return holder.sim;
    },
  };
}
