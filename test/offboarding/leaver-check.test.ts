import { describe, expect, it } from 'vitest';
import { parseHrCsv } from '../../connectors/hr-feed/index.ts';
import { createGoogleConnector } from '../../connectors/google-workspace/index.ts';
import { config as googleConfig, KEY_REF, makeKey, schoolOptions } from '../../connectors/google-workspace/test-support.ts';
import { createMicrosoftConnector } from '../../connectors/microsoft365/index.ts';
import { createSimulator } from '../../simulator/app.ts';
import { expectedKey, generateFixture, generateHrFeed, type GenerateOptions } from '../../simulator/generate/index.ts';
import { checkLeaverActive } from '../../src/domain/audit/checks/accounts-leaver.ts';
import { checkPolicyFromProfile } from '../../src/domain/audit/policy-from-profile.ts';
import { parseProfile } from '../../src/domain/profile/parse.ts';
import type { TenantConnector } from '../../src/domain/ports/tenant-connector.ts';
import { msConfig, profileYaml, SECRET_REF } from './support.ts';

/** accounts.leaver-active against the generator's oracle, for both providers, from the HR feed it writes. */
async function leaverFindings(options: GenerateOptions, connector: (sim: ReturnType<typeof createSimulator>) => TenantConnector) {
  const fixture = generateFixture(options);
  const sim = createSimulator(fixture);
  const c = connector(sim);
  const page = await c.readDirectory(null);
  if (!page.ok) throw new Error(page.error.message);
  const feed = parseHrCsv(generateHrFeed(options), {});
  if (!feed.ok) throw new Error(feed.error.message);
  const profile = await parseProfile(profileYaml());
  if (!profile.ok) throw new Error('profile');
  const policy = checkPolicyFromProfile(profile.value.profile, c.provider, c.capabilities.actions, page.value.domains ?? []);
  const found = checkLeaverActive(page.value.changed, feed.value.accepted, policy, new Date(fixture.now ?? ''));
  const expected = (fixture.expected ?? []).filter((f) => f.checkId === 'accounts.leaver-active' && f.provider === c.provider).map(expectedKey).sort();
  const actual = found.map((f) => expectedKey({ checkId: f.checkId, provider: f.provider, email: f.subject.email ?? '' })).sort();
  return { expected, actual };
}

describe('accounts.leaver-active', () => {
  it('matches the generator on Microsoft 365', async () => {
    const options: GenerateOptions = { mailboxes: 300, seed: 11, providers: ['microsoft365'] };
    const { expected, actual } = await leaverFindings(options, (sim) =>
      createMicrosoftConnector(msConfig(sim), { secrets: (n) => (n === SECRET_REF ? 'sim-client-secret' : undefined), fetch: (i, init) => sim.fetch(new Request(i, init)) }),
    );
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(actual).toEqual(expected);
  });

  it('matches the generator on Google Workspace', async () => {
    const key = await makeKey();
    const options: GenerateOptions = { ...schoolOptions(key, 300), seed: 12 };
    const { expected, actual } = await leaverFindings(options, (sim) =>
      createGoogleConnector(googleConfig(), { secrets: (n) => (n === KEY_REF ? key.privatePem : undefined), fetch: (i, init) => sim.fetch(new Request(i, init)) }),
    );
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(actual).toEqual(expected);
  });
});
