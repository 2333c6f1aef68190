import { readFile } from 'node:fs/promises';
import { syncCampaigns } from '../../src/domain/acknowledgements/index.ts';
import { ingest } from '../../src/domain/policy-docs/index.ts';
import { parseProfile } from '../../src/domain/profile/parse.ts';
import { startAuditRun } from '../../src/jobs/audit/start-run.ts';
import { queueGroupReads } from '../../src/jobs/group-audiences.ts';
import { createConnection } from '../../src/storage/connections.ts';
import { savePolicyDocument } from '../../src/storage/policy-documents.ts';
import { saveProfileVersion } from '../../src/storage/profiles.ts';
import { createSchool } from '../../src/storage/schools.ts';
import { createSimulator } from '../../simulator/app.ts';
import { devGoogleServiceAccountPrivateKeyId, devGoogleServiceAccountPrivateKeyPem } from '../../simulator/generate/dev-keys/index.ts';
import { generateFixture, simClientSecret, simServiceAccountEmail } from '../../simulator/generate/index.ts';
import { createLocalTutela, type LocalTutela } from './local-tutela.ts';

export const DEMO_SCHOOL_ID = 'oakfield';
/** Never resolved: every request to it is answered in-process by the simulator. */
const SIM_ORIGIN = 'http://simulator.invalid';
const fromRoot = (path: string) => new URL(`../../${path}`, import.meta.url).pathname;

/**
 * The `npm start` demo school, built in memory with no network or ports: the same generated
 * fixture (120 mailboxes, seed 7, both providers) served by the simulator in-process, the demo
 * profile and policy, and one audit per connection through the in-process pipeline.
 */
export async function buildDemoSchool(now: () => Date = () => new Date()): Promise<LocalTutela> {
  const fixture = generateFixture({ mailboxes: 120, seed: 7 });
  const sim = createSimulator(fixture);
  const local = createLocalTutela({
    env: { SECRET_DEMO_M365: simClientSecret, SECRET_DEMO_GOOGLE_KEY: devGoogleServiceAccountPrivateKeyPem },
    fetch: (input, init) => sim.fetch(new Request(input, init)),
    now,
  });
  const { db } = local.deps;
  const at = now();
  await createSchool(db, { id: DEMO_SCHOOL_ID, name: 'Oakfield Primary School', trust: 'Brightpath Learning Trust' }, at);
  const profileText = await readFile(fromRoot('profiles/demo-school.yaml'), 'utf8');
  const profile = await parseProfile(profileText);
  if (!profile.ok) throw new Error(`the demo profile does not parse: ${profile.error.problems.map((p) => p.message).join('; ')}`);
  await saveProfileVersion(db, { schoolId: DEMO_SCHOOL_ID, parsed: profile.value, sourceText: profileText, createdBy: 'demo' }, at);

  const policy = await ingest({ bytes: new Uint8Array(await readFile(fromRoot('policies/oakfield-email-and-acceptable-use.md'))), type: 'md' });
  if (!policy.ok) throw new Error(`the demo policy does not ingest: ${policy.error.message}`);
  const { title, contentHash, sections } = policy.value;
  await savePolicyDocument(db, { schoolId: DEMO_SCHOOL_ID, slug: 'email-and-acceptable-use', title, contentHash, sourceType: 'md', sections }, at);

  const ms = fixture.microsoft;
  const google = fixture.google;
  const connections: string[] = [];
  if (ms) {
    await createConnection(
      db,
      {
        id: 'oakfield-m365',
        schoolId: DEMO_SCHOOL_ID,
        config: { provider: 'microsoft365', tenantId: ms.tenantId, clientId: ms.apps[0]?.clientId ?? '', auth: { kind: 'secret', secretRef: 'SECRET_DEMO_M365' }, endpoints: { login: SIM_ORIGIN, graph: SIM_ORIGIN, exchange: SIM_ORIGIN } },
      },
      at,
    );
    connections.push('oakfield-m365');
  }
  if (google) {
    await createConnection(
      db,
      {
        id: 'oakfield-google',
        schoolId: DEMO_SCHOOL_ID,
        config: {
          provider: 'google-workspace',
          customerId: google.customerId,
          domain: google.domains[0] ?? '',
          adminSubject: (google.users ?? []).find((u) => u.isAdmin)?.primaryEmail ?? '',
          serviceAccount: { clientEmail: simServiceAccountEmail, privateKeyId: devGoogleServiceAccountPrivateKeyId, privateKeyRef: 'SECRET_DEMO_GOOGLE_KEY' },
          endpoints: { token: `${SIM_ORIGIN}/token`, admin: SIM_ORIGIN, gmail: SIM_ORIGIN },
        },
      },
      at,
    );
    connections.push('oakfield-google');
  }
  for (const connectionId of connections) {
    const started = await startAuditRun(local.deps, { schoolId: DEMO_SCHOOL_ID, connectionId, trigger: 'demo' });
    if (!started.ok) throw new Error(`the demo audit of ${connectionId} did not start: ${started.error.message}`);
  }
  await local.queue.drain();
  // Campaigns need the directory the audit just read (everyone with a mailbox is asked).
  await syncCampaigns(db, DEMO_SCHOOL_ID, profile.value.profile, now(), queueGroupReads(local.deps.queue));
  await local.queue.drain();
  return local;
}
