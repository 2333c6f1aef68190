import { describe, expect, it } from 'vitest';
import { buildPlan, expectedKey, itemIdFor, renderFixture, trickyCases } from './index.ts';

/** The edge cases the brief asked for, by id (README "Tricky cases"). */
const required = [
  'forward-rule-trust',
  'forward-rule-pta',
  'forward-mailbox-personal',
  'redirect-multi-one-external',
  'forward-as-attachment-external',
  'forward-rule-disabled',
  'delete-rule-move-deleted',
  'move-rule-ordinary',
  'delete-rule-permanent',
  'disclaimer-exempt-head',
  'disclaimer-case-whitespace',
  'shared-mailbox-forward-external',
  'attachment-exactly-limit',
  'attachment-just-over',
  'retention-bursar-hold',
  'exposed-bcc-only',
  'dormant-disabled',
  'dormant-breakglass',
  'forward-alias-domain',
  'forward-lookalike-domain',
  'leaver-active',
  'leaver-future',
  'leaver-no-account',
];

describe('tricky cases', () => {
  for (const seed of [1, 2, 3]) {
    it(`are all present, and expected exactly when they say so (seed ${seed})`, () => {
      const options = { mailboxes: 20 + seed * 30, seed };
      const plan = buildPlan(options);
      const fixture = renderFixture(plan, options);
      const keys = new Set((fixture.expected ?? []).map(expectedKey));
      const cases = trickyCases(plan);
      expect(cases.map((c) => c.id)).toEqual(expect.arrayContaining(required));
      expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
      for (const c of cases) {
        for (const provider of c.providers) {
          const item = c.itemSeq === undefined ? undefined : itemIdFor(plan, provider, c.itemSeq);
          if (c.itemSeq !== undefined) expect(item, c.id).toBeDefined();
          const key = expectedKey({ checkId: c.checkId, email: c.email, provider, ...(item ? { item } : {}) });
          expect(keys.has(key), `${c.id} on ${provider}`).toBe(c.expected);
        }
      }
    });
  }

  it('renders the multi-address redirect with all its addresses on Microsoft and the external one on Google', () => {
    const plan = buildPlan({ mailboxes: 20, seed: 4 });
    const c = trickyCases(plan).find((x) => x.id === 'redirect-multi-one-external');
    const fixture = renderFixture(plan, { mailboxes: 20, seed: 4 });
    const msRule = fixture.microsoft?.users?.find((u) => u.userPrincipalName === c?.email)?.mailbox?.inboxRules?.find((r) => r.id === itemIdFor(plan, 'microsoft365', c?.itemSeq ?? -1));
    const addresses = msRule?.actions.redirectTo?.map((r) => r.emailAddress.address) ?? [];
    expect(addresses).toHaveLength(3);
    const filter = fixture.google?.users?.find((u) => u.primaryEmail === c?.email)?.gmail?.filters?.find((f) => f.id === itemIdFor(plan, 'google-workspace', c?.itemSeq ?? -1));
    expect(filter?.action?.forward).toBe(addresses[2]);
    expect(addresses[2]).toMatch(/@outlook\.com$/);
  });

  it('uses the Microsoft disclaimer problem asked for', () => {
    for (const problem of ['extra-exception', 'audit-mode', 'wrong-phrase', 'none'] as const) {
      const options = { mailboxes: 20, seed: 1, microsoftDisclaimer: problem };
      const f = renderFixture(buildPlan(options), options);
      const found = (f.expected ?? []).some((e) => e.provider === 'microsoft365' && e.checkId === 'disclaimer.missing');
      expect(found, problem).toBe(problem !== 'none');
    }
  });
});
