import type { Simulator } from '../../simulator/app.ts';
import type { Fixture, FixtureInput } from '../../simulator/fixture/schema.ts';
import { useSimulator } from '../support/simulator.ts';

export interface RecordingSimulator {
  readonly sim: Simulator;
  /** Exchange cmdlets in the order Tutela invoked them (the simulator's recorder sees only the URL). */
  readonly cmdlets: string[];
  reset: (next?: FixtureInput | Fixture) => Simulator;
}

type InvokeCommandBody = { CmdletInput?: { CmdletName?: string; Parameters?: Record<string, unknown> } } | null;

/**
 * `useSimulator` (test/support/simulator.ts) plus a log of which Exchange cmdlet each InvokeCommand
 * POST ran, so tests can count tenant-wide Get-Mailbox reads per audit run.
 */
export function useRecordingSimulator(input: FixtureInput | Fixture): RecordingSimulator {
  const cmdlets: string[] = [];
  const env = useSimulator(input, {
    observe: async (req) => {
      if (req.method !== 'POST' || !req.url.includes('/InvokeCommand')) return;
      const body = (await req.clone().json().catch(() => null)) as InvokeCommandBody;
      const name = body?.CmdletInput?.CmdletName ?? '?';
      cmdlets.push(body?.CmdletInput?.Parameters?.Identity === undefined ? name : `${name} -Identity`);
    },
  });
  return {
    get sim() {
      return env.sim;
    },
    cmdlets,
    reset: (next) => {
      const sim = env.reset(next);
      cmdlets.length = 0;
      return sim;
    },
  };
}
