// npm run bench:offboard — 100 signed webhook leaver events through the Worker's route (in-process
// Hono app, local D1 over node:sqlite, in-memory queue with the Worker's contract) against the
// Microsoft 365 simulator. Latency = from the event's receipt to the account disabled in the
// simulator. Baseline: a leaver found by the hourly cron (3,600,000 ms cycle).
// The route is mounted as src/app/app.ts mounts it.
// Prints one JSON line: {"events":100,"p50Ms":…,"p95Ms":…,"baselineCycleMs":3600000,"ratio":…}
// where ratio = baselineCycleMs / p95Ms (how many times sooner than the hourly cycle).
import { readFile } from 'node:fs/promises';
import { signWebhook } from '../connectors/hr-feed/index.ts';
import { createSimulator } from '../simulator/app.ts';
import { generateFixture } from '../simulator/generate/index.ts';
import { Hono } from 'hono';
import type { AppEnv } from '../src/app/context.ts';
import { onError } from '../src/app/errors.ts';
import { requestContext } from '../src/app/request-context.ts';
import { hrWebhookRoutes, webhookSecretNames } from '../src/app/routes/hr-webhook.ts';
import { microsoftConnectionSchema } from '../src/domain/connections/config.ts';
import { parseProfile } from '../src/domain/profile/parse.ts';
import type { Env } from '../src/env.ts';
import type { JobMessage } from '../src/jobs/messages.ts';
import { applyDirectoryPage } from '../src/storage/directory.ts';
import { createLocalTutela } from '../cli/support/local-tutela.ts';
import { prepareSchool } from '../cli/support/prepare-school.ts';

const EVENTS = 100;
// The route's structured request logs go to console.log; the benchmark's stdout is its one JSON line.
console.log = () => {};
const SCHOOL = { id: 'oakfield', name: 'Oakfield Primary School' };
const WEBHOOK_SECRET = 'bench-webhook-secret';

const fixture = generateFixture({ mailboxes: 250, seed: 7, providers: ['microsoft365'] });
const sim = createSimulator(fixture);
const ms = sim.ctx.fixture.microsoft;
if (!ms) throw new Error('no Microsoft tenant in the fixture');
// Every outbound call of this process goes to the simulator (it stands in for Microsoft's hosts).
const simFetch: typeof fetch = (input, init) => sim.fetch(new Request(input, init));
globalThis.fetch = simFetch;

const secrets = { SECRET_OAKFIELD_M365: 'sim-client-secret', [webhookSecretNames(SCHOOL.id)[0]]: WEBHOOK_SECRET };
const local = createLocalTutela({ env: secrets, fetch: simFetch, concurrency: 16 });
const { db } = local.deps;
const connection = microsoftConnectionSchema.parse({ provider: 'microsoft365', tenantId: ms.tenantId, clientId: ms.apps[0]?.clientId, auth: { kind: 'secret', secretRef: 'SECRET_OAKFIELD_M365' } });
// The demo profile; the simulator has no assignLicense, so licence removal is left out of the run.
const text = (await readFile(new URL('../profiles/demo-school.yaml', import.meta.url).pathname, 'utf8')).replace('removeLicences: true', 'removeLicences: false');
const parsed = await parseProfile(text);
if (!parsed.ok) throw new Error('demo profile does not parse');
const { connectionId } = await prepareSchool(db, { school: SCHOOL, connection, profile: { parsed: parsed.value, text } }, new Date());
const connector = local.deps.connectorFor({ id: connectionId, config: connection });
if (!connector.ok) throw new Error(connector.error.message);
const page = await connector.value.readDirectory(null);
if (!page.ok) throw new Error(page.error.message);
await applyDirectoryPage(db, connectionId, page.value, new Date());

const jobs = {
  send: (body: JobMessage) => local.queue.send([body]),
  sendBatch: (batch: { body: JobMessage }[]) => local.queue.send(batch.map((m) => m.body)),
};
const env = { DB: db, JOBS: jobs, TUTELA_MODE: 'production', ...secrets } as unknown as Env;
// The Worker's webhook route as app.ts mounts it (the full app also serves .tsx pages, which Node cannot load).
const app = new Hono<AppEnv>().use('*', requestContext).route('/hooks/hr', hrWebhookRoutes).onError(onError);

const leavers = ms.users
  .filter((u) => u.accountEnabled && u.employeeId && u.mailbox?.type === 'UserMailbox' && !/^(head|bursar|breakglass|it-admin)@/.test(u.mail ?? ''))
  .slice(0, EVENTS);
if (leavers.length < EVENTS) throw new Error(`only ${leavers.length} staff to offboard`);

const received = new Map<string, number>();
const disabled = new Map<string, number>();
const watch = setInterval(() => {
  for (const u of leavers) if (!u.accountEnabled && !disabled.has(u.id)) disabled.set(u.id, performance.now());
}, 1);

for (const [i, u] of leavers.entries()) {
  const body = JSON.stringify({ eventId: `bench-${i}`, type: 'staff.leaver', occurredAt: new Date().toISOString(), employee: { employeeId: u.employeeId, email: u.mail, leaveDate: '2026-11-02' } });
  const signature = await signWebhook(WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000));
  received.set(u.id, performance.now());
  const res = await app.request(`/hooks/hr/${SCHOOL.id}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tutela-signature': signature }, body }, env);
  if (res.status !== 202) throw new Error(`event ${i}: HTTP ${res.status} ${await res.text()}`);
}
const deadline = performance.now() + 120_000;
while (disabled.size < EVENTS && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
clearInterval(watch);
await local.queue.drain();
local.close();
if (disabled.size < EVENTS) throw new Error(`only ${disabled.size} of ${EVENTS} accounts were disabled within 120 s`);

const latencies = leavers.map((u) => (disabled.get(u.id) ?? 0) - (received.get(u.id) ?? 0)).sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0;
const p50Ms = Math.round(pct(50) * 10) / 10;
const p95Ms = Math.round(pct(95) * 10) / 10;
const baselineCycleMs = 3_600_000;
process.stdout.write(`${JSON.stringify({ events: EVENTS, p50Ms, p95Ms, baselineCycleMs, ratio: Math.round(baselineCycleMs / Math.max(p95Ms, 0.1)) })}\n`);
