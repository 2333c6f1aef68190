import { describe, expect, it } from 'vitest';
import { evaluateMailboxes, evaluateTenant } from '../../src/domain/audit/evaluate.ts';
import type { Finding } from '../../src/domain/findings/finding.ts';
import { expectedKey } from '../../simulator/generate/index.ts';
import { useSimulator } from '../../test/support/simulator.ts';
import { demoPolicy } from './policy-for-tests.ts';
import { naiveGoogleAudit } from '../../bench/naive/google-workspace.ts';
import { allChecks, config, connector, makeKey, NOW, scopeAt, school } from './test-support.ts';

const key = await makeKey();
const env = useSimulator(() => school(key, { mailboxes: 120 }));

const keyOf = (f: Finding) => expectedKey({ checkId: f.checkId, provider: f.provider, email: f.subject.email ?? '', ...(f.subject.item && f.subject.email ? { item: f.subject.item } : {}) });

describe('a full audit of the generated school', { timeout: 60_000 }, () => {
  it('finds exactly what fixture.expected lists for Google (leavers come from the HR feed)', async () => {
    env.reset();
    const c = connector(key);
    const dir = await c.readDirectory(null);
    if (!dir.ok) throw new Error(dir.error.message);
    const read = await c.readMailboxes(dir.value.changed, scopeAt());
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.unread).toEqual([]);
    const tenant = await c.readTenant(scopeAt());
    if (!tenant.ok) throw new Error(tenant.error.message);
    const policy = demoPolicy(dir.value.domains);
    const findings = [
      ...evaluateMailboxes(read.value.snapshots, policy, allChecks, { now: NOW, currentStaffEmails: new Set() }).findings,
      // Tenant settings Google cannot show are reported as "not verifiable" (info), never expected.
      ...evaluateTenant(tenant.value, dir.value.changed, policy, allChecks, c.tenantId).filter((f) => f.severity !== 'info'),
    ];
    const expected = (env.sim.ctx.fixture.expected ?? []).filter((e) => e.checkId !== 'accounts.leaver-active').map(expectedKey).sort();
    // The generator's rules say protected accounts are never dormant; the shared evaluator still
    // reports them at low severity ("check it is still needed"), so those are compared separately.
    const protectedDormant = findings.filter((f) => f.checkId === 'accounts.dormant' && f.evidence.protected === true);
    expect(protectedDormant.every((f) => f.severity === 'low')).toBe(true);
    expect(findings.filter((f) => !protectedDormant.includes(f)).map(keyOf).sort()).toEqual(expected);
  });

  it('reads the same snapshots as the naive one-request-at-a-time baseline, in fewer requests', async () => {
    env.reset(school(key, { mailboxes: 30 }));
    const c = connector(key);
    const dir = await c.readDirectory(null);
    if (!dir.ok) throw new Error(dir.error.message);
    const read = await c.readMailboxes(dir.value.changed, scopeAt());
    if (!read.ok) throw new Error(read.error.message);
    const naive = await naiveGoogleAudit('https://www.googleapis.com', config(), scopeAt(), key.privatePem);
    const byId = <T extends { user: { id: string } }>(list: T[]) => [...list].sort((a, b) => a.user.id.localeCompare(b.user.id));
    expect(byId(read.value.snapshots)).toEqual(byId(naive.snapshots));
    // Token requests included: least privilege costs two tokens per person where the baseline uses one.
    expect(c.stats.requests).toBeLessThan(naive.requests / 2);
  });
});
