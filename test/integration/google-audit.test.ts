import { describe, expect, it } from 'vitest';
import type { FixtureInput } from '../../simulator/fixture/schema.ts';
import { buildPlan, expectedKey, generateFixture, itemIdFor, trickyCases } from '../../simulator/generate/index.ts';
import { useSimulator } from '../support/simulator.ts';
import { googleExpectedKeys, googleOpenKeys, googleOptions, notVerifiableKeys, setUpGoogleSchool, simUser, startGoogleAudit } from './google-support.ts';
import { demoProfile, listFindings, waitForRun } from './pipeline-support.ts';

const options = googleOptions(11);
const fixture = generateFixture(options);
const plan = buildPlan(options);
const sim = useSimulator(fixture);
/** Report-only, so these tests see the audit alone (remediation has its own file). */
const reportOnly = demoProfile({});
const withRealism = (realism: Partial<FixtureInput['realism']>): FixtureInput => ({ ...fixture, realism: { ...fixture.realism, ...realism } });

/** The generator's tricky cases on Google, as the keys a correct audit does or does not store (no HR feed here). */
const tricky = trickyCases(plan)
  .filter((t) => t.providers.includes('google-workspace') && t.checkId !== 'accounts.leaver-active')
  .map((t) => {
    const item = t.itemSeq === undefined ? undefined : itemIdFor(plan, 'google-workspace', t.itemSeq);
    return { id: t.id, expected: t.expected, key: expectedKey({ checkId: t.checkId, provider: 'google-workspace', email: t.email, ...(item ? { item } : {}) }) };
  });

/** A forwarding filter that does not also delete, so removing it settles exactly one finding. */
function plainForwardingFilter() {
  const all = fixture.expected ?? [];
  const found = all.find((e) => e.provider === 'google-workspace' && e.checkId === 'forwarding.inbox-rule-external' && !all.some((d) => d.checkId === 'deletion.inbox-rule' && d.item === e.item));
  if (!found?.item) throw new Error('the fixture has no plain forwarding filter');
  return { ...found, item: found.item };
}

describe('Google Workspace audit through the Worker', { timeout: 180_000 }, () => {
  it('completes and stores exactly the expected findings, tricky cases included', async () => {
    sim.reset();
    await setUpGoogleSchool('g-audit', fixture, reportOnly);
    const run = await waitForRun('g-audit', await startGoogleAudit('g-audit'));
    expect(run.errors).toEqual([]);
    expect(run.status).toBe('completed');
    expect(run.summary).toMatchObject({ mailboxes: 60, unreadMailboxes: 0 });
    const stored = await googleOpenKeys('g-audit');
    expect(stored).toEqual(googleExpectedKeys(fixture));
    expect(await notVerifiableKeys('g-audit')).toEqual(['forwarding.tenant-policy|google-workspace||', 'retention.policy-missing|google-workspace||']);

    // The cases the issue names by hand, so a renamed or dropped case cannot pass silently.
    const ids = tricky.map((t) => t.id);
    for (const id of ['forward-alias-domain', 'forward-rule-trust', 'redirect-multi-one-external', 'disclaimer-exempt-head', 'google-forwarding-disabled']) expect(ids).toContain(id);
    const wrong = tricky.filter((t) => stored.includes(t.key) !== t.expected).map((t) => `${t.id} (${t.expected ? 'missing' : 'reported'})`);
    expect(wrong).toEqual([]);

    // The filter that forwards only some mail names the one external address as evidence.
    const partial = tricky.find((t) => t.id === 'redirect-multi-one-external');
    const finding = (await listFindings('g-audit', '&status=open')).find((f) => partial && expectedKey({ checkId: f.checkId, provider: f.provider, email: f.subject.email ?? '', item: f.subject.item }) === partial.key);
    expect(JSON.stringify(finding?.evidence)).toMatch(/@outlook\.com/i);
  });

  it('a repeat audit resolves a forwarding filter deleted in Gmail meanwhile', async () => {
    sim.reset();
    await setUpGoogleSchool('g-repeat', fixture, reportOnly);
    expect((await waitForRun('g-repeat', await startGoogleAudit('g-repeat'))).status).toBe('completed');

    const fixed = plainForwardingFilter();
    const owner = simUser(sim.sim.ctx.fixture, fixed.email);
    expect(owner.gmail.filters.some((f) => f.id === fixed.item)).toBe(true);
    owner.gmail.filters = owner.gmail.filters.filter((f) => f.id !== fixed.item);

    const second = await waitForRun('g-repeat', await startGoogleAudit('g-repeat'));
    expect(second.status).toBe('completed');
    expect(second.summary?.resolved).toBe(1);
    expect(await googleOpenKeys('g-repeat')).toEqual(googleExpectedKeys(fixture).filter((k) => k !== expectedKey(fixed)));
    const resolved = await listFindings('g-repeat', '&status=resolved');
    expect(resolved.map((f) => f.subject.item)).toEqual([fixed.item]);
  });

  it('loses no user in a 429 storm and finds the same', async () => {
    sim.reset(withRealism({ throttleRate: 0.3, retryAfterSeconds: 0 }));
    await setUpGoogleSchool('g-storm', fixture, reportOnly);
    const run = await waitForRun('g-storm', await startGoogleAudit('g-storm'), 170_000);
    expect(sim.sim.ctx.recorder.requests.filter((r) => r.status === 429).length).toBeGreaterThan(20);
    expect(run.errors).toEqual([]);
    expect(run.status).toBe('completed');
    expect(run.summary).toMatchObject({ mailboxes: 60, unreadMailboxes: 0 });
    expect(await googleOpenKeys('g-storm')).toEqual(googleExpectedKeys(fixture));
  });

  it('reports a withheld gmail.settings.basic as a partial run naming it, and resolves nothing', async () => {
    sim.reset();
    await setUpGoogleSchool('g-scope', fixture, reportOnly);
    expect((await waitForRun('g-scope', await startGoogleAudit('g-scope'))).status).toBe('completed');
    const before = await googleOpenKeys('g-scope');

    sim.reset(withRealism({ withheldPermissions: ['gmail.settings.basic'] }));
    const run = await waitForRun('g-scope', await startGoogleAudit('g-scope'));
    expect(run.status).toBe('partial');
    expect(run.errors.length).toBeGreaterThan(0);
    expect(run.errors.every((e) => e.code === 'forbidden' && e.permission?.endsWith('gmail.settings.basic') === true && e.message.includes('gmail.settings.basic'))).toBe(true);
    // Not seeing the filters is no evidence they are gone.
    expect(run.summary?.resolved).toBe(0);
    expect(await googleOpenKeys('g-scope')).toEqual(before);
    expect(before.some((k) => k.startsWith('forwarding.inbox-rule-external|'))).toBe(true);
  });
});
