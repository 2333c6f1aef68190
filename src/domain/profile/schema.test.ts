import { describe, expect, it } from 'vitest';
import { checkIds } from '../checks/ids.ts';
import { remediableCheckIds } from '../checks/catalogue.ts';
import { modeFor, policyProfileSchema } from './schema.ts';
import { parseProfileData } from './parse.ts';
import { minimalData, withSections } from './test-profiles.ts';

async function problemsOf(data: unknown) {
  const result = await parseProfileData(data);
  if (result.ok) throw new Error('expected the profile to be rejected');
  return result.error.problems;
}

describe('policy profile defaults', () => {
  it('fills every section from a minimal profile', () => {
    const profile = policyProfileSchema.parse(minimalData);
    expect(profile.disclaimer).toEqual({ required: false, appliesTo: 'external', exemptSenders: [] });
    expect(profile.forwarding).toEqual({ external: 'blocked', internal: 'allowed', allowedExternalDomains: [] });
    expect(profile.deletionRules.blocked).toBe(false);
    expect(profile.attachments.maxBytes).toBeNull();
    expect(profile.retention).toEqual({ months: null, action: 'report', holdExemptions: [] });
    expect(profile.leavers).toEqual({
      disableAt: '17:00',
      mailboxRetentionDays: 30,
      protectedAccounts: [],
      breaker: { maxDisables: 3, maxPercent: 10, minFeedRatio: 0.8 },
      convertToShared: false,
      removeLicences: false,
    });
    expect(profile.dormantAccounts.days).toBe(90);
    expect(profile.recipients.exposedThreshold).toBe(10);
    expect(profile.acknowledgements).toEqual({ campaigns: [], starterDays: 14 });
    expect(profile.bot).toEqual({ generativeWording: false });
    expect(profile.remediation).toEqual({});
  });

  it('fills a partly written breaker and campaign', () => {
    const profile = policyProfileSchema.parse(
      withSections({
        leavers: { breaker: { maxDisables: 5 } },
        acknowledgements: { campaigns: [{ document: 'aup', audience: { group: 'Staff@Test.sch.uk' } }] },
      }),
    );
    expect(profile.leavers.breaker).toEqual({ maxDisables: 5, maxPercent: 10, minFeedRatio: 0.8 });
    expect(profile.acknowledgements.campaigns).toEqual([{ document: 'aup', audience: { group: 'staff@test.sch.uk' }, dueDays: 14, annual: false }]);
  });

  it('lower-cases domains and addresses', () => {
    const profile = policyProfileSchema.parse(
      withSections({ domains: { internal: ['Test.SCH.uk'] }, disclaimer: { exemptSenders: ['Head@Test.sch.uk'] } }),
    );
    expect(profile.domains.internal).toEqual(['test.sch.uk']);
    expect(profile.disclaimer.exemptSenders).toEqual(['head@test.sch.uk']);
  });

  it('stores attachment sizes in bytes', () => {
    expect(policyProfileSchema.parse(withSections({ attachments: { maxBytes: '2 MB' } })).attachments.maxBytes).toBe(2_097_152);
    expect(policyProfileSchema.parse(withSections({ attachments: { maxBytes: 500_000 } })).attachments.maxBytes).toBe(500_000);
  });
});

describe('policy profile errors', () => {
  it('names the exact field for a wrong type and an unknown key', async () => {
    expect(await problemsOf(withSections({ forwarding: { external: 'sometimes', extrenal: 'blocked' } }))).toEqual([
      { path: 'forwarding.external', message: 'Invalid option: expected one of "blocked"|"allowed"' },
      { path: 'forwarding.extrenal', message: 'unknown field; check the spelling against docs/profile.md' },
    ]);
  });

  it('explains a size it cannot read', async () => {
    const [problem] = await problemsOf(withSections({ attachments: { maxBytes: '2 XB' } }));
    expect(problem?.path).toBe('attachments.maxBytes');
    expect(problem?.message).toMatch(/^"2 XB" is not a size; use .*1 MB = 1,048,576 bytes/);
  });

  it('requires at least one internal domain and rejects URLs as domains', async () => {
    expect(await problemsOf(withSections({ domains: { internal: [] } }))).toEqual([
      { path: 'domains.internal', message: 'list at least one school or trust domain' },
    ]);
    const [problem] = await problemsOf(withSections({ domains: { internal: ['https://test.sch.uk'] } }));
    expect(problem?.path).toBe('domains.internal[0]');
  });

  it('rejects duplicate addresses after lower-casing', async () => {
    expect(await problemsOf(withSections({ leavers: { protectedAccounts: ['a@test.sch.uk', 'A@test.sch.uk'] } }))).toEqual([
      { path: 'leavers.protectedAccounts[1]', message: '"a@test.sch.uk" is listed twice' },
    ]);
  });

  it('accepts "immediately" or HH:MM for disableAt and nothing else', async () => {
    expect(policyProfileSchema.parse(withSections({ leavers: { disableAt: 'immediately' } })).leavers.disableAt).toBe('immediately');
    const [problem] = await problemsOf(withSections({ leavers: { disableAt: '5pm' } }));
    expect(problem).toEqual({ path: 'leavers.disableAt', message: 'must be "immediately" or a 24-hour time "HH:MM", e.g. "17:00"' });
  });

  it('requires the disclaimer text to contain the phrase', async () => {
    expect(await problemsOf(withSections({ disclaimer: { required: true, phrase: 'named recipient', text: 'For the addressee only.' } }))).toEqual([
      { path: 'disclaimer.text', message: 'must contain the phrase "named recipient"' },
    ]);
  });

  it('reports missing required fields as required', async () => {
    expect(await problemsOf({ domains: { internal: ['test.sch.uk'] } })).toEqual([{ path: 'school', message: 'is required' }]);
  });
});

describe('remediation modes', () => {
  it('rejects unknown and non-remediable check ids precisely', async () => {
    expect(await problemsOf(withSections({ remediation: { 'forwarding.nope': 'approve', 'recipients.exposed': 'approve' } }))).toEqual([
      { path: 'remediation.forwarding.nope', message: `unknown check id "forwarding.nope"; remediable checks are ${remediableCheckIds.join(', ')}` },
      { path: 'remediation.recipients.exposed', message: 'check "recipients.exposed" offers no remediation, so it can only report; remove it' },
    ]);
  });

  it('rejects a mode that is not report, approve or auto', async () => {
    const [problem] = await problemsOf(withSections({ remediation: { 'accounts.dormant': 'yes' } }));
    expect(problem?.path).toBe('remediation.accounts.dormant');
  });

  it('refuses auto where the catalogue requires approval', async () => {
    expect(await problemsOf(withSections({ remediation: { 'deletion.inbox-rule': 'auto' } }))).toEqual([
      { path: 'remediation.deletion.inbox-rule', message: '"auto" is not allowed for deletion.inbox-rule; use "approve" so a person confirms each change' },
    ]);
  });

  it('requires the settings a remediation depends on', async () => {
    const problems = await problemsOf(
      withSections({ remediation: { 'disclaimer.missing': 'approve', 'retention.overdue': 'approve', 'attachments.limit-config': 'approve' } }),
    );
    expect(problems.map((p) => p.path)).toEqual(['remediation.disclaimer.missing', 'remediation.retention.overdue', 'remediation.attachments.limit-config']);
    const fixed = policyProfileSchema.safeParse(
      withSections({
        disclaimer: { required: true, phrase: 'named recipient', text: 'Only for the named recipient.' },
        retention: { months: 12, action: 'soft-delete' },
        attachments: { maxBytes: '10 MB' },
        remediation: { 'disclaimer.missing': 'approve', 'retention.overdue': 'approve', 'attachments.limit-config': 'approve' },
      }),
    );
    expect(fixed.success).toBe(true);
  });

  it('modeFor returns the chosen mode, and report for everything else', () => {
    const profile = policyProfileSchema.parse(withSections({ remediation: { 'forwarding.mailbox-external': 'auto', 'accounts.dormant': 'approve' } }));
    expect(modeFor(profile, 'forwarding.mailbox-external')).toBe('auto');
    expect(modeFor(profile, 'accounts.dormant')).toBe('approve');
    const others = checkIds.filter((id) => id !== 'forwarding.mailbox-external' && id !== 'accounts.dormant');
    expect(others.map((id) => modeFor(profile, id))).toEqual(others.map(() => 'report'));
  });
});
