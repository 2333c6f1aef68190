// `npm start`: the whole product on this machine with no credentials — local D1, the simulated demo
// school (Microsoft 365 and Google Workspace sides), the Worker on :8787, seeded and audited once.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createSimulator } from '../simulator/app.ts';
import { generateFixture, generateHrFeed, simClientSecret, simServiceAccountEmail } from '../simulator/generate/index.ts';
import { serveSimulator } from '../simulator/server.ts';
import { devGoogleServiceAccountPrivateKeyId, devGoogleServiceAccountPrivateKeyPem } from '../simulator/generate/dev-keys/index.ts';

const root = join(import.meta.dirname, '..');
const PORT = Number(process.env.PORT ?? 8787);
const SIM_PORT = Number(process.env.SIM_PORT ?? 8788);
const base = `http://127.0.0.1:${PORT}`;
// TUTELA_STATE_DIR keeps this run's local D1 apart (the browser tests use a fresh one); default .wrangler/state.
const persist = process.env.TUTELA_STATE_DIR ? ['--persist-to', process.env.TUTELA_STATE_DIR] : [];
const say = (line: string) => process.stdout.write(`${line}\n`);

say('Tutela demo: migrating local D1…');
const migrate = spawnSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', ...persist], { cwd: root, stdio: 'inherit', env: { ...process.env, CI: 'true' } });
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const demoSchool = { mailboxes: 120, seed: 7 } as const;
const fixture = generateFixture({ ...demoSchool, realism: { latencyMs: 5 } });
const sim = await serveSimulator(createSimulator(fixture), { port: SIM_PORT });
say(`Simulated tenant (Oakfield Primary, 120 mailboxes) on ${sim.url}`);

const worker: ChildProcess = spawn(
  'wrangler',
  ['dev', '--local', ...persist, '--port', String(PORT), '--ip', '127.0.0.1', '--var', `SECRET_DEMO_M365:${simClientSecret}`, '--var', `SECRET_DEMO_GOOGLE_KEY:${devGoogleServiceAccountPrivateKeyPem}`],
  { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
);
const stop = () => {
  worker.kill('SIGINT');
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
worker.on('exit', (code) => {
  void sim.close().then(() => process.exit(code ?? 0));
});

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the Worker did not answer /healthz within two minutes');
}

async function call(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${base}${path}`, { method, headers: body === undefined ? {} : { 'content-type': contentType }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

async function waitForAudits(): Promise<void> {
  const runs = z.object({ runs: z.array(z.object({ status: z.string() })) });
  for (let i = 0; i < 180; i++) {
    const got = runs.safeParse((await call('GET', '/api/schools/oakfield/runs')).json);
    const list = got.success ? got.data.runs : [];
    if (list.length >= 2 && list.every((r) => r.status !== 'running' && r.status !== 'queued')) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  say('The demo audits are still running; the HR feed may match fewer people.');
}
const hrReport = z.object({ status: z.string(), reason: z.string().nullable() });

await waitForHealth();
const school = await call('POST', '/api/schools', { id: 'oakfield', name: 'Oakfield Primary School', trust: 'Brightpath Learning Trust' });
if (school.status === 201) {
  say('Seeding the demo school…');
  await call('PUT', '/api/schools/oakfield/profile', readFileSync(join(root, 'profiles/demo-school.yaml'), 'utf8'), 'text/yaml');
  const ms = fixture.microsoft;
  const google = fixture.google;
  if (ms) {
    await call('POST', '/api/schools/oakfield/connections', {
      id: 'oakfield-m365',
      config: { provider: 'microsoft365', tenantId: ms.tenantId, clientId: ms.apps[0]?.clientId, auth: { kind: 'secret', secretRef: 'SECRET_DEMO_M365' }, endpoints: { login: sim.url, graph: sim.url, exchange: sim.url } },
    });
  }
  if (google) {
    await call('POST', '/api/schools/oakfield/connections', {
      id: 'oakfield-google',
      config: {
        provider: 'google-workspace',
        customerId: google.customerId,
        domain: google.domains[0],
        adminSubject: (google.users ?? []).find((u) => u.isAdmin)?.primaryEmail,
        serviceAccount: { clientEmail: simServiceAccountEmail, privateKeyId: devGoogleServiceAccountPrivateKeyId, privateKeyRef: 'SECRET_DEMO_GOOGLE_KEY' },
        endpoints: { token: `${sim.url}/token`, admin: sim.url, gmail: sim.url },
      },
    });
  }
  for (const connectionId of ['oakfield-m365', 'oakfield-google']) await call('POST', '/api/schools/oakfield/audits', { connectionId });
  // The audits load the directories, which the policy's all-staff campaign and the HR feed's matching need.
  say('Auditing both tenants (about a minute)…');
  await waitForAudits();
  const policy = await call('PUT', '/api/schools/oakfield/policy-documents/email-and-acceptable-use?type=md', readFileSync(join(root, 'policies/oakfield-email-and-acceptable-use.md'), 'utf8'), 'text/markdown');
  say(`Policy uploaded (${policy.status}): staff are asked to acknowledge it.`);
  // The school's own HR export for the same generated staff, as is: its leavers already exceed the
  // profile's circuit breaker (3 per import), so the import is held for the SBM to approve.
  const hr = await call('POST', '/api/schools/oakfield/hr-imports', generateHrFeed(demoSchool), 'text/csv');
  const report = hrReport.safeParse(hr.json);
  say(report.success ? `HR feed imported: ${report.data.status}${report.data.reason ? ` — ${report.data.reason}` : ''}` : `HR feed import failed (${hr.status}): ${JSON.stringify(hr.json)}`);
} else {
  say('Demo school already seeded (local D1 in .wrangler/state); delete that folder for a fresh start.');
}

say('');
say(`Tutela is running:  ${base}/   (dev mode signs you in automatically on this machine)`);
say(`  Dashboard:       ${base}/dashboard/schools/oakfield   (held leavers: ${base}/dashboard/schools/oakfield/offboarding)`);
say(`  Bot playground:  ${base}/playground`);
say(`  API:             ${base}/api/schools/oakfield/findings?status=open`);
say(`  Simulator:       ${sim.url}/_sim/requests`);
say('Press Ctrl-C to stop.');
