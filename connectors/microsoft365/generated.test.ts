import { describe, expect, it } from 'vitest';
import type { CheckPolicy } from '../../src/domain/audit/check-policy.ts';
import { evaluateMailboxes, evaluateTenant } from '../../src/domain/audit/evaluate.ts';
import type { CheckId } from '../../src/domain/checks/ids.ts';
import type { Finding } from '../../src/domain/findings/finding.ts';
import { devMicrosoftAppPrivateKeyPem, devMicrosoftAppThumbprintSha256 } from '../../simulator/generate/dev-keys/index.ts';
import { demoSchool, expectedKey, generateFixture, simClientSecret } from '../../simulator/generate/index.ts';
import { useSimulator } from '../../test/support/simulator.ts';
import { actionsByCheck } from './remediate.ts';
import { allChecks, certificateConfig, connector, KEY_REF, scopeAt, SECRET_REF, secretConfig } from './test-support.ts';

const fixture = generateFixture({ mailboxes: 60, seed: 11, providers: ['microsoft365'] });
const env = useSimulator(fixture);
const tenantInput = fixture.microsoft;
if (!tenantInput) throw new Error('generated fixture has no Microsoft tenant');
const now = () => new Date(fixture.now ?? '2026-11-23T09:00:00Z');

/** The demo school's profile as the checks see it (README "The school"); tenant domains count as internal. */
const policy: CheckPolicy = {
  provider: 'microsoft365',
  internalDomains: [demoSchool.domain, demoSchool.trustDomain, ...tenantInput.domains],
  forwarding: { external: 'blocked', internal: 'allowed', allowedExternalDomains: [demoSchool.allowedForwardingDomain] },
  deletionRulesBlocked: true,
  disclaimer: { required: true, phrase: demoSchool.disclaimerPhrase, exemptSenders: [demoSchool.headteacher] },
  attachmentMaxBytes: demoSchool.attachmentLimitBytes,
  retention: { months: demoSchool.retentionMonths, holdExemptions: [demoSchool.bursar] },
  dormantDays: demoSchool.dormantDays,
  exposedThreshold: demoSchool.exposedRecipientsMax,
  protectedAccounts: [...demoSchool.protectedAccounts],
  modeFor: () => 'report',
  actionFor: (check: CheckId) => actionsByCheck[check] ?? null,
};

const keyOf = (f: Finding) => expectedKey({ checkId: f.checkId, provider: 'microsoft365', email: f.subject.email ?? '', ...(f.subject.email && f.subject.item ? { item: f.subject.item } : {}) });

async function audit(c: ReturnType<typeof connector>) {
  const page = await c.readDirectory(null);
  if (!page.ok) throw new Error(page.error.message);
  const users = page.value.changed;
  const scope = scopeAt(now());
  const [mail, tenant] = await Promise.all([c.readMailboxes(users, scope), c.readTenant(scope)]);
  if (!mail.ok) throw new Error(mail.error.message);
  if (!tenant.ok) throw new Error(tenant.error.message);
  const verdict = evaluateMailboxes(mail.value.snapshots, policy, allChecks, { now: now(), currentStaffEmails: new Set() });
  const findings = [...verdict.findings, ...evaluateTenant(tenant.value, users, policy, allChecks, c.tenantId)];
  // Protected accounts get a low "check it is still needed" note; the generator does not count those.
  const counted = findings.filter((f) => !(f.checkId === 'accounts.dormant' && f.evidence.protected === true));
  return { unread: mail.value.unread, keys: [...new Set(counted.map(keyOf))].sort() };
}

describe('Microsoft connector against a generated school', () => {
  const expected = (fixture.expected ?? []).filter((f) => f.provider === 'microsoft365' && f.checkId !== 'accounts.leaver-active').map(expectedKey).sort();
  const app = tenantInput.apps[0];
  it('has a meaningful expectation to compare with', () => expect(expected.length).toBeGreaterThan(20));
  if (!app) throw new Error('generated tenant has no app');

  it('finds exactly the expected findings (client secret)', async () => {
    env.reset();
    const result = await audit(connector(secretConfig(tenantInput.tenantId, app.clientId), { [SECRET_REF]: simClientSecret }, { now }));
    expect(result.unread).toEqual([]);
    expect(result.keys).toEqual(expected);
  });

  it('finds the same under a 429 storm, signed in with the certificate', async () => {
    env.reset({ ...fixture, realism: { ...fixture.realism, throttleRate: 0.3, retryAfterSeconds: 1 } });
    const c = connector(certificateConfig(tenantInput.tenantId, app.clientId, devMicrosoftAppThumbprintSha256), { [KEY_REF]: devMicrosoftAppPrivateKeyPem }, { now, sleep: () => Promise.resolve() });
    const result = await audit(c);
    expect(result.unread).toEqual([]);
    expect(result.keys).toEqual(expected);
  });
});
