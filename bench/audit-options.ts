import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { GenerateOptions } from '../simulator/generate/index.ts';
import type { SimulatedProvider } from '../cli/support/simulator-connection.ts';

export interface AuditBenchOptions {
  mailboxes: number;
  latencyMs: number;
  /** Requests in flight per mailbox before the simulator answers 429 (Exchange allows 4). */
  mailboxConcurrency: number;
  throttleRate: number;
  retryAfterSeconds: number;
  seed: number;
  providers: SimulatedProvider[];
}

export const usage = `Usage: npm run bench:audit -- [--mailboxes 2000] [--latency 25] [--concurrency 4] [--throttle 0.02]
                           [--retry-after 1] [--seed 7] [--provider microsoft365|google-workspace|both]`;

const naiveGoogle = join(import.meta.dirname, 'naive', 'google-workspace.ts');

function number(name: string, raw: string | undefined, fallback: number, valid: (n: number) => boolean): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || !valid(n)) throw new RangeError(`--${name} ${raw} is out of range\n${usage}`);
  return n;
}

/** Reads the command line; throws RangeError (with the usage) on anything it cannot use. */
export function readOptions(args: string[]): AuditBenchOptions {
  const { values } = parseArgs({
    args,
    options: {
      mailboxes: { type: 'string' },
      latency: { type: 'string' },
      concurrency: { type: 'string' },
      throttle: { type: 'string' },
      'retry-after': { type: 'string' },
      seed: { type: 'string' },
      provider: { type: 'string' },
    },
  });
  const integer = (n: number) => Number.isInteger(n) && n >= 0;
  // Both providers by default, once the Google baseline exists to compare against.
  const provider = values.provider ?? (existsSync(naiveGoogle) ? 'both' : 'microsoft365');
  if (!['microsoft365', 'google-workspace', 'both'].includes(provider)) throw new RangeError(`--provider ${provider} is not microsoft365, google-workspace or both\n${usage}`);
  return {
    mailboxes: number('mailboxes', values.mailboxes, 2000, (n) => Number.isInteger(n) && n >= 20 && n <= 50_000),
    latencyMs: number('latency', values.latency, 25, integer),
    mailboxConcurrency: number('concurrency', values.concurrency, 4, integer),
    throttleRate: number('throttle', values.throttle, 0.02, (n) => n >= 0 && n <= 1),
    retryAfterSeconds: number('retry-after', values['retry-after'], 1, integer),
    seed: number('seed', values.seed, 7, Number.isInteger),
    providers: provider === 'both' ? ['microsoft365', 'google-workspace'] : [provider as SimulatedProvider],
  };
}

/** The generator options every simulator of one benchmark run is built from (same options, same fixture). */
export function fixtureOptions(o: AuditBenchOptions): GenerateOptions {
  return {
    mailboxes: o.mailboxes,
    seed: o.seed,
    providers: o.providers,
    realism: { latencyMs: o.latencyMs, throttleRate: o.throttleRate, retryAfterSeconds: o.retryAfterSeconds, mailboxConcurrency: o.mailboxConcurrency, seed: o.seed },
  };
}
