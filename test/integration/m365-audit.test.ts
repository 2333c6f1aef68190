import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { FixtureInput } from '../../simulator/fixture/schema.ts';
import { expectedKey } from '../../simulator/generate/index.ts';
import { connectionIdOf, demoProfile, expectedKeys, listFindings, m365Fixture, openKeys, setUpSchool, startAudit, waitForRun } from './m365-support.ts';
import { useRecordingSimulator } from './recording-simulator.ts';

const fixture = m365Fixture(11);
const sim = useRecordingSimulator(fixture);
/** Report-only, so these tests see the audit alone (remediation has its own file). */
const reportOnly = demoProfile({});

const userByEmail = (email: string) => {
  const user = sim.sim.ctx.fixture.microsoft?.users.find((u) => (u.mail ?? u.userPrincipalName).toLowerCase() === email.toLowerCase());
  if (!user?.mailbox) throw new Error(`no mailbox ${email} in the simulator`);
  return { ...user, mailbox: user.mailbox };
};

/** An external-forwarding rule that is only that (not also a deletion rule), so disabling it fixes one finding. */
function plainForwardingRule(f: FixtureInput) {
  const all = f.expected ?? [];
  const found = all.find((e) => e.checkId === 'forwarding.inbox-rule-external' && !all.some((d) => d.checkId === 'deletion.inbox-rule' && d.item === e.item));
  if (!found?.item) throw new Error('the fixture has no plain forwarding rule');
  return found;
}

describe('Microsoft 365 audit through the Worker', { timeout: 120_000 }, () => {
  it('completes, stores exactly the expected findings and reads Get-Mailbox once for the run', async () => {
    sim.reset();
    await setUpSchool('m365-audit', fixture, reportOnly);
    const runId = await startAudit('m365-audit');
    const run = await waitForRun('m365-audit', runId);
    expect(run.errors).toEqual([]);
    expect(run.status).toBe('completed');
    expect(run.summary).toMatchObject({ mailboxes: 60, unreadMailboxes: 0 });
    expect(await openKeys('m365-audit')).toEqual(expectedKeys(fixture));
    // 60 mailboxes are two batches, yet the tenant's mailboxes were listed once (with the directory) and none one by one.
    expect(sim.cmdlets.filter((c) => c.startsWith('Get-Mailbox'))).toEqual(['Get-Mailbox']);
  });

  it('re-audits through the stored delta link and resolves a finding fixed in the tenant meanwhile', async () => {
    sim.reset();
    await setUpSchool('m365-repeat', fixture, reportOnly);
    const first = await waitForRun('m365-repeat', await startAudit('m365-repeat'));
    expect(first.status).toBe('completed');
    const cursor = await env.DB.prepare("SELECT value FROM connector_cursors WHERE connection_id = ?1 AND name = 'directory'").bind(connectionIdOf('m365-repeat')).first<{ value: string }>();
    expect(cursor?.value).toContain('deltatoken');

    // Someone switches the rule off in Outlook between the two audits.
    const fixed = plainForwardingRule(fixture);
    const rule = userByEmail(fixed.email).mailbox.inboxRules.find((r) => r.id === fixed.item);
    if (!rule) throw new Error('rule not in the simulator');
    rule.isEnabled = false;
    sim.sim.ctx.recorder.clear();

    const second = await waitForRun('m365-repeat', await startAudit('m365-repeat'));
    expect(second.status).toBe('completed');
    const deltaReads = sim.sim.ctx.recorder.requests.filter((r) => r.url.startsWith('/v1.0/users/delta'));
    expect(deltaReads.length).toBeGreaterThan(0);
    expect(deltaReads.every((r) => r.url.includes('$deltatoken='))).toBe(true);
    expect(second.summary?.resolved).toBe(1);
    expect(await openKeys('m365-repeat')).toEqual(expectedKeys(fixture).filter((k) => k !== expectedKey(fixed)));
    const resolved = await listFindings('m365-repeat', '&status=resolved');
    expect(resolved.map((f) => f.subject.item)).toEqual([fixed.item]);
  });

  it('loses no mailbox in a 429 storm and finds the same', async () => {
    sim.reset({ ...fixture, realism: { ...fixture.realism, throttleRate: 0.3, retryAfterSeconds: 0 } });
    await setUpSchool('m365-storm', fixture, reportOnly);
    const run = await waitForRun('m365-storm', await startAudit('m365-storm'), 120_000);
    expect(sim.sim.ctx.recorder.requests.filter((r) => r.status === 429).length).toBeGreaterThan(20);
    expect(run.errors).toEqual([]);
    expect(run.status).toBe('completed');
    expect(run.summary).toMatchObject({ mailboxes: 60, unreadMailboxes: 0 });
    expect(await openKeys('m365-storm')).toEqual(expectedKeys(fixture));
  });

  it('reports a withheld MailboxSettings.Read as a partial run naming it, and keeps the earlier rule findings open', async () => {
    sim.reset();
    await setUpSchool('m365-forbidden', fixture, reportOnly);
    expect((await waitForRun('m365-forbidden', await startAudit('m365-forbidden'))).status).toBe('completed');
    const before = await openKeys('m365-forbidden');

    sim.reset({ ...fixture, realism: { ...fixture.realism, withheldPermissions: ['MailboxSettings.Read'] } });
    const run = await waitForRun('m365-forbidden', await startAudit('m365-forbidden'));
    expect(run.status).toBe('partial');
    expect(run.errors.length).toBeGreaterThan(0);
    expect(run.errors.every((e) => e.code === 'forbidden' && e.permission === 'MailboxSettings.Read' && e.message.includes('MailboxSettings.Read'))).toBe(true);
    // Not seeing the rules is no evidence they are gone: nothing was resolved.
    expect(run.summary?.resolved).toBe(0);
    expect(await openKeys('m365-forbidden')).toEqual(before);
    expect(before.some((k) => k.startsWith('forwarding.inbox-rule-external|'))).toBe(true);
  });

  it('warns about a user deleted mid-run and audits everyone else', async () => {
    // Deleted once the directory has been read (token, delta, sign-ins, Exchange token, Get-Mailbox).
    const victim = (fixture.expected ?? []).find((e) => e.checkId === 'recipients.exposed');
    if (!victim) throw new Error('no exposed-recipients finding in the fixture');
    sim.reset({ ...fixture, realism: { ...fixture.realism, deleteMidRun: [{ email: victim.email, afterRequests: 6 }] } });
    await setUpSchool('m365-deleted', fixture, reportOnly);
    const run = await waitForRun('m365-deleted', await startAudit('m365-deleted'));
    expect(run.status).toBe('completed');
    expect(run.errors).toEqual([]);
    expect(run.warnings.filter((w) => w.code !== 'unsupported_check' && w.code !== 'needs_hr_feed')).toEqual([expect.objectContaining({ code: 'not_found', message: expect.stringContaining(victim.email) as string })]);
    expect(run.summary).toMatchObject({ mailboxes: 60, unreadMailboxes: 1 });
    const mailboxChecks = (k: string) => !k.startsWith('disclaimer.missing|') && !k.startsWith('forwarding.tenant-policy|') && !k.startsWith('retention.policy-missing|');
    expect(await openKeys('m365-deleted')).toEqual(expectedKeys(fixture).filter((k) => !(mailboxChecks(k) && k.split('|')[2] === victim.email.toLowerCase())));
  });
});
