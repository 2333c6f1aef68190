import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FixtureInput } from '../../simulator/fixture/schema.ts';
import type { RunningSimulator } from '../../simulator/server.ts';
import type { CliIO } from '../io.ts';
import { main } from '../tutela.ts';
import { createSimulateCommand } from './simulate.ts';

function captureIO(cwd: string): { io: CliIO; out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    io: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: () => Promise.resolve(''), env: {}, cwd },
    out: () => stdout,
    err: () => stderr,
  };
}

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'tutela-simulate-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('tutela simulate', () => {
  it('generates a fixture, serves it on an ephemeral port, and a client can page through /v1.0/users', async () => {
    const gen = captureIO(scratch);
    expect(await main(['simulate', '--generate', '30', '--seed', '7', '--providers', 'microsoft365', '--out', 'school.json'], gen.io)).toBe(0);
    const fixture = JSON.parse(await readFile(join(scratch, 'school.json'), 'utf8')) as FixtureInput;
    const tenant = fixture.microsoft;
    const app = tenant?.apps.find((a) => a.clientSecret);
    if (!tenant || !app?.clientSecret) throw new Error('generated fixture has no Microsoft app with a secret');
    expect(fixture.google).toBeUndefined();

    let stop = (): void => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    let started: (running: RunningSimulator) => void = () => {};
    const running = new Promise<RunningSimulator>((resolve) => (started = resolve));
    const serveIO = captureIO(scratch);
    const command = createSimulateCommand({ waitForStop: () => stopped, onStarted: (r) => started(r) });
    const exit = command.run(['--fixture', 'school.json', '--port', '0'], serveIO.io);
    const { url } = await running;
    expect(serveIO.err()).toContain(url);
    expect(serveIO.err()).toContain('"graph"');

    try {
      const tokenRes = await fetch(`${url}/${tenant.tenantId}/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret, scope: 'https://graph.microsoft.com/.default' }),
      });
      expect(tokenRes.status).toBe(200);
      const { access_token: token } = await tokenRes.json<{ access_token: string }>();
      const ids: string[] = [];
      let next: string | undefined = `${url}/v1.0/users?$select=id,userPrincipalName&$top=7`;
      while (next) {
        expect(next.startsWith(url)).toBe(true);
        const res: Response = await fetch(next, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status).toBe(200);
        const page = await res.json<{ value: { id: string }[]; '@odata.nextLink'?: string }>();
        ids.push(...page.value.map((u) => u.id));
        next = page['@odata.nextLink'];
      }
      expect(ids).toHaveLength(tenant.users?.length ?? -1);
      expect(new Set(ids).size).toBe(ids.length);
      const recorded = await (await fetch(`${url}/_sim/requests`)).json<{ httpCount: number }>();
      expect(recorded.httpCount).toBe(1 + Math.ceil(ids.length / 7));
    } finally {
      stop();
    }
    expect(await exit).toBe(0);
  });

  it('refuses a bad fixture with the failing paths', async () => {
    await writeFile(join(scratch, 'bad.json'), JSON.stringify({ fixtureVersion: 2, school: { name: '' } }));
    const cap = captureIO(scratch);
    expect(await main(['simulate', '--fixture', 'bad.json', '--port', '0'], cap.io)).toBe(1);
    expect(cap.err()).toContain('fixtureVersion');
  });
});
