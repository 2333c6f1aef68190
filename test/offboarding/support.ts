import { env } from 'cloudflare:workers';
import { createConnector } from '../../connectors/index.ts';
import { createMicrosoftConnector } from '../../connectors/microsoft365/index.ts';
import { createLogger } from '../../src/app/logger.ts';
import { microsoftConnectionSchema, type MicrosoftConnection } from '../../src/domain/connections/config.ts';
import type { PersonMessage, PersonNotifier } from '../../src/domain/ports/notifier.ts';
import { parseProfile } from '../../src/domain/profile/parse.ts';
import { ok } from '../../src/domain/result.ts';
import type { AuditDeps } from '../../src/jobs/audit/deps.ts';
import { dispatchAuditJob } from '../../src/jobs/dispatch.ts';
import type { JobMessage } from '../../src/jobs/messages.ts';
import { createConnection } from '../../src/storage/connections.ts';
import { applyDirectoryPage } from '../../src/storage/directory.ts';
import { saveProfileVersion } from '../../src/storage/profiles.ts';
import { createSchool } from '../../src/storage/schools.ts';
import type { Simulator } from '../../simulator/app.ts';
import type { MsUser } from '../../simulator/fixture/microsoft.ts';

/** Test-only helpers for the offboarding tests (not a test file). */

export const SECRET_REF = 'SECRET_TEST_OFFBOARD_M365';
export const SBM = 'sbm@oakfieldprimary.sch.uk';

export const profileYaml = (extra = '') => `
school:
  name: Oakfield Primary School
  contacts: { sbm: { name: Office Manager, email: ${SBM} } }
domains: { internal: [oakfieldprimary.sch.uk, brightpath-trust.org.uk] }
leavers:
  disableAt: "17:00"
  mailboxRetentionDays: 30
  protectedAccounts: [breakglass@oakfieldprimary.sch.uk, it-admin@oakfieldprimary.sch.uk]
  autoReply: This person has left Oakfield Primary. Please write to office@oakfieldprimary.sch.uk.
  convertToShared: true
  removeLicences: true
${extra}`;

export function msConfig(sim: Simulator): MicrosoftConnection {
  const ms = sim.ctx.fixture.microsoft;
  if (!ms) throw new Error('fixture has no Microsoft tenant');
  return microsoftConnectionSchema.parse({ provider: 'microsoft365', tenantId: ms.tenantId, clientId: ms.apps[0]?.clientId, auth: { kind: 'secret', secretRef: SECRET_REF } });
}

/** What a test does to outbound HTTP: pass it on, fail before it reaches the tenant, or lose the answer after. */
export type Interceptor = (request: Request, forward: () => Promise<Response>) => Promise<Response>;

/** Routes the connector's fetch into the simulator, through an optional interceptor (crash injection). */
export function simFetch(sim: Simulator, intercept?: { current: Interceptor | null }): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const forward = () => sim.fetch(request.clone());
    return intercept?.current ? intercept.current(request, forward) : forward();
  };
}

export interface Recorder extends PersonNotifier {
  sent: PersonMessage[];
}

export function recordingNotifier(): Recorder {
  const sent: PersonMessage[] = [];
  return { sent, notify: (m) => (sent.push(m), Promise.resolve(ok({ delivered: true, channel: 'teams' }))) };
}

/** An at-least-once queue run to completion in the test: a throwing handler is redelivered. */
export function testQueue() {
  const pending: { message: JobMessage; attempts: number }[] = [];
  return {
    pending,
    sent: [] as JobMessage[],
    send(messages: JobMessage[]) {
      this.sent.push(...messages);
      pending.push(...messages.map((message) => ({ message, attempts: 1 })));
      return Promise.resolve();
    },
    async drain(deps: AuditDeps, maxDeliveries = 200): Promise<{ failures: number }> {
      let failures = 0;
      for (let n = 0; pending.length > 0; n++) {
        if (n >= maxDeliveries) throw new Error('queue did not settle');
        const job = pending.shift();
        if (!job) break;
        try {
          await dispatchAuditJob(deps, job.message, job.attempts);
        } catch {
          failures++;
          pending.push({ message: job.message, attempts: job.attempts + 1 });
        }
      }
      return { failures };
    },
  };
}
export type TestQueue = ReturnType<typeof testQueue>;

export interface School {
  schoolId: string;
  connectionId: string;
  deps: AuditDeps;
  queue: TestQueue;
  notifier: Recorder;
  intercept: { current: Interceptor | null };
}

/** A school with the demo leavers profile and a Microsoft connection to the simulator, directory loaded. */
export async function setUpSchool(sim: Simulator, profileExtra = ''): Promise<School> {
  const schoolId = `school-${crypto.randomUUID().slice(0, 8)}`;
  const now = new Date(sim.ctx.fixture.now ?? Date.now());
  const db = env.DB;
  await createSchool(db, { id: schoolId, name: 'Oakfield Primary School', notifyChannel: 'none' }, now);
  const config = msConfig(sim);
  const connectionId = `${schoolId}-m365`;
  await createConnection(db, { id: connectionId, schoolId, config }, now);
  const text = profileYaml(profileExtra);
  const parsed = await parseProfile(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  await saveProfileVersion(db, { schoolId, parsed: parsed.value, sourceText: text, createdBy: 'test' }, now);
  const intercept: { current: Interceptor | null } = { current: null };
  const queue = testQueue();
  const notifier = recordingNotifier();
  const secrets = (name: string) => (name === SECRET_REF ? 'sim-client-secret' : undefined);
  const deps: AuditDeps = {
    db,
    queue,
    // One try per call: an injected failure reaches the engine instead of the connector's own retries.
    connectorFor: (c) =>
      c.config.provider === 'microsoft365'
        ? ok(createMicrosoftConnector(c.config, { secrets, fetch: simFetch(sim, intercept), now: () => now, retry: { maxAttempts: 1 }, sleep: () => Promise.resolve() }))
        : createConnector(c.config, { secrets, fetch: simFetch(sim, intercept), now: () => now }),
    notifier,
    now: () => now,
    log: createLogger({ test: 'offboarding' }, () => {}),
  };
  const connector = deps.connectorFor({ id: connectionId, config });
  if (!connector.ok) throw new Error(connector.error.message);
  const page = await connector.value.readDirectory(null);
  if (!page.ok) throw new Error(page.error.message);
  await applyDirectoryPage(db, connectionId, page.value, now);
  return { schoolId, connectionId, deps, queue, notifier, intercept };
}

/** Ordinary enabled staff with a user mailbox and an employee id (not the head, bursar or protected accounts). */
export function ordinaryStaff(sim: Simulator): MsUser[] {
  return (sim.ctx.fixture.microsoft?.users ?? []).filter(
    (u) => u.accountEnabled && u.employeeId && u.mailbox?.type === 'UserMailbox' && !/^(head|bursar|breakglass|it-admin)@/.test(u.mail ?? '') && u.assignedLicenses.length > 0,
  );
}

export const csvOf = (rows: string[][]) => `${['Employee ID', 'Work Email', 'Leaving Date', 'Status'].join(',')}\r\n${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;

/** dd/mm/yyyy, days from `now`. */
export function ukDate(now: Date, days: number): string {
  const d = new Date(now.getTime() + days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}
