import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createSimulator, FixtureError, parseFixture } from '../../simulator/app.ts';
import type { Simulator } from '../../simulator/app.ts';
import { generateFixture } from '../../simulator/generate/index.ts';
import { serveSimulator } from '../../simulator/server.ts';
import type { RunningSimulator } from '../../simulator/server.ts';
import type { CliIO, Command } from '../io.ts';

const usage = `Usage:
  tutela simulate --fixture FILE [--port P]
      Serve a tenant simulator on http://127.0.0.1:P (default 4010; 0 = any free port) until Ctrl-C.
  tutela simulate --generate N --seed S [--providers microsoft365,google-workspace] [--out FILE]
      Write a generated school fixture (N mailboxes) as JSON to FILE, or to stdout.
See docs/simulator.md for the fixture format and the endpoints served.`;

const PROVIDERS = ['microsoft365', 'google-workspace'] as const;
type Provider = (typeof PROVIDERS)[number];

type Options = Map<string, string>;

function parseArgs(args: string[]): Options | string {
  const known = new Set(['--fixture', '--port', '--generate', '--seed', '--providers', '--out']);
  const options: Options = new Map();
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i] ?? '';
    const value = args[i + 1];
    if (!known.has(name)) return `Unknown option ${name}`;
    if (value === undefined || value.startsWith('--')) return `${name} needs a value`;
    options.set(name, value);
  }
  return options;
}

const integer = (raw: string | undefined): number | undefined => (raw !== undefined && /^-?\d+$/.test(raw) ? Number(raw) : undefined);

/** The endpoint overrides a connection config needs to reach the simulator (src/domain/connections/config.ts). */
export function endpointOverrides(sim: Simulator, url: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const ms = sim.ctx.fixture.microsoft;
  if (ms) out.microsoft365 = { tenantId: ms.tenantId, clientIds: ms.apps.map((a) => a.clientId), endpoints: { login: url, graph: url, exchange: url } };
  const google = sim.ctx.fixture.google;
  if (google) out['google-workspace'] = { customerId: google.customerId, domain: google.domains[0], endpoints: { token: `${url}/token`, admin: url, gmail: url } };
  return out;
}

async function generate(options: Options, io: CliIO): Promise<number> {
  const mailboxes = integer(options.get('--generate'));
  const seed = integer(options.get('--seed') ?? '1');
  if (mailboxes === undefined || seed === undefined) {
    io.stderr(`--generate and --seed take integers\n${usage}\n`);
    return 2;
  }
  const providers = (options.get('--providers') ?? PROVIDERS.join(',')).split(',').map((p) => p.trim());
  const unknown = providers.find((p) => !PROVIDERS.includes(p as Provider));
  if (unknown) {
    io.stderr(`Unknown provider ${unknown} (use ${PROVIDERS.join(', ')})\n`);
    return 2;
  }
  let fixture;
  try {
    fixture = generateFixture({ mailboxes, seed, providers: providers as Provider[] });
  } catch (error) {
    io.stderr(`Cannot generate: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const json = `${JSON.stringify(fixture, null, 2)}\n`;
  const out = options.get('--out');
  if (out) {
    await writeFile(resolve(io.cwd, out), json, 'utf8');
    io.stderr(`Wrote a ${mailboxes}-mailbox fixture (seed ${seed}) to ${out}\n`);
  } else io.stdout(json);
  return 0;
}

async function serve(options: Options, io: CliIO, waitForStop: () => Promise<void>, onStarted?: (running: RunningSimulator) => void): Promise<number> {
  const file = options.get('--fixture') ?? '';
  const port = integer(options.get('--port') ?? '4010');
  if (port === undefined || port < 0 || port > 65535) {
    io.stderr(`--port takes a port number\n`);
    return 2;
  }
  let sim: Simulator;
  try {
    const raw: unknown = JSON.parse(await readFile(resolve(io.cwd, file), 'utf8'));
    sim = createSimulator(parseFixture(raw));
  } catch (error) {
    io.stderr(error instanceof FixtureError ? `${file}: ${error.message}\n` : `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof FixtureError ? 1 : 2;
  }
  const running = await serveSimulator(sim, { port });
  io.stderr(`Tenant simulator for ${sim.ctx.fixture.school.name} on ${running.url}\n`);
  io.stderr(`Endpoint overrides for connection configs:\n${JSON.stringify(endpointOverrides(sim, running.url), null, 2)}\n`);
  io.stderr(`Recorded requests: ${running.url}/_sim/requests   state: ${running.url}/_sim/state   Ctrl-C stops.\n`);
  onStarted?.(running);
  await waitForStop();
  await running.close();
  return 0;
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * Builds the command; tests pass their own `waitForStop` (and `onStarted`) instead of a signal.
 */
export function createSimulateCommand(hooks: { waitForStop?: () => Promise<void>; onStarted?: (running: RunningSimulator) => void } = {}): Command {
  return {
    path: ['simulate'],
    summary: 'Serve or generate a tenant simulator fixture',
    usage,
    run: async (args, io) => {
      const options = parseArgs(args);
      if (typeof options === 'string') {
        io.stderr(`${options}\n${usage}\n`);
        return 2;
      }
      if (options.has('--generate')) return generate(options, io);
      if (options.has('--fixture')) return serve(options, io, hooks.waitForStop ?? untilSignal, hooks.onStarted);
      io.stderr(`Give --fixture FILE or --generate N\n${usage}\n`);
      return 2;
    },
  };
}

export const simulate: Command = createSimulateCommand();
